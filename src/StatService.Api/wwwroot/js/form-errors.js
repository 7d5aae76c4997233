// Errors shown next to the field they name. Server errors are keyed by JSON path
// ("parameters.diagnoses.include[0]", "contact.email"); the client's own checks use the same paths,
// so both land in the same place. A path without a field of its own goes to its nearest parent's.
import { el, t } from "./common.js";

export function clearErrors(form, summary) {
  for (const message of form.querySelectorAll("[data-error-for]")) message.textContent = "";
  for (const field of form.querySelectorAll(".has-error")) field.classList.remove("has-error");
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  summary.hidden = true;
  summary.querySelector("ul").replaceChildren();
}

function nearest(form, path) {
  for (let candidate = path; candidate; candidate = parent(candidate)) {
    const message = form.querySelector(`[data-error-for="${CSS.escape(candidate)}"]`);
    if (message) return message;
  }
  return null;
}

function parent(path) {
  if (path.endsWith("]")) return path.slice(0, path.lastIndexOf("["));
  const dot = path.lastIndexOf(".");
  return dot > 0 ? path.slice(0, dot) : "";
}

/** Shows { path: [messages] } beside the fields and in the summary (focused, so it is announced). */
export function showErrors(form, summary, errors, fallbackDetail) {
  const list = summary.querySelector("ul");
  const entries = Object.entries(errors);
  if (entries.length === 0 && fallbackDetail) entries.push(["", [fallbackDetail]]);
  for (const [path, messages] of entries) {
    const text = messages.join(" ");
    const message = nearest(form, path);
    let target = null;
    if (message) {
      message.textContent = message.textContent ? `${message.textContent} ${text}` : text;
      const owner = message.closest("[data-field]");
      owner?.classList.add("has-error");
      target = owner?.querySelector("input, textarea, select");
      target?.setAttribute("aria-invalid", "true");
    }
    // The summary names the field, so each line makes sense on its own.
    const field = message?.closest("[data-field]");
    // A radio or checkbox group is named by its question (the legend), not by its first option.
    const grouped = target?.type === "radio" || target?.type === "checkbox";
    const name = ((grouped ? field?.querySelector("legend") : null) ?? target?.labels?.[0] ?? field?.querySelector("legend"))?.textContent?.trim();
    const line = name ? `${name}: ${text}` : text;
    const link = target?.id ? el("a", { href: `#${target.id}`, onclick: (event) => { event.preventDefault(); target.focus(); } }, line) : line;
    list.append(el("li", { "data-path": path }, link));
  }
  summary.hidden = false;
  summary.focus();
}
