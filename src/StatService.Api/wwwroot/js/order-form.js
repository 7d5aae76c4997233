// The order form: product, cohort (code pickers, occurrence), period, index date, alive and resident, age,
// sex, regions, breakdowns, purpose, contact.
// Checks mirror the server's (StatService.Core.Catalogue.CohortParametersReader and the form endpoint);
// the server's problem+json errors are shown by the same paths.
import { startPage, onLanguage, applyTexts, t, el, callJson, language, label, formatNumber } from "./common.js";
import { CodePicker } from "./code-picker.js";
import { clearErrors, showErrors } from "./form-errors.js";

const requesterKinds = ["company", "patient_association", "journalist", "researcher"];
// Occurrence.All on the server: prevalent and incident.
const occurrences = ["any", "first-ever"];
const maxCodes = 50;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const form = document.getElementById("order-form");
const summary = document.getElementById("error-summary");
let products = [];
let coverage = null;
let pickers = {};

startPage("form.title");
init().catch(() => showErrors(form, summary, {}, t("common.networkError")));

/** The product's title and description in the page's language, when the product has them. */
function productText(product) {
  return product.translations?.[language()] ?? { title: product.title, description: product.description };
}

async function init() {
  const [productAnswer, extractAnswer, regionAnswer] = await Promise.all([
    callJson("/api/products"), callJson("/api/extracts"), callJson("/api/codes?system=region&limit=50"),
  ]);
  products = productAnswer.body ?? [];
  const newest = (extractAnswer.body ?? [])[0];
  coverage = newest ? { from: newest.coverageFrom, to: newest.coverageTo } : null;
  for (const input of form.querySelectorAll("input[type=date]")) {
    if (coverage) { input.min = coverage.from; input.max = coverage.to; }
  }

  const container = document.getElementById("pickers");
  pickers = {
    include: new CodePicker(container, { system: "icd10", labelKey: "form.diagnosesInclude", hintKey: "form.diagnosesIncludeHint", path: "parameters.diagnoses.include" }),
    exclude: new CodePicker(container, { system: "icd10", labelKey: "form.diagnosesExclude", hintKey: "form.diagnosesExcludeHint", path: "parameters.diagnoses.exclude" }),
    procedures: new CodePicker(container, { system: "procedure", labelKey: "form.procedures", hintKey: "form.proceduresHint", path: "parameters.procedures.include" }),
    proceduresExclude: new CodePicker(container, { system: "procedure", labelKey: "form.proceduresExclude", hintKey: "form.proceduresExcludeHint", path: "parameters.procedures.exclude" }),
    medications: new CodePicker(container, { system: "atc", labelKey: "form.medications", hintKey: "form.medicationsHint", path: "parameters.medications.include" }),
    medicationsExclude: new CodePicker(container, { system: "atc", labelKey: "form.medicationsExclude", hintKey: "form.medicationsExcludeHint", path: "parameters.medications.exclude" }),
    measureAtc: new CodePicker(document.getElementById("measure-pickers"), { system: "atc", labelKey: "form.measureAtc", hintKey: "form.measureAtcHint", path: "parameters.measureAtc" }),
  };

  document.getElementById("products").replaceChildren(...products.map((product, index) =>
    el("div", { class: "choice product" },
      el("input", { type: "radio", name: "product", id: `product-${product.id}`, value: product.id, checked: index === 0, "aria-describedby": `product-${product.id}-description` }),
      el("label", { for: `product-${product.id}` }, el("strong", {}, productText(product).title),
        el("span", { class: "description", id: `product-${product.id}-description` }, productText(product).description)))));
  document.getElementById("regions").replaceChildren(...(regionAnswer.body ?? []).map((region) =>
    el("div", { class: "choice" },
      el("input", { type: "checkbox", name: "region", id: `region-${region.code}`, value: region.code }),
      el("label", { for: `region-${region.code}`, "data-da": region.labelDa, "data-en": region.labelEn || region.labelDa }, region.labelDa))));
  form.addEventListener("change", (event) => { if (event.target.name === "product") productChanged(); schedulePreview(); });
  form.addEventListener("input", schedulePreview);
  for (const input of form.querySelectorAll("input[type=date]")) input.addEventListener("input", () => { input.dataset.typed = "yes"; });
  productChanged();
  await fillAgain();
  schedulePreview();

  onLanguage(() => {
    applyTexts();
    for (const region of document.querySelectorAll("#regions label[data-da]")) region.textContent = region.dataset[language()];
    // The product texts come from the catalogue in both languages: switch them with the page.
    for (const item of products) {
      const label = document.querySelector(`label[for="product-${CSS.escape(item.id)}"]`);
      label?.querySelector("strong")?.replaceChildren(productText(item).title);
      label?.querySelector(".description")?.replaceChildren(productText(item).description);
    }
    document.getElementById("period-hint").textContent = coverage ? t("form.periodHint", coverage) : "";
    renderChoices();
    for (const picker of Object.values(pickers)) picker.renderChips();
    schedulePreview();
  });
  form.addEventListener("submit", submit);
}

