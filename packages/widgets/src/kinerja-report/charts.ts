import { html, svg } from "lit";

// Inline SVG charts: no library, no inline styles (colours come from the
// element's stylesheet through classes, so a strict CSP allows them), and
// each chart names its figures in its accessible name, so a screen reader
// gets every value a sighted reader gets.

export interface Bar {
  label: string;
  value: number | null;
  /** Shown above the bar: the formatted value. */
  text: string;
}

/** A period's label on two lines under its bar ("Triwulan IV" / "2026"), so neighbours do not overlap. */
function lines(label: string): string[] {
  const cut = label.lastIndexOf(" ");
  return cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label];
}

/** Vertical bars on a 0–`max` scale, one per period: the IKM trend. */
export function trendChart(title: string, bars: Bar[], max: number) {
  const width = 320;
  const height = 150;
  const top = 18;
  const bottom = 34;
  const slot = width / Math.max(bars.length, 1);
  const barWidth = Math.min(44, slot * 0.6);
  const scale = (value: number) => ((height - top - bottom) * value) / max;
  const description = `${title}: ${bars.map((b) => `${b.label} ${b.text}`).join("; ")}`;
  return html`<figure class="chart">
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${description} focusable="false">
      <line class="axis" x1="0" x2=${width} y1=${height - bottom} y2=${height - bottom}></line>
      ${bars.map((bar, i) => {
        const x = i * slot + (slot - barWidth) / 2;
        const h = bar.value === null ? 0 : scale(bar.value);
        const y = height - bottom - h;
        return svg`<g>
          <rect class="bar" x=${x} y=${y} width=${barWidth} height=${h}></rect>
          <text class="value" x=${x + barWidth / 2} y=${y - 4} text-anchor="middle">${bar.text}</text>
          <text class="label" x=${x + barWidth / 2} y=${height - bottom + 13} text-anchor="middle">${lines(bar.label).map(
            (line, n) => svg`<tspan x=${x + barWidth / 2} dy=${n === 0 ? 0 : 12}>${line}</tspan>`,
          )}</text>
        </g>`;
      })}
    </svg>
    <figcaption>${title}</figcaption>
  </figure>`;
}

/** Horizontal bars on a 0–`max` scale, one per element: the element profile. */
export function profileChart(title: string, bars: Bar[], max: number) {
  const width = 320;
  const row = 20;
  const labelWidth = 34;
  const valueWidth = 40;
  const height = bars.length * row + 4;
  const span = width - labelWidth - valueWidth;
  const description = `${title}: ${bars.map((b) => `${b.label} ${b.text}`).join("; ")}`;
  return html`<figure class="chart">
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${description} focusable="false">
      ${bars.map((bar, i) => {
        const y = i * row + 2;
        return svg`<g>
          <text class="label" x="0" y=${y + 13}>${bar.label}</text>
          <rect class="track" x=${labelWidth} y=${y + 3} width=${span} height="12"></rect>
          <rect class="bar" x=${labelWidth} y=${y + 3} width=${bar.value === null ? 0 : (span * bar.value) / max} height="12"></rect>
          <text class="value" x=${width} y=${y + 13} text-anchor="end">${bar.text}</text>
        </g>`;
      })}
    </svg>
    <figcaption>${title}</figcaption>
  </figure>`;
}
