// The protected result on the page: definitions, the disclosure legend, then per table its charts and a
// cross-tabulation with suppressed cells marked. Drawn from the JSON release only.
import { el, t, formatNumber, formatDateTime, formatShare, label, language, tableTitle } from "./common.js";
import { chart } from "./charts.js";

const seriesNames = ["year", "quarter", "month", "week"];
const isYear = (code) => /^(19|20)\d\d$/.test(code);

function key(codes) { return codes.join("\u001f"); }

function index(table) {
  const names = table.dimensions.map((d) => d.name);
  const cells = new Map();
  for (const cell of table.cells) cells.set(key(names.map((n) => cell.coordinates[n])), cell);
  return cells;
}

function codeLabel(dimension, code) {
  const found = dimension.codes.find((c) => c.code === code);
  if (!found) return code;
  if (found.parent === null) return t("common.total");
  // Sex is the one dimension whose names are words of the page's language rather than code names.
  return dimension.name === "sex" ? label("code", code) : found.label;
}

function measureText(measure) {
  const text = label("measure", measure);
  return text === measure ? measure : text.charAt(0).toLowerCase() + text.slice(1);
}

function valueCell(cell, coordinates) {
  if (!cell || cell.status !== "published" || cell.value === null) {
    return el("td", { class: "suppressed", "data-cell": coordinates, "data-status": "suppressed" }, t("legend.marker"));
  }
  return el("td", { "data-cell": coordinates, "data-value": cell.value, "data-status": "published" }, formatNumber(cell.value));
}

/** Columns: the dimension with the fewest codes; rows: every other dimension, outer first. */
function crossTab(table, measure) {
  const dims = table.dimensions;
  const cells = index(table);
  const column = dims.length >= 2 ? dims.map((d, i) => i).sort((a, b) => dims[a].codes.length - dims[b].codes.length || b - a)[0] : null;
  const rows = dims.map((d, i) => i).filter((i) => i !== column);
  let keys = [[]];
  for (const d of rows) keys = keys.flatMap((prefix) => dims[d].codes.map((c) => [...prefix, c.code]));
  const columns = column === null ? [null] : dims[column].codes.map((c) => c.code);
  const head = el("tr", {},
    rows.map((d) => el("th", { scope: "col" }, label("breakdown", dims[d].name))),
    columns.map((code) => el("th", { scope: "col" }, code === null ? label("measure", table.measure) : codeLabel(dims[column], code))));
  const body = keys.map((rowKey) => {
    const total = rowKey.some((code) => code === "total");
    return el("tr", { class: total ? "total" : null },
      rowKey.map((code, i) => el("th", { scope: "row" }, codeLabel(dims[rows[i]], code))),
      columns.map((code) => {
        const codes = new Array(dims.length);
        rows.forEach((d, i) => { codes[d] = rowKey[i]; });
        if (column !== null) codes[column] = code;
        const coordinates = dims.map((d, i) => `${d.name}=${codes[i]}`).join(";");
        return valueCell(cells.get(key(codes)), coordinates);
      }));
  });
  return el("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": tableTitle(table.name) },
    el("table", { class: "result", "data-table": table.name },
      el("caption", {}, `${tableTitle(table.name)}: ${measure}`), el("thead", {}, head), el("tbody", {}, body)));
}

/** One chart per dimension: its codes under the root, with every other dimension at its total. */
function dimensionCharts(table, measure) {
  const cells = index(table);
  return table.dimensions.flatMap((dimension, d) => {
    const root = dimension.codes[0].code;
    const leaves = dimension.codes.filter((c) => c.parent === root);
    if (leaves.length < 2) return [];
    const points = leaves.map((code) => {
      const codes = table.dimensions.map((other, i) => (i === d ? code.code : other.codes[0].code));
      const cell = cells.get(key(codes));
      return { code: code.code, label: code.label, value: cell && cell.status === "published" ? cell.value : null };
    });
    const series = seriesNames.includes(dimension.name) || dimension.codes.filter((c) => c.parent !== null).every((c) => isYear(c.code));
    const title = t(series ? "status.chartLine" : "status.chartBar", { dimension: label("breakdown", dimension.name).toLowerCase() });
    return [figure(series ? "line" : "bar", `${measure}: ${title}`, points)];
  });
}