function product() {
  const chosen = form.querySelector("input[name=product]:checked")?.value;
  return products.find((p) => p.id === chosen) ?? null;
}

/** The parameters a product takes: its parameter schema's properties (else its example's). */
function takes(chosen) {
  const properties = chosen?.parameterSchema?.properties ?? chosen?.example?.parameters ?? {};
  return new Set(Object.keys(properties));
}

/** Shows only the parameters the chosen product takes, prefilled from its example. */
function productChanged() {
  const chosen = product();
  const example = chosen?.example?.parameters ?? {};
  const keys = takes(chosen);
  pickers.include.field.hidden = !keys.has("diagnoses");
  pickers.exclude.field.hidden = !keys.has("diagnoses");
  pickers.procedures.field.hidden = !keys.has("procedures");
  pickers.proceduresExclude.field.hidden = !keys.has("procedures");
  pickers.medications.field.hidden = !keys.has("medications");
  pickers.medicationsExclude.field.hidden = !keys.has("medications");
  pickers.measureAtc.field.hidden = !keys.has("measureAtc");
  for (const key of ["occurrence", "age", "sex", "regions", "indexDate", "aliveAndResident", "measure"]) {
    form.querySelector(`[data-field='parameters.${key}']`).hidden = !keys.has(key);
  }
  form.querySelector("[data-field='parameters.breakdown']").hidden = !keys.has("breakdown") || !(chosen?.breakdowns?.length);
  // The product's example fills the dates the requester has not typed yet.
  const prefill = [["period-from", example.period?.from], ["period-to", example.period?.to], ["index-date", example.indexDate]];
  for (const [id, value] of prefill) {
    const input = document.getElementById(id);
    if (!input.dataset.typed) input.value = value ?? "";
  }
  renderChoices();
}

function renderChoices() {
  const chosen = product();
  const breakdowns = document.getElementById("breakdowns");
  const checked = new Set([...breakdowns.querySelectorAll("input:checked")].map((input) => input.value));
  breakdowns.replaceChildren(...(chosen?.breakdowns ?? []).map((name) =>
    el("div", { class: "choice" },
      el("input", { type: "checkbox", name: "breakdown", id: `breakdown-${name}`, value: name, checked: checked.has(name) }),
      el("label", { for: `breakdown-${name}` }, label("breakdown", name)))));
  const measures = document.getElementById("measures");
  const measure = measures.querySelector("input:checked")?.value ?? chosen?.example?.parameters?.measure ?? "persons";
  measures.replaceChildren(...(chosen?.measures ?? []).map((name) =>
    el("div", { class: "choice" },
      el("input", { type: "radio", name: "measure", id: `measure-${name}`, value: name, checked: name === measure }),
      el("label", { for: `measure-${name}` }, label("measure", name)))));
  const kinds = document.getElementById("kinds");
  const kind = kinds.querySelector("input:checked")?.value;
  kinds.replaceChildren(...requesterKinds.map((name) =>
    el("div", { class: "choice" },
      el("input", { type: "radio", name: "requesterKind", id: `kind-${name}`, value: name, checked: kind === name, required: true }),
      el("label", { for: `kind-${name}` }, t(`kind.${name}`)))));
}

