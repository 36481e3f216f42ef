// @ts-check
'use strict';
const { PayloadError } = require('./payload-error');

/**
 * Runs the Knowledge Base component's Search Results: `msg.payload` (the query text) -> the retrieved chunks, best first,
 * as `{ text, source, score, metadata }`.
 * @type {import('./define-component-node').RunComponent}
 */
async function runKnowledgeBase(instance, payload) {
  if (typeof payload !== 'string' || payload.trim() === '') {
    throw new PayloadError('bedrock-knowledge-base', payload === '' ? 'is an empty string' : `is ${typeof payload}`, 'the query text (a non-empty string)');
  }
  const results = await instance.search_documents();
  const retriever = instance.build_retriever();
  return {
    payload: results,
    details: { knowledgeBaseId: retriever.knowledgeBaseId, results: results.length, searchType: retriever.searchType },
  };
}

module.exports = { runKnowledgeBase };
