// Charts drawn as inline SVG: bars for a distribution, a line for a series (years). Each chart has a
// title and a description listing every value, so it reads the same without sight. Suppressed points
// are labelled, never drawn as a value; a line breaks where a point is suppressed.
import { svg, t, formatNumber } from "./common.js";

const width = 640, height = 270, left = 96, right = 16, top = 24, bottom = 84;
let charts = 0;

export function chart(kind, title, points) {
  const id = `chart-${++charts}`;
  const max = Math.max(1, ...points.map((p) => p.value ?? 0));
  const plotWidth = width - left - right, plotHeight = height - top - bottom;
  const step = plotWidth / points.length;
  const x = (i) => left + step * i + step / 2;
  const y = (v) => top + plotHeight - (v / max) * plotHeight;
  const described = points.map((p) => `${p.label}: ${p.value === null ? t("legend.marker") : formatNumber(p.value)}`).join("; ");
  const parts = [
    svg("title", { id: `${id}-title` }, title),
    svg("desc", { id: `${id}-desc` }, described),
    svg("line", { x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, stroke: "#1a1a1a" }),
    svg("line", { x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: "#1a1a1a" }),
    svg("text", { x: left - 6, y: top + 4, "text-anchor": "end", "font-size": 12 }, formatNumber(max)),
    svg("text", { x: left - 6, y: top + plotHeight, "text-anchor": "end", "font-size": 12 }, "0"),
  ];
  if (kind === "line") {
    let segment = [];
    const flush = () => { if (segment.length > 1) parts.push(svg("polyline", { points: segment.join(" "), fill: "none", stroke: "#1f4e8c", "stroke-width": 3 })); segment = []; };
    points.forEach((p, i) => {
      if (p.value === null) { flush(); return; }
      segment.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
      parts.push(svg("circle", { cx: x(i).toFixed(1), cy: y(p.value).toFixed(1), r: 4.5, fill: "#1f4e8c" }));
    });
    flush();
  }
  points.forEach((p, i) => {
    if (p.value === null) {
      parts.push(svg("text", { x: x(i), y: top + plotHeight - 6, "text-anchor": "middle", "font-size": 11, "font-style": "italic", fill: "#3d3d3d", class: "suppressed-point" }, t("legend.marker")));
    } else {
      if (kind === "bar") {
        const barWidth = Math.max(2, step * 0.7);
        parts.push(svg("rect", { x: (x(i) - barWidth / 2).toFixed(1), y: y(p.value).toFixed(1), width: barWidth.toFixed(1), height: (top + plotHeight - y(p.value)).toFixed(1), fill: "#1f4e8c", "data-code": p.code }));
      }
      parts.push(svg("text", { x: x(i), y: (y(p.value) - 6).toFixed(1), "text-anchor": "middle", "font-size": 11 }, formatNumber(p.value)));
    }
    const labelY = top + plotHeight + 14;
    const text = p.label.length > 22 ? `${p.label.slice(0, 21)}…` : p.label;
    parts.push(svg("text", { x: x(i), y: labelY, "text-anchor": "end", "font-size": 11, transform: `rotate(-35 ${x(i)} ${labelY})` }, text));
  });
  return svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc`, class: `chart-${kind}` }, parts);
}