function value(id) { return document.getElementById(id).value.trim(); }

function age(id) {
  const text = value(id);
  return text === "" ? null : Number(text);
}

/**
 * The body of POST /api/form/orders, with only the parameters the product takes: those the form asks
 * for, and the example's value for any it does not (spec version, medicine groups).
 */
function body() {
  const chosen = product();
  const example = chosen?.example?.parameters ?? {};
  const keys = takes(chosen);
  const all = {
    diagnoses: { include: pickers.include.values(), exclude: pickers.exclude.values() },
    procedures: { include: pickers.procedures.values(), exclude: pickers.proceduresExclude.values() },
    medications: { include: pickers.medications.values(), exclude: pickers.medicationsExclude.values() },
    occurrence: form.querySelector("input[name=occurrence]:checked")?.value ?? "any",
    period: { from: value("period-from"), to: value("period-to") },
    indexDate: value("index-date") || null,
    age: { min: age("age-min"), max: age("age-max") },
    sex: form.querySelector("input[name=sex]:checked")?.value || null,
    regions: [...form.querySelectorAll("input[name=region]:checked")].map((input) => input.value),
    aliveAndResident: document.getElementById("alive-resident").checked,
    breakdown: [...form.querySelectorAll("input[name=breakdown]:checked")].map((input) => input.value),
    measure: form.querySelector("input[name=measure]:checked")?.value ?? null,
    measureAtc: pickers.measureAtc.values(),
  };
  const parameters = {};
  for (const key of keys) {
    if (key in all) parameters[key] = all[key];
    else if (key in example) parameters[key] = example[key];
  }
  const organisation = value("contact-organisation");
  return {
    product: chosen?.id ?? null,
    parameters,
    purpose: value("purpose"),
    contact: { name: value("contact-name"), email: value("contact-email"), ...(organisation ? { organisation } : {}) },
    requesterKind: form.querySelector("input[name=requesterKind]:checked")?.value ?? null,
    language: language(),
  };
}

/** The same rules as the server (CohortParametersReader and the product's limits), by the same paths. */
function check(order) {
  const limits = product()?.limits ?? {};
  const errors = {};
  const add = (path, message) => (errors[path] ??= []).push(message);
  const p = order.parameters;
  const dateOk = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
  const inside = (text) => !coverage || (text >= coverage.from && text <= coverage.to);
  if (!order.product) add("product", t("error.required"));
  const inclusions = (p.diagnoses?.include.length ?? 0) + (p.procedures?.include.length ?? 0) + (p.medications?.include.length ?? 0);
  const criteria = inclusions + (p.diagnoses?.exclude.length ?? 0) + (p.procedures?.exclude?.length ?? 0) + (p.medications?.exclude?.length ?? 0);
  if (inclusions === 0) add("parameters", t("error.inclusionRequired"));
  const maxCriteria = limits.maxCriteria ?? maxCodes;
  if (criteria > maxCriteria) add("parameters", t("error.tooManyCriteria", { n: maxCriteria }));
  if (p.occurrence !== undefined && !occurrences.includes(p.occurrence)) add("parameters.occurrence", t("error.occurrence"));
  if (p.aliveAndResident !== undefined && typeof p.aliveAndResident !== "boolean") add("parameters.aliveAndResident", t("error.boolean"));
  if (p.measureAtc && p.measureAtc.length > maxCriteria) add("parameters.measureAtc", t("error.tooManyCodes", { n: maxCriteria }));
  if (p.breakdown && limits.maxDimensions && p.breakdown.length > limits.maxDimensions) add("parameters.breakdown", t("error.tooManyBreakdowns", { n: limits.maxDimensions }));
  if (p.period) {
    for (const key of ["from", "to"]) {
      const text = p.period[key];
      if (!text) add(`parameters.period.${key}`, t("error.required"));
      else if (!dateOk(text)) add(`parameters.period.${key}`, t("error.date"));
      else if (!inside(text)) add(`parameters.period.${key}`, t("error.coverage", coverage));
    }
    if (dateOk(p.period.from) && dateOk(p.period.to) && p.period.from > p.period.to) add("parameters.period", t("error.fromAfterTo"));
    else if (dateOk(p.period.from) && dateOk(p.period.to) && limits.maxPeriodYears
      && Number(p.period.to.slice(0, 4)) - Number(p.period.from.slice(0, 4)) + 1 > limits.maxPeriodYears) add("parameters.period", t("error.periodYears", { n: limits.maxPeriodYears }));
  }
  if (p.indexDate) {
    if (!dateOk(p.indexDate)) add("parameters.indexDate", t("error.date"));
    else if (!inside(p.indexDate)) add("parameters.indexDate", t("error.coverage", coverage));
  }
  if (p.age) {
    for (const key of ["min", "max"]) {
      const years = p.age[key];
      if (years !== null && !(Number.isInteger(years) && years >= 0 && years <= 125)) add(`parameters.age.${key}`, t("error.age"));
    }
    if (Number.isInteger(p.age.min) && Number.isInteger(p.age.max) && p.age.min > p.age.max) add("parameters.age", t("error.ageOrder"));
  }
  if (!order.purpose) add("purpose", t("error.required"));
  else if (order.purpose.length > 4000) add("purpose", t("error.tooLong", { n: 4000 }));
  if (order.contact.name.length > 200) add("contact.name", t("error.tooLong", { n: 200 }));
  if (order.contact.organisation && order.contact.organisation.length > 200) add("contact.organisation", t("error.tooLong", { n: 200 }));
  if (!order.contact.name) add("contact.name", t("error.required"));
  if (!order.contact.email) add("contact.email", t("error.required"));
  else if (order.contact.email.length > 254 || !emailPattern.test(order.contact.email)) add("contact.email", t("error.email"));
  if (!order.requesterKind) add("requesterKind", t("error.required"));
  return errors;
}

