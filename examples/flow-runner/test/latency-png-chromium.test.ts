/**
 * The demo's PNG export through headless Chromium, the converter it falls back to where neither rsvg-convert nor
 * ImageMagick is installed: Chromium, started with the export's switches (and in a network namespace of its own as
 * root), writes the chart at the size asked for. Starts Chromium: run it in the loopback-only namespace
 * (`scripts/in-offline-namespace.sh npx jest <this file>`), or opt out with BEDROCK_FLOW_SKIP_BROWSER=1.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { svgLineChart } from '../src/report/svg-line-chart';
import { svgToPng } from '../src/report/svg-to-png';
import { requireLoopbackOnlyNetwork } from '../../../test/support/loopback-only-network';

/** The 8-byte PNG signature; the IHDR chunk that follows holds the width and height (big-endian, bytes 16-23). */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the latency chart as a PNG through headless Chromium', () => {
  let dir: string;
  let savedPath: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flow-runner-png-'));
    // The converters tried before Chromium, shadowed by commands that fail their probe, so Chromium is the one used.
    const shadow = join(dir, 'bin');
    mkdirSync(shadow);
    for (const tool of ['rsvg-convert', 'magick', 'convert']) {
      writeFileSync(join(shadow, tool), '#!/bin/sh\nexit 1\n');
      chmodSync(join(shadow, tool), 0o755);
    }
    savedPath = process.env.PATH;
    process.env.PATH = [shadow, savedPath].join(delimiter);
  });
  afterAll(() => {
    process.env.PATH = savedPath;
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes an 800x440 PNG with Chromium when no other converter is on PATH', () => {
    if (process.env['BEDROCK_FLOW_SKIP_BROWSER'] === '1') {
      console.warn('WARNING: BEDROCK_FLOW_SKIP_BROWSER=1: the PNG export through Chromium is SKIPPED.');
      return;
    }
    requireLoopbackOnlyNetwork('Chromium');
    const svg = join(dir, 'latency.svg');
    const png = join(dir, 'latency.png');
    writeFileSync(svg, svgLineChart([{ label: 'bedrock-flow', color: '#2ca02c', values: [120, 40, 38, 41] }], { title: 'latency per run', xLabel: 'run', yLabel: 'ms' }));
    const outcome = svgToPng(svg, png, { width: 800, height: 440 });
    if (!outcome.written) throw new Error(`No PNG: ${outcome.reason} (apt-get install -y chromium, or set BEDROCK_FLOW_SKIP_BROWSER=1 to skip this test explicitly)`);
    expect(['chromium', 'chromium-browser', 'google-chrome']).toContain(outcome.tool);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([800, 440]);
  }, 60_000);
});
