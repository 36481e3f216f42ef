'use strict';
/**
 * A real Node-RED 4.1.8 runtime for the browser test, in its own process: `RED.init(server, settings)` with the
 * given user dir (where @bedrock-flow/node-red is installed), listening on 127.0.0.1 with a random port.
 * Reports `{ port }` over IPC once started; on the message `'stop'` it stops the runtime, closes the server and exits.
 * Usage (from the test): fork(this file, [userDir]).
 */
const http = require('node:http');
const RED = require('node-red');

const userDir = process.argv[2];
if (!userDir) throw new Error('usage: node-red-server.cjs <userDir>');

/** @type {http.RequestListener} */
let handle = (_req, res) => {
  res.writeHead(503).end();
};
const server = http.createServer((req, res) => handle(req, res));

RED.init(server, {
  userDir,
  flowFile: 'flows.json',
  credentialSecret: 'browser-test-only',
  uiHost: '127.0.0.1',
  httpAdminRoot: '/',
  httpNodeRoot: false,
  logging: { console: { level: 'error', metrics: false, audit: false } },
  // Nothing phones home (and the test runs it in a loopback-only network namespace anyway, scripts/in-offline-namespace.sh):
  // no telemetry ping or update check, and no palette catalogue for the editor to fetch from catalogue.nodered.org.
  telemetry: { enabled: false, updateNotification: false },
  diagnostics: { enabled: false, ui: false },
  editorTheme: { tours: false, projects: { enabled: false }, header: { title: 'bedrock-flow' }, palette: { catalogues: [] } },
  // Grace 0 so the test's teardown does not wait out released slots. A test may pass the operator's endpoint policy as
  // JSON (e.g. its emulator's host:port in allowedHosts, so keys stored in a config node may reach it).
  bedrockFlow: {
    pool: { releaseGraceMs: 0 },
    ...(process.env.BEDROCK_FLOW_TEST_ENDPOINT_POLICY ? { endpointPolicy: JSON.parse(process.env.BEDROCK_FLOW_TEST_ENDPOINT_POLICY) } : {}),
  },
  // A test of the admin auth passes Node-RED's `adminAuth` setting as JSON (users with bcrypt password hashes).
  ...(process.env.BEDROCK_FLOW_TEST_ADMIN_AUTH ? { adminAuth: JSON.parse(process.env.BEDROCK_FLOW_TEST_ADMIN_AUTH) } : {}),
});
handle = RED.httpAdmin;

server.listen(0, '127.0.0.1', () => {
  RED.start().then(
    () => process.send?.({ port: /** @type {import('node:net').AddressInfo} */ (server.address()).port }),
    (/** @type {unknown} */ error) => {
      console.error(error);
      process.exit(1);
    },
  );
});

process.on('message', (message) => {
  if (message !== 'stop') return;
  RED.stop()
    .catch((/** @type {unknown} */ error) => console.error(error))
    .finally(() => {
      server.closeAllConnections();
      server.close(() => process.exit(0));
    });
});