/**
 * "Order again" from a status page: the fragment <c>#again=</c> holds the earlier order's product and parameters,
 * which fill the form (codes named by the code search); the requester checks them, fills in the contact and sends.
 */
async function fillAgain() {
  if (!location.hash.startsWith("#again=")) return;
  let earlier;
  try { earlier = JSON.parse(decodeURIComponent(location.hash.slice("#again=".length))); } catch { return; }
  const radio = document.getElementById(`product-${earlier?.product}`);
  if (!radio || typeof earlier.parameters !== "object" || earlier.parameters === null) return;
  radio.checked = true;
  productChanged();
  const p = earlier.parameters;
  const named = async (picker, codes) => {
    picker.codes = await Promise.all((Array.isArray(codes) ? codes : []).map(async (code) => {
      const answer = await callJson(`/api/codes?system=${picker.system}&q=${encodeURIComponent(code)}&limit=5`).catch(() => null);
      return (answer?.body ?? []).find((found) => found.code === code) ?? { code, labelDa: "", labelEn: "" };
    }));
    picker.renderChips();
  };
  await Promise.all([
    named(pickers.include, p.diagnoses?.include), named(pickers.exclude, p.diagnoses?.exclude),
    named(pickers.procedures, p.procedures?.include), named(pickers.proceduresExclude, p.procedures?.exclude),
    named(pickers.medications, p.medications?.include), named(pickers.medicationsExclude, p.medications?.exclude),
    named(pickers.measureAtc, p.measureAtc),
  ]);
  const set = (id, text) => { const input = document.getElementById(id); input.value = text ?? ""; input.dataset.typed = "yes"; };
  set("period-from", p.period?.from);
  set("period-to", p.period?.to);
  set("index-date", p.indexDate);
  document.getElementById("age-min").value = p.age?.min ?? "";
  document.getElementById("age-max").value = p.age?.max ?? "";
  const check = (selector, on) => { const input = form.querySelector(selector); if (input) input.checked = on; };
  if (p.occurrence) check(`input[name=occurrence][value="${CSS.escape(p.occurrence)}"]`, true);
  check(`input[name=sex][value="${CSS.escape(p.sex ?? "")}"]`, true);
  for (const region of form.querySelectorAll("input[name=region]")) region.checked = (p.regions ?? []).includes(region.value);
  if (typeof p.aliveAndResident === "boolean") document.getElementById("alive-resident").checked = p.aliveAndResident;
  for (const breakdown of form.querySelectorAll("input[name=breakdown]")) breakdown.checked = (p.breakdown ?? []).includes(breakdown.value);
  if (p.measure) check(`input[name=measure][value="${CSS.escape(p.measure)}"]`, true);
}

