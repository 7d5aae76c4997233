// Charts drawn as inline SVG, laid out like the report's (SvgCharts.cs): every label is horizontal and has a place of
// its own, so no two overlap. A distribution is drawn as horizontal bars with the category names beside them, a series
// as a line whose x labels are thinned to fit. Each chart has a title and a description listing every value. A hidden
// value is never drawn as a number: it is marked with the hidden-cell word on a grey tag or band.
import { svg, t, formatNumber } from "./common.js";
import { textWidth, fit, ticks, scaleTop } from "./chart-layout.js";

export const width = 640;
const ink = "#1f4e8c", grid = "#d5dae1", hiddenFill = "#e6e6e6", hiddenEdge = "#8a8f98", muted = "#3d3d3d";
let charts = 0;

function text(x, y, anchor, size, content, hidden = false) {
  const attributes = { x: x.toFixed(1), y: y.toFixed(1), "text-anchor": anchor, "font-size": size };
  if (hidden) Object.assign(attributes, { "font-style": "italic", fill: muted, class: "suppressed-point" });
  return svg("text", attributes, content);
}

function open(kind, title, description, height, parts) {
  const id = `chart-${++charts}`;
  return svg("svg", { viewBox: `0 0 ${width} ${height.toFixed(1)}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc`, class: `chart-${kind}` },
    svg("title", { id: `${id}-title` }, title), svg("desc", { id: `${id}-desc` }, description), parts);
}

const valueText = (p) => (p.value === null ? t("legend.marker") : formatNumber(p.value));

/** A line through the published points, broken where a point is hidden. */
function polyline(points, x, y, stroke, radius) {
  const parts = [];
  let segment = [];
  const flush = () => { if (segment.length > 1) parts.push(svg("polyline", { points: segment.join(" "), fill: "none", stroke: ink, "stroke-width": stroke })); segment = []; };
  points.forEach((p, i) => {
    if (p.value === null) { flush(); return; }
    segment.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
    parts.push(svg("circle", { cx: x(i).toFixed(1), cy: y(p.value).toFixed(1), r: radius, fill: ink }));
  });
  flush();
  return parts;
}

/** One key under the chart: the grey swatch of a hidden value and the hidden-cell word. */
function legend(left, height) {
  return [svg("rect", { x: left, y: height - 16, width: 16, height: 11, fill: hiddenFill, stroke: hiddenEdge }), text(left + 22, height - 6, "start", 11, t("legend.marker"), true)];
}

function bars(title, points) {
  const labelFont = 12, valueFont = 11, top = 6, row = 24, bar = 16;
  const marker = t("legend.marker");
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  const labelWidth = Math.min(230, Math.max(...points.map((p) => textWidth(p.label, labelFont))));
  const left = labelWidth + 14;
  const valueRoom = Math.max(
    ...points.map((p) => textWidth(valueText(p), valueFont) + (p.value === null ? 10 : 0)),
    textWidth(formatNumber(Math.max(10, max * 10)), valueFont) / 2) + 12;
  const plotWidth = width - left - valueRoom;
  const axis = ticks(max, plotWidth, (v) => textWidth(formatNumber(v), valueFont), 10);
  const x = (v) => left + plotWidth * v / axis.at(-1);
  const plotBottom = top + points.length * row;
  const parts = [];
  for (const tick of axis) {
    parts.push(svg("line", { x1: x(tick).toFixed(1), y1: top, x2: x(tick).toFixed(1), y2: plotBottom, stroke: grid }));
    parts.push(text(x(tick), plotBottom + 16, "middle", valueFont, formatNumber(tick)));
  }
  parts.push(svg("line", { x1: left.toFixed(1), y1: top, x2: left.toFixed(1), y2: plotBottom, stroke: "#1a1a1a" }));
  points.forEach((p, i) => {
    const middle = top + i * row + row / 2;
    parts.push(text(left - 8, middle + 4, "end", labelFont, fit(p.label, labelWidth, labelFont)));
    if (p.value === null) {
      parts.push(svg("rect", { x: (left + 1).toFixed(1), y: middle - bar / 2, width: (textWidth(marker, valueFont) + 10).toFixed(1), height: bar, fill: hiddenFill, stroke: hiddenEdge }));
      parts.push(text(left + 6, middle + 4, "start", valueFont, marker, true));
    } else {
      if (p.value > 0) parts.push(svg("rect", { x: left.toFixed(1), y: middle - bar / 2, width: (x(p.value) - left).toFixed(1), height: bar, fill: ink, "data-code": p.code }));
      parts.push(text(x(p.value) + 5, middle + 4, "start", valueFont, formatNumber(p.value)));
    }
  });
  return open("bar", title, points.map((p) => `${p.label}: ${valueText(p)}`).join("; "), plotBottom + 24, parts);
}

