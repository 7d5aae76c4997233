// A code picker: the ARIA 1.2 combobox pattern (input + listbox with aria-activedescendant) searching
// GET /api/codes, and the chosen codes as a list with a remove button each.
// Keys: ArrowDown/ArrowUp move through suggestions, Enter chooses, Escape closes, Tab leaves.
import { el, t, language } from "./common.js";

let pickers = 0;

export class CodePicker {
  constructor(container, { system, labelKey, hintKey, path, max = 50 }) {
    this.system = system;
    this.path = path;
    this.max = max;
    this.codes = [];
    this.options = [];
    this.active = -1;
    this.request = 0;
    const id = `picker-${++pickers}`;
    this.input = el("input", {
      id: `${id}-input`, type: "text", role: "combobox", autocomplete: "off", spellcheck: "false",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": `${id}-list`,
      "aria-describedby": `${id}-hint ${id}-error`, "data-path": path,
    });
    this.list = el("ul", { id: `${id}-list`, role: "listbox", hidden: true, "aria-labelledby": `${id}-label` });
    this.status = el("div", { class: "sr-only", role: "status", "aria-live": "polite" });
    this.chips = el("ul", { class: "chips", "aria-labelledby": `${id}-label` });
    this.labelElement = el("label", { id: `${id}-label`, for: this.input.id, "data-i18n": labelKey });
    this.error = el("span", { id: `${id}-error`, class: "error-message", "data-error-for": path });
    this.field = el("div", { class: "field", "data-field": path },
      this.labelElement,
      el("span", { id: `${id}-hint`, class: "hint", "data-i18n": hintKey }),
      this.error,
      el("div", { class: "combobox" }, this.input, this.list),
      this.chips, this.status);
    container.append(this.field);

    this.input.addEventListener("input", () => this.search());
    this.input.addEventListener("keydown", (event) => this.key(event));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  }

  async search() {
    const query = this.input.value.trim();
    const ticket = ++this.request;
    if (query.length === 0) { this.close(); return; }
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (ticket !== this.request) return;
    let found = [];
    try {
      const response = await fetch(`/api/codes?system=${this.system}&q=${encodeURIComponent(query)}&limit=12`);
      found = response.ok ? await response.json() : [];
    } catch { found = []; }
    if (ticket !== this.request) return;
    this.show(found.filter((code) => !this.codes.some((chosen) => chosen.code === code.code)));
  }

  show(found) {
    this.options = found;
    this.active = -1;
    this.list.replaceChildren(...found.map((code, index) => el("li", {
      id: `${this.list.id}-${index}`, role: "option", "aria-selected": "false", "data-code": code.code,
      onmousedown: (event) => { event.preventDefault(); this.choose(index); },
    }, el("span", { class: "code" }, code.code), this.text(code))));
    const open = found.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    this.input.removeAttribute("aria-activedescendant");
    this.status.textContent = open ? t("form.matches", { n: found.length }) : t("form.noMatches");
  }

  text(code) { return language() === "da" ? code.labelDa : (code.labelEn || code.labelDa); }

  key(event) {
    const open = !this.list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!open) { if (this.options.length) this.show(this.options); return; }
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.highlight((this.active + step + this.options.length) % this.options.length);
    } else if (event.key === "Enter") {
      if (open && this.active >= 0) { event.preventDefault(); this.choose(this.active); }
      else if (open) event.preventDefault();
    } else if (event.key === "Escape") {
      if (open) { event.preventDefault(); this.close(); } else this.input.value = "";
    }
  }

  highlight(index) {
    this.active = index;
    for (const [i, option] of [...this.list.children].entries()) option.setAttribute("aria-selected", String(i === index));
    const option = this.list.children[index];
    this.input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  choose(index) {
    const code = this.options[index];
    if (!code) return;
    this.codes.push(code);
    this.input.value = "";
    this.close();
    this.renderChips();
    this.status.textContent = t("form.added", { code: code.code });
    this.input.focus();
    this.field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  remove(code) {
    this.codes = this.codes.filter((c) => c.code !== code);
    this.renderChips();
    this.status.textContent = t("form.removed", { code });
    this.input.focus();
    this.field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  close() {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  renderChips() {
    this.chips.replaceChildren(...this.codes.map((code) => el("li", {},
      el("span", { class: "code" }, code.code), el("span", {}, this.text(code)),
      el("button", {
        type: "button", class: "secondary small", "aria-label": `${t("form.remove")} ${code.code} ${this.text(code)}`,
        onclick: () => this.remove(code.code),
      }, "✕"))));
  }

  values() { return this.codes.map((code) => code.code); }
}
