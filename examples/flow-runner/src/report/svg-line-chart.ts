/** One line of the chart. */
export interface ChartSeries {
  label: string;
  /** CSS colour of the line and its legend entry. */
  color: string;
  /** y values; x is the 1-based index. */
  values: number[];
}

/** Options of {@link svgLineChart}. */
export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** Pixel width. Default `800`. */
  width?: number;
  /** Pixel height. Default `440`. */
  height?: number;
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

/** A round step giving about `target` ticks between 0 and `max` (1, 2 or 5 times a power of ten). */
function tickStep(max: number, target = 5): number {
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const multiple = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10;
  return multiple * power;
}

/**
 * A self-contained SVG line chart (no fonts or scripts to fetch): one polyline with dots per
 * series, y from 0, round ticks, a legend. Hand-written so the demo needs no charting library.
 */
export function svgLineChart(series: readonly ChartSeries[], options: LineChartOptions): string {
  const width = options.width ?? 800;
  const height = options.height ?? 440;
  const margin = { top: 64, right: 28, bottom: 56, left: 72 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const points = Math.max(2, ...series.map((s) => s.values.length));
  const maxValue = Math.max(1, ...series.flatMap((s) => s.values.filter(Number.isFinite)));
  const step = tickStep(maxValue);
  const yMax = Math.ceil(maxValue / step) * step;
  const x = (i: number): number => margin.left + (i / (points - 1)) * plotW;
  const y = (v: number): number => margin.top + plotH - (v / yMax) * plotH;
  const fmt = (n: number): string => n.toFixed(1);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(options.title)}</text>`);
  for (let v = 0; v <= yMax + step / 2; v += step) {
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${fmt(y(v))}" y2="${fmt(y(v))}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${fmt(y(v) + 4)}" text-anchor="end" fill="#555">${Number(v.toPrecision(6))}</text>`);
  }
  const xEvery = Math.max(1, Math.ceil(points / 10));
  for (let i = 0; i < points; i += 1) {
    if (i !== 0 && (i + 1) % xEvery !== 0) continue;
    parts.push(`<text x="${fmt(x(i))}" y="${margin.top + plotH + 18}" text-anchor="middle" fill="#555">${i + 1}</text>`);
  }
  parts.push(`<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#333"/>`);
  parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="#333"/>`);
  parts.push(`<text x="${margin.left + plotW / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`);
  parts.push(`<text transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`);
  for (const s of series) {
    const coords = s.values.map((v, i) => `${fmt(x(i))},${fmt(y(Number.isFinite(v) ? v : 0))}`);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${coords.join(' ')}"/>`);
    for (const c of coords) {
      const [cx, cy] = c.split(',');
      parts.push(`<circle cx="${cx}" cy="${cy}" r="2.5" fill="${s.color}"/>`);
    }
  }
  series.forEach((s, i) => {
    const lx = margin.left + 12 + i * 170;
    parts.push(`<rect x="${lx}" y="${margin.top - 26}" width="14" height="4" fill="${s.color}"/>`);
    parts.push(`<text x="${lx + 20}" y="${margin.top - 20}">${escapeXml(s.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
