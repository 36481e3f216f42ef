import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_OFFLINE_SWITCHES } from './chromium-offline-switches';

/** How a PNG was (or was not) produced. */
export type PngOutcome = { written: true; tool: string } | { written: false; reason: string };

/** Converters tried in order: the command, its arguments for `svg -> png`, and how to check it is the real tool. */
const CONVERTERS: Array<{
  tool: string;
  args: (svg: string, png: string, size: ChartSize) => string[];
  probe: string[];
  expect: RegExp;
  /** Started in a private network namespace where one is available (a browser, which would call out on its own). */
  offline?: true;
}> = [
  { tool: 'rsvg-convert', args: (svg, png) => ['-o', png, svg], probe: ['--version'], expect: /rsvg-convert/i },
  { tool: 'magick', args: (svg, png) => [svg, png], probe: ['-version'], expect: /^Version: ImageMagick/m },
  // A `convert` that is not ImageMagick (e.g. a stub or Windows' convert.exe) fails the probe and is skipped.
  { tool: 'convert', args: (svg, png) => [svg, png], probe: ['-version'], expect: /^Version: ImageMagick/m },
  // Headless Chromium renders SVG too; its sandbox cannot start as root, and it only loads our own file, so every
  // request it would make on its own is switched off and no host name resolves (see CHROMIUM_NO_NETWORK_ARGS).
  ...['chromium', 'chromium-browser', 'google-chrome'].map((tool) => ({
    tool,
    args: (svg: string, png: string, size: ChartSize) => [
      '--headless',
      '--disable-gpu',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ...CHROMIUM_NO_NETWORK_ARGS,
      `--screenshot=${png}`,
      `--window-size=${size.width},${size.height}`,
      pathToFileURL(svg).href,
    ],
    probe: ['--version'],
    expect: /Chrom(e|ium)/,
    offline: true as const,
  })),
];

/**
 * The PNG export's Chromium switches: the repository's common offline list, plus what this launch needs beyond the
 * browser tests' (`test/support/chromium-offline-args.ts`). Chromium is started here directly, not through Playwright,
 * so the switches Playwright adds on its own (extensions and field-trial config off, and one `--disable-features`, which
 * the tests cannot pass because Chromium keeps only the last occurrence) are ours to pass; and it loads only a local
 * file, so every host name maps to "not found", loopback included (the tests' pages are on loopback).
 */
const CHROMIUM_NO_NETWORK_ARGS = [
  ...CHROMIUM_OFFLINE_SWITCHES,
  '--disable-extensions',
  '--disable-field-trial-config',
  '--disable-features=OptimizationHints,NetworkTimeServiceQuerying,MediaRouter,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,PreconnectToSearch',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/**
 * Where a private network namespace is available (Linux, root, util-linux `unshare`), Chromium starts in one with no
 * interface up, so it has no network at all; elsewhere the switches above are what keeps it quiet.
 */
function offlinePrefix(): string[] {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return [];
  const probe = spawnSync('unshare', ['--net', '--', 'true'], { timeout: 10_000 });
  return !probe.error && probe.status === 0 ? ['unshare', '--net', '--'] : [];
}

/** Pixel size of the chart (Chromium needs it for its window). */
export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Converts the SVG at `svgPath` to `pngPath` with the first converter found on PATH
 * (`rsvg-convert`, ImageMagick `magick` or `convert`, headless Chromium, offline). Never throws: says why
 * when no PNG was written.
 */
export function svgToPng(svgPath: string, pngPath: string, size: ChartSize = { width: 800, height: 440 }): PngOutcome {
  for (const converter of CONVERTERS) {
    const probe = spawnSync(converter.tool, converter.probe, { encoding: 'utf8', timeout: 10_000 });
    if (probe.error || probe.status !== 0 || !converter.expect.test(`${probe.stdout}${probe.stderr}`)) continue;
    const [command, ...args] = [...(converter.offline ? offlinePrefix() : []), converter.tool, ...converter.args(svgPath, pngPath, size)];
    const run = spawnSync(command!, args, { encoding: 'utf8', timeout: 60_000 });
    if (!run.error && run.status === 0 && existsSync(pngPath)) return { written: true, tool: converter.tool };
  }
  return { written: false, reason: 'no SVG converter on PATH (install librsvg2-bin for rsvg-convert, ImageMagick, or Chromium)' };
}
