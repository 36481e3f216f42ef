// @ts-check
'use strict';
const { PayloadError } = require('./payload-error');

const ALLOWED = 'a non-empty string, or a non-empty array of strings';

/**
 * Runs the embeddings component's `build_embeddings`: a string payload becomes one vector (`embedQuery`), an array
 * of strings one vector per text (`embedDocuments`, batched with bounded concurrency by the component).
 * @type {import('./define-component-node').RunComponent}
 */
async function runEmbeddings(instance, payload) {
  const isText = typeof payload === 'string' && payload.length > 0;
  const isTexts = Array.isArray(payload) && payload.length > 0 && payload.every((text) => typeof text === 'string');
  if (!isText && !isTexts) {
    const got = Array.isArray(payload) ? `an array of ${payload.length}` : payload === '' ? 'an empty string' : typeof payload;
    throw new PayloadError('bedrock-embeddings', `is ${got}`, ALLOWED);
  }
  const embeddings = instance.build_embeddings();
  const vectors = isText ? await embeddings.embedQuery(payload) : await embeddings.embedDocuments(payload);
  return {
    payload: vectors,
    details: { model: embeddings.model, dimensions: isText ? vectors.length : vectors[0]?.length, texts: isText ? 1 : payload.length },
  };
}

module.exports = { runEmbeddings };
