'use strict';
/**
 * Preloaded into a test host's Node process (`node --require <this file>`, through NODE_OPTIONS): records every DNS
 * lookup of a name and every TCP connect that would leave the machine, one JSON line each, in the file named by
 * BEDROCK_FLOW_OFF_MACHINE_LOG. It never blocks anything (the loopback-only namespace does that); it makes a new
 * phone-home visible, so the launcher can fail the test and name it, instead of the namespace hiding it.
 * Plain CommonJS on purpose: it runs inside n8n on Node 24, outside jest and its TypeScript transform.
 */
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const file = process.env.BEDROCK_FLOW_OFF_MACHINE_LOG;
if (file) {
  /** @param {unknown} host */
  const local = (host) => {
    if (host === undefined || host === null || host === '') return true; // Node's default host is localhost
    const name = String(host).toLowerCase().replace(/^\[|\]$/g, '');
    return name === 'localhost' || name === '0.0.0.0' || name === '::' || name === '::1' || /^127\./.test(name) || /^::ffff:127\./.test(name);
  };
  /** @param {string} kind @param {unknown} host @param {unknown} [port] */
  const record = (kind, host, port) => {
    const stack = (new Error().stack || '').split('\n').slice(3, 12).map((line) => line.trim());
    fs.appendFileSync(file, `${JSON.stringify({ pid: process.pid, kind, host: String(host), port, stack })}\n`);
  };

  const lookup = dns.lookup;
  // @ts-ignore -- same signature, recorded first
  dns.lookup = function recordedLookup(hostname, ...rest) {
    if (!local(hostname) && net.isIP(String(hostname)) === 0) record('lookup', hostname);
    return lookup.call(this, hostname, ...rest);
  };
  const promisesLookup = dns.promises.lookup;
  // @ts-ignore -- same signature, recorded first
  dns.promises.lookup = function recordedPromisesLookup(hostname, ...rest) {
    if (!local(hostname) && net.isIP(String(hostname)) === 0) record('lookup', hostname);
    return promisesLookup.call(this, hostname, ...rest);
  };

  const connect = net.Socket.prototype.connect;
  // @ts-ignore -- same signature, recorded first
  net.Socket.prototype.connect = function recordedConnect(...args) {
    // Node's own callers (net.connect, tls, http) pass one normalised array ([options, callback]); users pass
    // (options), (port, host) or (path): wrap both forms (DESIGN.md section 6).
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options = typeof first === 'object' && first !== null ? first : typeof first === 'number' ? { port: first, host: args[1] } : { path: first };
    if (!options.path && !local(options.host)) record('connect', options.host, options.port);
    return connect.apply(this, args);
  };
}
