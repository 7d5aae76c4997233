// The protected result on the page: definitions, the disclosure legend, then per table its charts and a
// cross-tabulation with suppressed cells marked. Drawn from the JSON release only.
import { el, t, formatNumber, formatDateTime, label } from "./common.js";
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
  return found.parent === null ? t("common.total") : found.label;
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
    columns.map((code) => el("th", { scope: "col" }, code === null ? measure : codeLabel(dims[column], code))));
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
  return el("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": table.name },
    el("table", { class: "result", "data-table": table.name },
      el("caption", {}, `${table.name}: ${measure}`), el("thead", {}, head), el("tbody", {}, body)));
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

function figure(kind, title, points) {
  return el("figure", { class: "chart" }, chart(kind, title, points), el("figcaption", {}, title));
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
    figure("line", `${name}: ${measure} – ${t("status.chartLine", { dimension: label("breakdown", "year").toLowerCase() })}`, points.sort((a, b) => a.code.localeCompare(b.code))));
}

function legend(disclosure) {
  return el("section", { class: "legend", "aria-labelledby": "legend-title" },
    el("h3", { id: "legend-title" }, t("legend.title")),
    el("p", {}, el("span", { class: "suppressed-sample" }, t("legend.marker")), " ", t("legend.sample")),
    ["legend.p1", "legend.p2", "legend.p3", "legend.p4"].map((k) => el("p", {}, t(k))),
    el("dl", { class: "facts" },
      el("dt", {}, t("legend.policy")), el("dd", {}, `${disclosure.policy}: ${disclosure.rule}`),
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

function definitions(release) {
  return el("section", { "aria-labelledby": "definitions-title" },
    el("h3", { id: "definitions-title" }, t("status.definitions")),
    el("dl", { class: "facts", id: "definitions" },
      el("dt", {}, t("status.product")), el("dd", {}, release.product),
      el("dt", {}, t("status.extract")), el("dd", { id: "extract-version" }, release.extractVersion),
      release.createdAt ? [el("dt", {}, t("state.delivered")), el("dd", {}, formatDateTime(release.createdAt))] : [],
      flatten(release.parameters).flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)])));
}

export function renderResult(container, release) {
  const measure = release.measure;
  const sections = release.tables.map((table, i) => {
    const suppressed = table.cells.filter((c) => c.status !== "published").length;
    return el("section", { class: "result-table", "aria-labelledby": `table-${i + 1}` },
      el("h3", { id: `table-${i + 1}` }, t("status.table", { n: i + 1, name: table.name })),
      el("p", {}, t("status.lossLine", { suppressed, cells: table.cells.length, share: (100 * suppressed / Math.max(1, table.cells.length)).toFixed(1) })),
      dimensionCharts(table, measure),
      crossTab(table, measure));
  });
  container.replaceChildren(definitions(release), legend(release.disclosure), ...yearSeries(release.tables, measure), ...sections);
}
