// Caseworker pages: the review queue (specification in words, the tables' layout, estimated size, approve with a price quote or
// reject with a reason), every order with filters (status, product, requester kind, date), and the disclosure
// summary of delivered orders with who asked for them. The page refreshes itself while nobody is typing a decision. The caseworker's
// API key is kept in sessionStorage (this tab only) and sent as a Bearer token.
import { startPage, onLanguage, t, el, callJson, formatDateTime, formatNumber, formatShare, label, language, shortId } from "./common.js";

const keyName = "statservice.caseworkerKey";
const deliveredShown = 20;
const refreshSeconds = 15;
const statuses = ["in_review", "queued", "running", "delivered", "failed", "rejected", "cancelled", "submitted"];
const kinds = ["company", "patient_association", "journalist", "researcher", "caseworker"];
let pending = [];
let delivered = [];
let orders = [];
let products = [];
let updatedAt = null;

startPage("review.title");
onLanguage(render);
document.getElementById("sign-in").addEventListener("submit", signIn);
document.getElementById("sign-out").addEventListener("click", () => { sessionStorage.removeItem(keyName); pending = []; delivered = []; orders = []; render(); });
document.getElementById("refresh").addEventListener("click", load);
for (const id of ["filter-status", "filter-product", "filter-kind", "filter-from"]) document.getElementById(id).addEventListener("change", renderAll);
if (apiKey()) load();
setInterval(() => { if (apiKey() && !deciding()) load(); }, refreshSeconds * 1000);

/** True while the caseworker is writing a price, note or reason: a refresh would throw their words away. */
function deciding() {
  const pendingList = document.getElementById("pending");
  return pendingList.contains(document.activeElement) ||
    [...pendingList.querySelectorAll("input, textarea")].some((field) => field.value && field.defaultValue !== field.value);
}

function apiKey() { return sessionStorage.getItem(keyName); }

async function signIn(event) {
  event.preventDefault();
  const input = document.getElementById("api-key");
  const error = document.getElementById("api-key-error");
  error.textContent = "";
  input.removeAttribute("aria-invalid");
  const key = input.value.trim();
  if (!key) { fail(t("error.required")); return; }
  const answer = await callJson("/api/review/orders", { apiKey: key });
  if (!answer.ok) { fail(t("review.badKey")); return; }
  sessionStorage.setItem(keyName, key);
  input.value = "";
  await load();
  document.getElementById("pending-title").focus?.();

  function fail(text) {
    error.textContent = text;
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }
}

/** Reloads every list; <force> redraws the queue even while a decision is being typed (after a decision, or asked). */
async function load(force = false) {
  const key = apiKey();
  if (!key) { render(); return; }
  const queue = await callJson("/api/review/orders", { apiKey: key });
  if (queue.status === 401 || queue.status === 403) { sessionStorage.removeItem(keyName); render(); return; }
  pending = Array.isArray(queue.body) ? queue.body : (queue.body?.orders ?? []);
  const [all, catalogue] = await Promise.all([callJson("/api/orders?limit=500", { apiKey: key }), products.length ? null : callJson("/api/products")]);
  if (catalogue?.ok) products = catalogue.body;
  // The list is newest first.
  orders = Array.isArray(all.body) ? all.body : [];
  const done = orders.filter((order) => order.status === "delivered").slice(0, deliveredShown);
  delivered = await Promise.all(done.map(async (order) => {
    const result = await callJson(`/api/orders/${order.id}/result`, { apiKey: key });
    return { order, release: result.ok ? result.body : null };
  }));
  updatedAt = new Date();
  render(force === true || force instanceof Event);
}

function render(force = false) {
  const signedIn = Boolean(apiKey());
  document.getElementById("sign-in").hidden = signedIn;
  document.getElementById("signed-in").hidden = !signedIn;
  if (!signedIn) return;
  const list = document.getElementById("pending");
  if (force === true || !deciding()) list.replaceChildren(...(pending.length === 0 ? [el("p", {}, t("review.nonePending"))] : pending.map(card)));
  document.getElementById("updated").textContent = updatedAt
    ? t("review.updated", { time: formatDateTime(updatedAt.toISOString()), seconds: refreshSeconds }) : "";
  renderFilters();
  renderAll();
  renderDelivered();
}

