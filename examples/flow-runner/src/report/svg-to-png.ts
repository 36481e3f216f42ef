import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** How a PNG was (or was not) produced. */
export type PngOutcome = { written: true; tool: string } | { written: false; reason: string };

/** Converters tried in order: the command, its arguments for `svg -> png`, and how to check it is the real tool. */
const CONVERTERS: Array<{ tool: string; args: (svg: string, png: string, size: ChartSize) => string[]; probe: string[]; expect: RegExp }> = [
  { tool: 'rsvg-convert', args: (svg, png) => ['-o', png, svg], probe: ['--version'], expect: /rsvg-convert/i },
  { tool: 'magick', args: (svg, png) => [svg, png], probe: ['-version'], expect: /^Version: ImageMagick/m },
  // A `convert` that is not ImageMagick (e.g. a stub or Windows' convert.exe) fails the probe and is skipped.
  { tool: 'convert', args: (svg, png) => [svg, png], probe: ['-version'], expect: /^Version: ImageMagick/m },
  // Headless Chromium renders SVG too; its sandbox cannot start as root, and it only loads our own file.
  ...['chromium', 'chromium-browser', 'google-chrome'].map((tool) => ({
    tool,
    args: (svg: string, png: string, size: ChartSize) => [
      '--headless',
      '--disable-gpu',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--screenshot=${png}`,
      `--window-size=${size.width},${size.height}`,
      pathToFileURL(svg).href,
    ],
    probe: ['--version'],
    expect: /Chrom(e|ium)/,
  })),
];

/** Pixel size of the chart (Chromium needs it for its window). */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Converts the SVG at `svgPath` to `pngPath` with the first converter found on PATH
 * (`rsvg-convert`, ImageMagick `magick` or `convert`, headless Chromium). Never throws: says why
 * when no PNG was written.
 */
export function svgToPng(svgPath: string, pngPath: string, size: ChartSize = { width: 800, height: 440 }): PngOutcome {
  for (const converter of CONVERTERS) {
    const probe = spawnSync(converter.tool, converter.probe, { encoding: 'utf8', timeout: 10_000 });
    if (probe.error || probe.status !== 0 || !converter.expect.test(`${probe.stdout}${probe.stderr}`)) continue;
    const run = spawnSync(converter.tool, converter.args(svgPath, pngPath, size), { encoding: 'utf8', timeout: 60_000 });
    if (!run.error && run.status === 0 && existsSync(pngPath)) return { written: true, tool: converter.tool };
  }
  return { written: false, reason: 'no SVG converter on PATH (install librsvg2-bin for rsvg-convert, ImageMagick, or Chromium)' };
}
