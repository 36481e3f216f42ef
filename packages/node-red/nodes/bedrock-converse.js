// @ts-check
'use strict';
/** `bedrock-converse`: `msg.payload` (text) -> the model's answer, through the AmazonBedrockConverseModel component. */
const { COMPONENT_NODES } = require('./lib/node-catalog');
const { defineComponentNode } = require('./lib/define-component-node');
const { runTextResponse } = require('./lib/run-text-response');

/** @param {any} RED */
module.exports = function registerBedrockConverse(RED) {
  defineComponentNode(RED, COMPONENT_NODES.converse, runTextResponse);
};
