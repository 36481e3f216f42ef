// @ts-check
'use strict';
/** `bedrock-embeddings`: `msg.payload` (a text, or an array of texts) -> a vector (or one vector per text). */
const { COMPONENT_NODES } = require('./lib/node-catalog');
const { defineComponentNode } = require('./lib/define-component-node');
const { runEmbeddings } = require('./lib/run-embeddings');

/** @param {any} RED */
module.exports = function registerBedrockEmbeddings(RED) {
  defineComponentNode(RED, COMPONENT_NODES.embeddings, runEmbeddings);
};
