// The protected result on the page: definitions, the disclosure legend, then per table its charts and a
// cross-tabulation with suppressed cells marked. Drawn from the JSON release only.
import { el, t, formatNumber, formatDateTime, formatShare, label, language, tableTitle } from "./common.js";
import { chart, smallMultiples } from "./charts.js";
import { drawable } from "./chart-layout.js";

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

/** A caption that opens with a measure named mid-sentence ("defined daily doses ...") starts with a capital. */
function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
    rows.map((d) => el("th", { scope: "col" }, dimensionHeading(dims[d].name))),
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

/** A dimension's name inside a sentence: "aldersgruppe", "udfald". */
function dimensionWord(name) {
  const word = t(`dimension.${name}`);
  return word === `dimension.${name}` ? label("breakdown", name).toLowerCase() : word;
}

function dimensionHeading(name) {
  const heading = label("breakdown", name);
  if (heading !== name) return heading;
  const word = dimensionWord(name);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function leavesOf(dimension) { return dimension.codes.filter((c) => c.parent === dimension.codes[0].code); }

/** The published value of one code of dimension d with every other dimension at its total; null when hidden. */
function atTotals(table, cells, d, code) {
  const codes = table.dimensions.map((other, i) => (i === d ? code : other.codes[0].code));
  const cell = cells.get(key(codes));
  return cell && cell.status === "published" ? cell.value : null;
}

/** One chart per dimension: its codes under the root, with every other dimension at its total. */
function dimensionCharts(table, measure) {
  const cells = index(table);
  return table.dimensions.flatMap((dimension, d) => {
    const leaves = leavesOf(dimension);
    if (leaves.length < 2) return [];
    const points = leaves.map((code) => ({ code: code.code, label: codeLabel(dimension, code.code), value: atTotals(table, cells, d, code.code) }));
    const series = seriesNames.includes(dimension.name) || dimension.codes.filter((c) => c.parent !== null).every((c) => isYear(c.code));
    const title = capitalised(`${measure}: ${t(series ? "status.chartLine" : "status.chartBar", { dimension: dimensionWord(dimension.name) })}`);
    return [figure(title, points, () => chart(series ? "line" : "bar", title, points))];
  });
}

// The caption sits above its chart, inside the figure, so it is never read as the next chart's. A chart whose every
// value is hidden or zero would be an empty axis: one line says so instead.
function figure(title, points, draw) {
  if (!drawable(points)) return el("p", { class: "no-chart" }, t("report.noChart", { title }));
  return el("figure", { class: "chart" }, el("figcaption", {}, title), draw());
}

/** Tables named name-YYYY (one per year) form a series when there are two years or more. */
function seriesOf(tables) {
  const groups = new Map();
  for (const table of tables) {
    const match = /^(.*)-((?:19|20)\d\d)$/.exec(table.name);
    if (!match) continue;
    if (!groups.has(match[1])) groups.set(match[1], []);
    groups.get(match[1]).push({ year: match[2], table });
  }
  return [...groups.entries()].filter(([, years]) => years.length >= 2)
    .map(([name, years]) => ({ name, years: years.sort((a, b) => a.year.localeCompare(b.year)) }));
}

/** The series overview: per series its totals over the years and small multiples of each dimension's categories. */
function overview(series, measure) {
  if (series.length === 0) return [];
  return el("section", { class: "overview", "aria-labelledby": "result-overview" },
    el("h3", { id: "result-overview" }, t("report.overview")),
    el("p", {}, t("report.overviewLead")),
    series.flatMap((one, n) => {
      const name = tableTitle(one.name);
      const totals = one.years.map(({ year, table }) => ({ code: year, label: year, value: atTotals(table, index(table), -1, null) }));
      const title = t("report.seriesTitle", { dimension: name, measure });
      const first = one.years[0].table;
      const multiples = first.dimensions.flatMap((dimension, d) => {
        const leaves = leavesOf(dimension);
        if (leaves.length < 2) return [];
        const panels = leaves.map((code) => ({
          label: codeLabel(dimension, code.code),
          points: one.years.map(({ year, table }) => ({ code: year, label: year, value: atTotals(table, index(table), d, code.code) })),
        }));
        const panelsTitle = t("report.smallMultiples", { table: name, measure, dimension: dimensionWord(dimension.name) });
        return [figure(panelsTitle, panels.flatMap((p) => p.points), () => smallMultiples(panelsTitle, panels))];
      });
      return [el("h4", { id: `result-overview-${n + 1}` }, name), figure(title, totals, () => chart("line", title, totals)), ...multiples];
    }));
}

/** For a release of several tables: links to the overview and every table; a series' tables share a line, a link per year. */
function contents(tables, series) {
  if (tables.length < 2) return [];
  const written = new Set();
  const items = [];
  if (series.length > 0) items.push(el("li", {}, el("a", { href: "#result-overview" }, t("report.overview"))));
  tables.forEach((table, i) => {
    const one = series.find((s) => s.years.some((y) => y.table === table));
    if (!one) {
      items.push(el("li", {}, el("a", { href: `#table-${i + 1}` }, t("status.table", { n: i + 1, name: tableTitle(table.name) }))));
      return;
    }
    if (written.has(one)) return;
    written.add(one);
    items.push(el("li", {}, `${tableTitle(one.name)}: `, one.years.flatMap(({ year, table: yearTable }, k) => {
      const n = tables.indexOf(yearTable) + 1;
      const link = el("a", { href: `#table-${n}`, "aria-label": t("status.table", { n, name: tableTitle(yearTable.name) }) }, year);
      return k === 0 ? [link] : [" ", link];
    })));
  });
  return el("nav", { class: "contents", "aria-labelledby": "result-contents" },
    el("h3", { id: "result-contents" }, t("report.contents")), el("ol", {}, items));
}

function legend(disclosure) {
  return el("section", { class: "legend", "aria-labelledby": "legend-title" },
    el("h3", { id: "legend-title" }, t("legend.title")),
    el("p", {}, el("span", { class: "suppressed-sample" }, t("legend.marker")), " ", t("legend.sample")),
    ["legend.p1", "legend.p2", "legend.p3", "legend.p4"].map((k) => el("p", {}, t(k))),
    el("dl", { class: "facts" },
      el("dt", {}, t("legend.suppressed")), el("dd", {}, formatNumber(disclosure.suppressedCells)),
      el("dt", {}, t("legend.audit")), el("dd", {}, t("legend.auditPassed"))));
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
  const series = seriesOf(release.tables);
  const sections = release.tables.map((table, i) => {
    const suppressed = table.cells.filter((c) => c.status !== "published").length;
    // A table of a series is drawn in the overview, with its other years.
    const inSeries = series.some((s) => s.years.some((y) => y.table === table));
    return el("section", { class: "result-table", "aria-labelledby": `table-${i + 1}` },
      el("h3", { id: `table-${i + 1}` }, t("status.table", { n: i + 1, name: tableTitle(table.name) })),
      el("p", {}, t("status.lossLine", { suppressed: formatNumber(suppressed), cells: formatNumber(table.cells.length), share: formatShare(100 * suppressed / Math.max(1, table.cells.length)) })),
      inSeries ? [] : dimensionCharts(table, measure),
      crossTab({ ...table, measure: release.measure }, measure));
  });
  container.replaceChildren(contents(release.tables, series), definitions(release, words), legend(release.disclosure), overview(series, measure), ...sections);
}
