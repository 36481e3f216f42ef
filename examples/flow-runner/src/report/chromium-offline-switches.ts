/**
 * Chromium's own background traffic switched off: first-run and default-browser checks, background networking,
 * component and safe-browsing updates, sync, default apps, domain reliability and crash reports, client-side phishing
 * models, metrics upload (recorded only), QUIC. The common part of every Chromium launch in this repository (the PNG
 * export here, the browser tests through `test/support/chromium-offline-args.ts`), which lives in the flow-runner's
 * source because the tests may import the examples but the examples never import the tests. Each launcher adds its own
 * headless, sandbox and name-resolution switches beside it.
 */
export const CHROMIUM_OFFLINE_SWITCHES: readonly string[] = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--disable-quic',
];
