// @ts-check
'use strict';
/** `bedrock-knowledge-base`: `msg.payload` (a query) -> the Knowledge Base's chunks `{ text, source, score, metadata }[]`, best first. */
const { COMPONENT_NODES } = require('./lib/node-catalog');
const { defineComponentNode } = require('./lib/define-component-node');
const { runKnowledgeBase } = require('./lib/run-knowledge-base');

/** @param {any} RED */
module.exports = function registerBedrockKnowledgeBase(RED) {
  defineComponentNode(RED, COMPONENT_NODES.knowledgeBase, runKnowledgeBase);
};
