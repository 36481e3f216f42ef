// @ts-check
'use strict';
/** Turns a Node-RED node's saved properties into raw component values, using the manifest for the input kinds. */
const { ComponentValidationError } = require('@bedrock-flow/component');
const { isNodeInput } = require('./node-catalog');

/**
 * Values of the inputs edited on the node. Unset properties are left out (the component default applies);
 * dict inputs are stored as JSON text by the editor and parsed here (bad JSON: `ComponentValidationError`).
 * @param {import('@bedrock-flow/component').ManifestComponent} component
 * @param {import('./node-catalog').ComponentNodeSpec} spec
 * @param {Record<string, unknown>} config the node's properties as Node-RED saved them
 * @returns {Record<string, unknown>}
 */
function nodeInputValues(component, spec, config) {
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const input of component.inputs) {
    if (!isNodeInput(spec, input.name)) continue;
    const raw = config[input.name];
    if (raw === undefined) continue;
    values[input.name] = input.type === 'DictInput' ? parseDictText(component.name, input, raw) : raw;
  }
  return values;
}

/**
 * @param {string} componentName
 * @param {import('@bedrock-flow/component').ManifestInput} input
 * @param {unknown} raw
 */
function parseDictText(componentName, input, raw) {
  if (typeof raw !== 'string') return raw;
  if (raw.trim() === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ComponentValidationError(componentName, [
      { field: input.name, problem: 'is not valid JSON', allowed: `JSON text: ${input.allowed}`, received: `${raw.length} characters` },
    ]);
  }
}

module.exports = { nodeInputValues };
