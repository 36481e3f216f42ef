import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_OFFLINE_ARGS } from '../../../../test/support/chromium-offline-args';
import { requireLoopbackOnlyNetwork } from '../../../../test/support/loopback-only-network';

/** The Chromium the editor tests drive (Debian's, or `CHROMIUM_PATH`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Opens the Node-RED editor at `baseUrl` in headless Chromium (offline switches, in this worker's loopback-only
 * namespace) and resolves once the bedrock-flow palette is there. `prepare` runs on the page before it loads: a
 * dialog handler, or a login token in localStorage.
 */
export async function openEditor(baseUrl: string, prepare?: (page: Page) => unknown): Promise<{ browser: Browser; page: Page }> {
  const { chromium } = await import('playwright-core');
  requireLoopbackOnlyNetwork('Chromium');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_OFFLINE_ARGS] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await prepare?.(page);
  await page.goto(baseUrl);
  await page.waitForSelector('.red-ui-palette-node[data-palette-type="bedrock-converse"]', { timeout: 30_000 });
  return { browser, page };
}