let previewTimer = null;
let previewNumber = 0;

/** Asks for a new preview once the requester pauses (a change of a choice, or 400 ms after the last key). */
function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(preview, 400);
}

/**
 * What the order would be as filled in so far (POST /api/form/orders/preview): the definition in words, the tables'
 * rows and columns, the size, review, turnaround and price, or what the server still finds wrong. Only the specification is sent; nothing is stored.
 */
async function preview() {
  const number = ++previewNumber;
  const order = body();
  const target = document.getElementById("preview-body");
  target.setAttribute("aria-busy", "true");
  let answer;
  try {
    answer = await callJson("/api/form/orders/preview", { method: "POST", body: { product: order.product, parameters: order.parameters, language: order.language } });
  } catch {
    answer = null;
  }
  // A later preview has been asked for: this answer is for a form that no longer exists.
  if (number !== previewNumber) return;
  target.removeAttribute("aria-busy");
  target.dataset.state = answer?.ok ? "ready" : "problem";
  if (!answer) { target.replaceChildren(el("p", {}, t("common.networkError"))); return; }
  if (!answer.ok) {
    const messages = Object.values(answer.body?.errors ?? {}).flat();
    target.replaceChildren(
      el("p", {}, t("form.previewNotReady")),
      el("ul", { class: "preview-problems" }, ...(messages.length ? messages : [answer.body?.detail ?? String(answer.status)]).map((m) => el("li", {}, m))));
    return;
  }
  const p = answer.body;
  const facts = [
    ["form.previewDefinition", p.definition ?? p.productTitle, "definition"],
    ["form.previewTables", el("ul", { class: "layout" }, (p.tables ?? []).map((table) => el("li", {}, table.text))), "tables"],
    ["form.previewCells", t("form.previewCellsValue", { n: formatNumber(p.estimatedCells) }), "cells"],
    ["form.previewReview", p.review, "review"],
    ["form.previewTurnaround", p.turnaround, "turnaround"],
  ];
  if (p.price) facts.push(["form.previewPrice", p.price, "price"]);
  target.replaceChildren(
    el("dl", { class: "facts" }, ...facts.flatMap(([key, text, name]) => [el("dt", {}, t(key)), el("dd", { "data-preview": name }, text)])),
    ...(p.notes ?? []).map((note) => el("p", { class: "notice warning", "data-preview": "note" }, note)));
}

async function submit(event) {
  event.preventDefault();
  clearErrors(form, summary);
  const order = body();
  const errors = check(order);
  if (Object.keys(errors).length > 0) { showErrors(form, summary, errors); return; }
  const button = document.getElementById("submit");
  button.disabled = true;
  button.textContent = t("form.sending");
  try {
    const answer = await callJson("/api/form/orders", { method: "POST", body: order });
    if (answer.ok && answer.body?.statusUrl) {
      sent(answer.body.statusUrl);
      return;
    }
    const problem = answer.body ?? {};
    showErrors(form, summary, problem.errors ?? {}, t("error.server", { detail: problem.detail ?? problem.title ?? answer.status }));
  } catch {
    showErrors(form, summary, {}, t("common.networkError"));
  } finally {
    button.disabled = false;
    button.textContent = t("form.submit");
  }
}

function sent(statusUrl) {
  const link = document.getElementById("status-link");
  const url = new URL(statusUrl, location.origin);
  link.href = url.pathname;
  link.textContent = url.href;
  form.hidden = true;
  const done = document.getElementById("sent");
  done.hidden = false;
  done.focus();
}