function line(title, points) {
  const font = 11, top = 22, plotHeight = 170;
  const marker = t("legend.marker");
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  const axis = ticks(max, plotHeight, () => font + 3, 8);
  const left = Math.max(...axis.map((v) => textWidth(formatNumber(v), font))) + 14;
  const anyHidden = points.some((p) => p.value === null);
  const plotBottom = top + plotHeight;
  const height = plotBottom + 26 + (anyHidden ? 22 : 0);
  const step = (width - left - 16) / points.length;
  const x = (i) => left + step * i + step / 2;
  const y = (v) => plotBottom - plotHeight * v / axis.at(-1);
  const parts = [];
  for (const tick of axis) {
    parts.push(svg("line", { x1: left.toFixed(1), y1: y(tick).toFixed(1), x2: width - 16, y2: y(tick).toFixed(1), stroke: grid }));
    parts.push(text(left - 6, y(tick) + 4, "end", font, formatNumber(tick)));
  }
  parts.push(svg("line", { x1: left.toFixed(1), y1: plotBottom, x2: width - 16, y2: plotBottom, stroke: "#1a1a1a" }));
  const markerFits = textWidth(marker, font) + 6 <= step;
  points.forEach((p, i) => {
    if (p.value !== null) return;
    // The column of a hidden point is shaded; the word fits in it or is explained by the legend below.
    parts.push(svg("rect", { x: (x(i) - step / 2 + 1).toFixed(1), y: top, width: (step - 2).toFixed(1), height: plotHeight, fill: hiddenFill }));
    if (markerFits) parts.push(text(x(i), plotBottom - 6, "middle", font, marker, true));
  });
  parts.push(...polyline(points, x, y, 3, 4.5));
  const showValues = points.every((p) => p.value === null || textWidth(formatNumber(p.value), font) + 6 <= step);
  const every = Math.ceil((Math.max(...points.map((p) => textWidth(p.label, font))) + 6) / step);
  points.forEach((p, i) => {
    if (showValues && p.value !== null) parts.push(text(x(i), y(p.value) - 8, "middle", font, formatNumber(p.value)));
    if (i % every === 0) parts.push(text(x(i), plotBottom + 16, "middle", font, fit(p.label, step * every - 6, font)));
  });
  if (anyHidden) parts.push(...legend(left, height));
  return open("line", title, points.map((p) => `${p.label}: ${valueText(p)}`).join("; "), height, parts);
}

export function chart(kind, title, points) { return kind === "bar" ? bars(title, points) : line(title, points); }

/** A series' small multiples: one small line per category, all on the same scale, each with its own place for its labels. */
export function smallMultiples(title, panels) {
  const panelHeight = 104, font = 10;
  const columns = Math.min(panels.length, 4);
  const panelWidth = width / columns;
  const rows = Math.ceil(panels.length / columns);
  const anyHidden = panels.some((panel) => panel.points.some((p) => p.value === null));
  const height = rows * panelHeight + (anyHidden ? 24 : 0);
  const top = scaleTop(Math.max(0, ...panels.flatMap((panel) => panel.points.map((p) => p.value ?? 0))));
  const scaleWidth = textWidth(formatNumber(top), font) + 8;
  const parts = [];
  panels.forEach((panel, n) => {
    const originX = (n % columns) * panelWidth, originY = Math.floor(n / columns) * panelHeight;
    const left = originX + scaleWidth, right = originX + panelWidth - 12, plotTop = originY + 30, plotBottom = originY + 78;
    const step = (right - left) / panel.points.length;
    const x = (i) => left + step * i + step / 2;
    const y = (v) => plotBottom - (plotBottom - plotTop) * v / top;
    parts.push(svg("text", { x: (originX + 4).toFixed(1), y: (originY + 14).toFixed(1), "text-anchor": "start", "font-size": 11, "font-weight": 600 }, fit(panel.label, panelWidth - 10, 11)));
    panel.points.forEach((p, i) => {
      if (p.value === null) parts.push(svg("rect", { x: (x(i) - step / 2 + 0.5).toFixed(1), y: plotTop, width: (step - 1).toFixed(1), height: plotBottom - plotTop, fill: hiddenFill }));
    });
    parts.push(svg("line", { x1: left.toFixed(1), y1: plotTop, x2: right.toFixed(1), y2: plotTop, stroke: grid }));
    parts.push(svg("line", { x1: left.toFixed(1), y1: plotBottom, x2: right.toFixed(1), y2: plotBottom, stroke: "#1a1a1a" }));
    parts.push(text(left - 4, plotTop + 4, "end", font, formatNumber(top)));
    parts.push(text(left - 4, plotBottom, "end", font, "0"));
    parts.push(...polyline(panel.points, x, y, 2, 2.5));
    parts.push(text(left, plotBottom + 14, "start", font, panel.points[0].label));
    if (panel.points.length > 1) parts.push(text(right, plotBottom + 14, "end", font, panel.points.at(-1).label));
  });
  if (anyHidden) parts.push(...legend(4, height));
  const description = panels.map((panel) => `${panel.label}: ${panel.points.map((p) => `${p.label} ${valueText(p)}`).join(", ")}`).join("; ");
  return open("multiples", title, description, height, parts);
}
