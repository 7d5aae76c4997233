// Measures for laying out chart labels before they are drawn: the same rules as the report's charts
// (ChartLayout.cs). A text's width is estimated on the wide side, so labels placed by it never touch.
const emPerCharacter = 0.68;

export function textWidth(text, fontSize) { return String(text).length * fontSize * emPerCharacter; }

/** The text cut with an ellipsis to fit the width; the full text stays in the chart's description. */
export function fit(text, width, fontSize) {
  const characters = Math.floor(width / (fontSize * emPerCharacter));
  return text.length <= characters ? text : characters <= 1 ? "…" : `${text.slice(0, characters - 1)}…`;
}

function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return Math.max(1, Math.round(nice * power));
}

function ticksFor(max, target) {
  const top0 = Math.max(max, 1);
  const step = niceStep(top0 / target);
  const top = Math.ceil(top0 / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

/** Axis ticks from 0 in steps of 1, 2 or 5 times a power of ten (the values are counts), as many as leave each label room. */
export function ticks(max, length, extent, gap) {
  let result = [];
  for (const target of [5, 4, 3, 2, 1]) {
    result = ticksFor(max, target);
    const spacing = length / (result.length - 1);
    if (result.every((t) => extent(t) + gap <= spacing)) break;
  }
  return result;
}

/** The top of a scale of about four steps: for the small panels, which show only 0 and the top. */
export function scaleTop(max) { return ticksFor(max, 4).at(-1); }

/** A chart shows something only if some value is published and above zero; else the table says it better. */
export function drawable(points) { return points.some((p) => p.value !== null && p.value > 0); }
