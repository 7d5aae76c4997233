// The status page of a form order: /status/{token}. Polls GET /api/status/{token} until the order ends,
// then shows the result (tables, charts, definitions, legend) and the downloads.
import { startPage, onLanguage, openIn, language, t, el, callJson, formatDateTime, formatNumber, actorText } from "./common.js";
import { renderResult } from "./result-view.js";

const finished = ["delivered", "failed", "rejected", "cancelled"];
const cancellable = ["submitted", "in_review", "queued"];
const pollMilliseconds = 2000;

const token = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] ?? "");
const api = `/api/status/${encodeURIComponent(token)}`;
let order = null;
let release = null;
let releaseLanguage = null;
let lastStatus = null;

startPage("status.title");
onLanguage(render);
document.getElementById("cancel").addEventListener("click", cancel);
document.getElementById("copy-link").addEventListener("click", copyLink);
poll();

async function poll() {
  try {
    const answer = await callJson(api);
    if (answer.status === 404 || answer.status === 400) { problem(t("status.notFound")); return; }
    if (!answer.ok) throw new Error(String(answer.status));
    order = answer.body;
    if (order.words) openIn(order.words.language);
    if (order.status === "delivered" && !release) await loadRelease();
    document.getElementById("problem").hidden = true;
    render();
  } catch {
    problem(t("common.networkError"));
  }
  if (!order || !finished.includes(order.status) || (order.status === "delivered" && !release)) setTimeout(poll, pollMilliseconds);
}

/**
 * The result with its code names in the page's language (a Danish order read on a page switched to English too).
 * True when it was loaded; a failed load leaves the release shown as it was.
 */
async function loadRelease() {
  const wanted = language();
  const result = await callJson(`${api}/result?lang=${wanted}`);
  if (!result.ok) return false;
  release = result.body;
  releaseLanguage = wanted;
  return true;
}

function problem(text) {
  const box = document.getElementById("problem");
  box.textContent = text;
  box.hidden = false;
}

function render() {
  if (!order) return;
  const status = order.status;
  document.getElementById("order").hidden = false;
  const facts = [
    [t("status.status"), el("span", { class: `status-badge ${status}`, id: "order-status", "data-status": status }, t(`state.${status}`))],
    [t("status.product"), order.words?.product?.[language()] ?? order.product],
    [t("status.submitted"), formatDateTime(order.submittedAt)],
  ];
  if (order.queuePosition !== null && order.queuePosition !== undefined) facts.push([t("status.queue"), formatNumber(order.queuePosition)]);
  if (order.priceQuoteDkk !== null && order.priceQuoteDkk !== undefined) facts.push([t("status.price"), el("span", { id: "price" }, t("status.priceValue", { amount: formatNumber(order.priceQuoteDkk) }))]);
  if (order.rejectionReason) facts.push([t("status.rejected"), order.rejectionReasonKey ? t(order.rejectionReasonKey) : order.rejectionReason]);
  if (order.failureReason) facts.push([t("status.failed"), order.failureReasonKey ? t(order.failureReasonKey) : order.failureReason]);
  if (order.extractVersion) facts.push([t("status.extract"), order.extractVersion]);
  const definition = order.words?.definition?.[language()];
  if (definition) facts.push([t("status.definition"), el("span", { id: "definition" }, definition)]);
  // Until the result is there, the tables it will hold (rows x columns).
  const tables = order.words?.tables?.[language()] ?? [];
  if (status !== "delivered" && tables.length) facts.push([t("form.previewTables"), el("ul", { class: "layout", id: "layout" }, tables.map((text) => el("li", {}, text)))]);
  document.getElementById("order-facts").replaceChildren(...facts.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)]));
  document.getElementById("notes").replaceChildren(...(order.words?.notes?.[language()] ?? []).map((note) =>
    el("p", { class: "notice warning", "data-note": "" }, el("strong", {}, `${t("notes.title")}: `), note)));
  document.getElementById("order-again").href = againLink(order);
  document.getElementById("polling").hidden = finished.includes(status);
  document.getElementById("cancel").hidden = !cancellable.includes(status);
  if (lastStatus !== null && lastStatus !== status) document.getElementById("live").textContent = `${t("status.status")}: ${t(`state.${status}`)}`;
  lastStatus = status;

  document.getElementById("history").replaceChildren(...(order.history ?? []).map((entry) =>
    el("li", {},
      el("time", { datetime: entry.at }, formatDateTime(entry.at)),
      el("strong", {}, t(`state.${entry.to}`)),
      actorText(entry.actor) ? ` ${t("status.by", { actor: actorText(entry.actor) })}` : "",
      entry.reason ? el("div", {}, entry.reasonKey ? t(entry.reasonKey) : entry.reason) : "")));

  const result = document.getElementById("result");
  result.hidden = !release;
  // Rendered again only once the other language has arrived: a failed load must not start another from render.
  if (release && releaseLanguage !== language()) loadRelease().then((loaded) => { if (loaded) render(); }).catch(() => problem(t("common.networkError")));
  if (release) {
    const formats = ["csv", "xlsx", "json", "html"];
    document.getElementById("downloads").replaceChildren(...formats.map((format) => el("li", {},
      el("a", {
        class: "button secondary", id: `download-${format}`, href: `${api}/result?format=${format}&lang=${language()}`,
        ...(format === "html" ? { target: "_blank", rel: "noopener" } : { download: "" }),
      }, t(`status.download.${format}`)))));
    renderResult(document.getElementById("result-body"), release, order.words);
  }
}

async function cancel() {
  const answer = await callJson(`${api}/cancel`, { method: "POST" });
  if (!answer.ok) problem(answer.body?.detail ?? t("common.networkError"));
  const again = await callJson(api);
  if (again.ok) { order = again.body; render(); }
}

/** The order form, filled in with this order's product and parameters (in the fragment: never sent to the server). */
function againLink(current) {
  const parameters = { ...current.parameters };
  // The new order runs on the newest extract.
  delete parameters.extractVersion;
  return `/#again=${encodeURIComponent(JSON.stringify({ product: current.product, parameters }))}`;
}

async function copyLink() {
  const copied = document.getElementById("copied");
  try {
    await navigator.clipboard.writeText(location.href);
    copied.textContent = t("status.copied");
  } catch {
    copied.textContent = t("status.copyFailed", { url: location.href });
  }
}