function productTitle(id) {
  const product = products.find((p) => p.id === id);
  return product ? (product.translations?.[language()]?.title ?? product.title) : id;
}

function options(select, values, text) {
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "" }, t("review.filterAll")), ...values.map((value) => el("option", { value }, text(value))));
  select.value = values.includes(chosen) ? chosen : "";
}

function renderFilters() {
  options(document.getElementById("filter-status"), statuses, (s) => t(`state.${s}`));
  options(document.getElementById("filter-product"), products.map((p) => p.id), productTitle);
  options(document.getElementById("filter-kind"), kinds, (k) => label("kind", k));
}

/** Every order (newest first), narrowed by the filters; failed and rejected ones with their reason. */
function renderAll() {
  const status = document.getElementById("filter-status").value;
  const product = document.getElementById("filter-product").value;
  const kind = document.getElementById("filter-kind").value;
  // The date is the caseworker's own day: an order counts from local midnight of the chosen date.
  const from = document.getElementById("filter-from").value ? new Date(`${document.getElementById("filter-from").value}T00:00`) : null;
  const shown = orders.filter((o) => (!status || o.status === status) && (!product || o.product === product) &&
    (!kind || o.requesterKind === kind) && (!from || new Date(o.submittedAt) >= from));
  document.getElementById("all-count").textContent = t("review.shown", { n: formatNumber(shown.length), total: formatNumber(orders.length) });
  const container = document.getElementById("all-orders");
  if (shown.length === 0) { container.replaceChildren(el("p", {}, t("review.noneMatch"))); return; }
  const head = ["review.col.order", "review.col.status", "review.col.product", "review.col.requester", "review.col.submitted", "review.col.reason"];
  container.replaceChildren(el("div", { class: "table-wrap" }, el("table", { class: "summary", id: "all-table" },
    el("thead", {}, el("tr", {}, head.map((k) => el("th", { scope: "col" }, t(k))))),
    el("tbody", {}, shown.map((o) => el("tr", { "data-order": o.id, "data-status": o.status },
      el("th", { scope: "row" }, shortId(o.id)),
      el("td", {}, el("span", { class: `status-badge ${o.status}` }, t(`state.${o.status}`))),
      el("td", {}, productTitle(o.product)),
      el("td", {}, requesterText(o)),
      el("td", {}, formatDateTime(o.submittedAt)),
      el("td", {}, o.reasonKey ? t(o.reasonKey) : (o.reason ?? ""))))))));
}

/** Who asked: the kind of requester and the contact's organisation or name (or the API requester). */
function requesterText(order) {
  return [order.requesterKind ? label("kind", order.requesterKind) : "", order.requester].filter(Boolean).join(": ");
}

function spec(parameters) {
  const lines = [];
  const walk = (value, name) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, name ? `${name}.${k}` : k);
    else lines.push([name, Array.isArray(value) ? (value.length ? value.join(", ") : t("common.none")) : value === null ? t("common.any") : String(value)]);
  };
  walk(parameters ?? {}, "");
  return lines;
}

function card(order) {
  const id = order.id;
  const short = shortId(id);
  const contact = order.contact;
  const estimate = order.estimatedCells;
  const facts = [
    [t("review.submitted"), formatDateTime(order.submittedAt)],
    [t("status.product"), order.words?.product?.[language()] ?? productTitle(order.product)],
    [t("review.kind"), order.requesterKind ? label("kind", order.requesterKind) : ""],
    [t("review.contact"), [contact?.name, contact?.email, contact?.organisation].filter(Boolean).join(", ")],
    [t("review.purpose"), order.purpose ?? ""],
    [t("review.estimate"), estimate === undefined || estimate === null ? "?" : t("review.cells", { n: formatNumber(estimate) })],
  ];
  const titleId = `order-${id}-title`;
  return el("article", { class: "order-card", "aria-labelledby": titleId, "data-order": id },
    el("h3", { id: titleId }, t("review.order", { id: short })),
    el("dl", { class: "facts" }, facts.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)])),
    el("h4", {}, t("review.specification")),
    order.words?.definition?.[language()]
      ? el("p", { class: "definition" }, order.words.definition[language()])
      : el("dl", { class: "facts" }, spec(order.parameters).flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)])),
    // The tables as they will be delivered (rows x columns), before anything is counted.
    order.words?.tables?.[language()]?.length
      ? [el("h4", {}, t("form.previewTables")), el("ul", { class: "layout" }, order.words.tables[language()].map((text) => el("li", {}, text)))]
      : [],
    el("div", { class: "actions" }, approveForm(order), rejectForm(order)));
}

