// @ts-check
'use strict';
/**
 * The bedrock-flow components behind the Node-RED nodes, in one registry: the runtime builds them and the
 * editor forms are generated from its manifest, so fields, defaults and help text cannot drift apart.
 */
const { ComponentRegistry } = require('@bedrock-flow/component');
const { amazonBedrockConverseDefinition } = require('@bedrock-flow/converse');
const { amazonBedrockModelDefinition } = require('@bedrock-flow/model');
const { amazonBedrockEmbeddingsDefinition } = require('@bedrock-flow/embeddings');
const { amazonBedrockKnowledgeBaseRetrieverDefinition } = require('@bedrock-flow/knowledge-base');

/** The registry of `AmazonBedrockConverseModel`, `AmazonBedrockModel`, `AmazonBedrockEmbeddings` and `AmazonBedrockKnowledgeBaseRetriever`. */
const componentRegistry = new ComponentRegistry([
  amazonBedrockConverseDefinition,
  amazonBedrockModelDefinition,
  amazonBedrockEmbeddingsDefinition,
  amazonBedrockKnowledgeBaseRetrieverDefinition,
]);

/** @type {import('@bedrock-flow/component').ComponentManifest | undefined} */
let manifest;

/**
 * The palette manifest of the registry (built once; plain JSON, no secrets).
 * @returns {import('@bedrock-flow/component').ComponentManifest}
 */
function componentManifest() {
  manifest ??= componentRegistry.manifest();
  return manifest;
}

/**
 * The manifest entry of the component named `name`; throws a `RangeError` for an unknown name.
 * @param {string} name
 * @returns {import('@bedrock-flow/component').ManifestComponent}
 */
function manifestComponent(name) {
  const entry = componentManifest().components.find((component) => component.name === name);
  if (!entry) throw new RangeError(`No component "${name}" in the bedrock-flow manifest`);
  return entry;
}

module.exports = { componentRegistry, componentManifest, manifestComponent };