// The caption sits above its chart, inside the figure, so it is never read as the next chart's.
function figure(kind, title, points) {
  return el("figure", { class: "chart" }, el("figcaption", {}, title), chart(kind, title, points));
}

/** Tables named name-YYYY (one per year) form a series: their grand totals drawn as a line. */
function yearSeries(tables, measure) {
  const groups = new Map();
  for (const table of tables) {
    const match = /^(.*)-((?:19|20)\d\d)$/.exec(table.name);
    if (!match) continue;
    const total = table.cells.find((c) => table.dimensions.every((d) => c.coordinates[d.name] === d.codes[0].code));
    if (!groups.has(match[1])) groups.set(match[1], []);
    groups.get(match[1]).push({ code: match[2], label: match[2], value: total && total.status === "published" ? total.value : null });
  }
  return [...groups.entries()].filter(([, points]) => points.length >= 2).map(([name, points]) =>
    figure("line", `${tableTitle(name)}: ${measure} – ${t("status.chartLine", { dimension: label("breakdown", "year").toLowerCase() })}`, points.sort((a, b) => a.code.localeCompare(b.code))));
}

function legend(disclosure) {
  return el("section", { class: "legend", "aria-labelledby": "legend-title" },
    el("h3", { id: "legend-title" }, t("legend.title")),
    el("p", {}, el("span", { class: "suppressed-sample" }, t("legend.marker")), " ", t("legend.sample")),
    ["legend.p1", "legend.p2", "legend.p3", "legend.p4"].map((k) => el("p", {}, t(k))),
    el("dl", { class: "facts" },
      el("dt", {}, t("legend.suppressed")), el("dd", {}, formatNumber(disclosure.suppressedCells)),
      el("dt", {}, t("legend.audit")), el("dd", {}, disclosure.auditPassed ? t("legend.auditPassed") : t("legend.auditFailed"))));
}

function flatten(value, name = "", lines = []) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, name ? `${name}.${k}` : k, lines);
  } else if (Array.isArray(value)) {
    lines.push([name, value.length ? value.join(", ") : t("common.none")]);
  } else {
    lines.push([name, value === null ? t("common.any") : String(value)]);
  }
  return lines;
}

/** The definition in words when the service sent it (it names the codes); else each parameter, as a fallback. */
function definitions(release, words) {
  const inWords = words?.definition?.[language()];
  return el("section", { "aria-labelledby": "definitions-title" },
    el("h3", { id: "definitions-title" }, t("status.definitions")),
    el("dl", { class: "facts", id: "definitions" },
      el("dt", {}, t("status.product")), el("dd", {}, words?.product?.[language()] ?? release.product),
      el("dt", {}, t("status.extract")), el("dd", { id: "extract-version" }, release.extractVersion),
      release.createdAt ? [el("dt", {}, t("state.delivered")), el("dd", {}, formatDateTime(release.createdAt))] : [],
      inWords
        ? [el("dt", {}, t("status.definition")), el("dd", {}, inWords)]
        : flatten(release.parameters).flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)])));
}

export function renderResult(container, release, words) {
  const measure = measureText(release.measure);
  const sections = release.tables.map((table, i) => {
    const suppressed = table.cells.filter((c) => c.status !== "published").length;
    return el("section", { class: "result-table", "aria-labelledby": `table-${i + 1}` },
      el("h3", { id: `table-${i + 1}` }, t("status.table", { n: i + 1, name: tableTitle(table.name) })),
      el("p", {}, t("status.lossLine", { suppressed: formatNumber(suppressed), cells: formatNumber(table.cells.length), share: formatShare(100 * suppressed / Math.max(1, table.cells.length)) })),
      dimensionCharts(table, measure),
      crossTab({ ...table, measure: release.measure }, measure));
  });
  container.replaceChildren(definitions(release, words), legend(release.disclosure), ...yearSeries(release.tables, measure), ...sections);
}
