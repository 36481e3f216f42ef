/**
 * The command-line switches every test launch of Chromium (through Playwright) uses: headless as root, every
 * background request Chromium makes on its own switched off, and no host name or address resolved but loopback (the
 * tests open `http://127.0.0.1:<port>`), so a browser test talks only to the page it opens, even before the namespace
 * stops the rest.
 *
 * No `--disable-features` here: Playwright already passes one (OptimizationHints, NetworkTimeServiceQuerying,
 * MediaRouter, PreconnectToSearch among others) and Chromium keeps only the last occurrence of a switch.
 */
/** Every host name (and IP literal) "not found", except loopback, which the tests' pages are on. */
export const CHROMIUM_NO_NAME_RESOLUTION = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]';

export const CHROMIUM_OFFLINE_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
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
  // The rule also applies to IP literals, so loopback is excluded by name and address.
  CHROMIUM_NO_NAME_RESOLUTION,
];