function approveForm(order) {
  // Prefilled with the product's suggested price for the estimated size; the caseworker may change it.
  const price = el("input", { type: "number", id: `price-${order.id}`, min: 0, max: 100000000, step: "0.01", inputmode: "decimal", value: order.suggestedPriceDkk ?? null });
  const note = el("input", { type: "text", id: `note-${order.id}` });
  return el("form", {
    "aria-label": `${t("review.approve")} ${shortId(order.id)}`,
    onsubmit: async (event) => {
      event.preventDefault();
      const body = {};
      if (price.value !== "") body.priceQuoteDkk = Number(price.value);
      if (note.value.trim()) body.note = note.value.trim();
      await decide(order, "approve", body, "review.approved");
    },
  },
  el("div", { class: "field" }, el("label", { for: price.id }, t("review.price")), price),
  el("div", { class: "field" }, el("label", { for: note.id }, t("review.note")), note),
  el("button", { type: "submit", "data-action": "approve" }, t("review.approve")));
}

function rejectForm(order) {
  const reason = el("textarea", { id: `reason-${order.id}`, required: true, "aria-describedby": `reason-${order.id}-error` });
  const error = el("span", { class: "error-message", id: `reason-${order.id}-error` });
  return el("form", {
    "aria-label": `${t("review.reject")} ${shortId(order.id)}`,
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      error.textContent = "";
      if (!reason.value.trim()) { error.textContent = t("error.required"); reason.setAttribute("aria-invalid", "true"); reason.focus(); return; }
      await decide(order, "reject", { reason: reason.value.trim() }, "review.rejectedDone", error);
    },
  },
  el("div", { class: "field" }, el("label", { for: reason.id }, t("review.reason")), error, reason),
  el("button", { type: "submit", class: "danger", "data-action": "reject" }, t("review.reject")));
}

async function decide(order, action, body, doneKey, errorElement) {
  const answer = await callJson(`/api/review/orders/${order.id}/${action}`, { method: "POST", body, apiKey: apiKey() });
  const message = document.getElementById("message");
  if (answer.ok) {
    message.className = "notice success";
    message.textContent = t(doneKey, { id: shortId(order.id) });
  } else {
    message.className = "notice warning";
    const errors = answer.body?.errors ? Object.values(answer.body.errors).flat().join(" ") : "";
    message.textContent = errors || answer.body?.detail || answer.body?.title || String(answer.status);
    if (errorElement) errorElement.textContent = message.textContent;
  }
  message.hidden = false;
  await load(true);
  message.focus();
}

function renderDelivered() {
  const container = document.getElementById("delivered");
  if (delivered.length === 0) { container.replaceChildren(el("p", {}, t("review.noneDelivered"))); return; }
  const head = ["review.col.order", "review.col.product", "review.col.requester", "review.col.delivered", "review.col.extract", "review.col.cells", "review.col.suppressed", "review.col.share", "review.col.audit"];
  const rows = delivered.map(({ order, release }) => {
    const cells = release ? release.tables.reduce((sum, table) => sum + table.cells.length, 0) : null;
    const hidden = release ? release.tables.reduce((sum, table) => sum + table.cells.filter((c) => c.status !== "published").length, 0) : null;
    return el("tr", { "data-order": order.id },
      el("th", { scope: "row" }, shortId(order.id)),
      el("td", {}, productTitle(order.product)),
      el("td", {}, requesterText(order)),
      el("td", {}, formatDateTime(release?.createdAt ?? order.submittedAt)),
      el("td", {}, release?.extractVersion ?? order.extractVersion ?? ""),
      el("td", {}, cells === null ? "" : formatNumber(cells)),
      el("td", {}, hidden === null ? "" : formatNumber(hidden)),
      el("td", {}, cells ? formatShare(100 * hidden / cells) : ""),
      el("td", {}, release ? t("legend.auditPassed") : ""));
  });
  container.replaceChildren(el("div", { class: "table-wrap" }, el("table", { class: "summary", id: "delivered-table" },
    el("thead", {}, el("tr", {}, head.map((k) => el("th", { scope: "col" }, t(k))))), el("tbody", {}, rows))));
}
