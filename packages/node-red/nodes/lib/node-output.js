// @ts-check
'use strict';
const { OUTPUT_PROPERTY } = require('./node-catalog');
const { NodePropertyError } = require('./node-property-error');

/**
 * The component output a node sends, resolved once at deploy: the node's `output` property, or the first of
 * `spec.outputs` when it is unset (flows saved before the field existed); `undefined` for a node with one output.
 * Throws {@link NodePropertyError} for a value that is not one of `spec.outputs` (a hand-edited flow), so the node
 * never sends another output than the one its flow names.
 * @param {import('./node-catalog').ComponentNodeSpec} spec
 * @param {Record<string, unknown>} config the node's properties as Node-RED saved them
 * @returns {string | undefined}
 */
function nodeOutputOf(spec, config) {
  if (!spec.outputs) return undefined;
  const value = config[OUTPUT_PROPERTY];
  if (value === undefined || value === '') return spec.outputs[0]?.name;
  const names = spec.outputs.map((choice) => choice.name);
  if (typeof value !== 'string' || !names.includes(value)) {
    // JSON-quoted: a newline or quote in a hand-edited flow cannot forge a line of the log the error is written to.
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
    throw new NodePropertyError(spec.type, OUTPUT_PROPERTY, `is ${shown}`, names.join(' or '));
  }
  return value;
}

module.exports = { nodeOutputOf };
