// @ts-check
'use strict';
const { NodePropertyError } = require('./node-property-error');
const { PayloadError } = require('./payload-error');

/** RetrieveAndGenerate's session id pattern (Bedrock's `sessionId` constraint). */
const SESSION_ID_PATTERN = /^[0-9a-zA-Z._:-]{2,100}$/;

/**
 * `msg.sessionId` for the Answer output: unset (a new session) or the `sessionId` of an earlier answer, checked
 * before any request.
 * @param {unknown} sessionId
 * @returns {string | undefined}
 */
function sessionIdOf(sessionId) {
  if (sessionId === undefined || sessionId === null || sessionId === '') return undefined;
  if (typeof sessionId !== 'string' || !SESSION_ID_PATTERN.test(sessionId)) {
    // JSON-quoted: a newline or quote in msg data cannot forge a line of the log the error is written to.
    const shown = typeof sessionId === 'string' ? `is ${JSON.stringify(sessionId.slice(0, 40))}` : `is ${typeof sessionId}`;
    throw new NodePropertyError('bedrock-knowledge-base', 'msg.sessionId', shown, 'unset, or the sessionId of an earlier answer (msg.bedrock.sessionId): 2 to 100 letters, digits and . _ : -');
  }
  return sessionId;
}

/**
 * Runs the Knowledge Base component's chosen output on `msg.payload` (the query text):
 * - `search_results` (default): the retrieved chunks, best first, as `{ text, source, score, metadata }`;
 * - `answer`: RetrieveAndGenerate with the node's Generation Model: `msg.payload` is the answer text,
 *   `msg.citations` the cited chunks (`{ text, span, references: [{ text, source, score, metadata }] }`) and
 *   `msg.bedrock.sessionId` the session to continue with `msg.sessionId`.
 * @type {import('./define-component-node').RunComponent}
 */
async function runKnowledgeBase(instance, payload, { msg, output }) {
  if (typeof payload !== 'string' || payload.trim() === '') {
    throw new PayloadError('bedrock-knowledge-base', payload === '' ? 'is an empty string' : `is ${typeof payload}`, 'the query text (a non-empty string)');
  }
  const sessionId = output === 'answer' ? sessionIdOf(msg.sessionId) : undefined;
  const retriever = instance.build_retriever();
  const base = { knowledgeBaseId: retriever.knowledgeBaseId, output: output ?? 'search_results' };
  if (output === 'answer') {
    const answer = await instance.retrieve_and_generate(sessionId === undefined ? {} : { sessionId });
    msg.citations = answer.citations;
    return { payload: answer.text, details: { ...base, modelId: instance.values.model_id, sessionId: answer.sessionId, citations: answer.citations.length } };
  }
  const results = await instance.search_documents();
  return { payload: results, details: { ...base, results: results.length, searchType: retriever.searchType } };
}

module.exports = { runKnowledgeBase };
