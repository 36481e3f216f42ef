import { CHROMIUM_OFFLINE_SWITCHES } from '../../examples/flow-runner/src/report/chromium-offline-switches';

/** Every host name (and IP literal) "not found", except loopback, which the tests' pages are on. */
export const CHROMIUM_NO_NAME_RESOLUTION = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]';

/**
 * The command-line switches every test launch of Chromium (through Playwright) uses: headless as root, every
 * background request Chromium makes on its own switched off (the repository's common list, which the demo's PNG export
 * uses too), and no host name or address resolved but loopback (the tests open `http://127.0.0.1:<port>`), so a browser
 * test talks only to the page it opens, even before the namespace stops the rest.
 *
 * Beyond the common list, the PNG export passes `--disable-extensions`, `--disable-field-trial-config` and a
 * `--disable-features`; not here: Playwright already passes all three (its `--disable-features` names OptimizationHints,
 * NetworkTimeServiceQuerying, MediaRouter, PreconnectToSearch among others) and Chromium keeps only the last occurrence
 * of a switch.
 */
export const CHROMIUM_OFFLINE_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  ...CHROMIUM_OFFLINE_SWITCHES,
  // The rule also applies to IP literals, so loopback is excluded by name and address.
  CHROMIUM_NO_NAME_RESOLUTION,
];
