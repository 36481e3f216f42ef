// @ts-check
'use strict';
/** `bedrock-invoke-model`: `msg.payload` (text) -> the model's answer, through the AmazonBedrockModel (InvokeModel) component. */
const { COMPONENT_NODES } = require('./lib/node-catalog');
const { defineComponentNode } = require('./lib/define-component-node');
const { runTextResponse } = require('./lib/run-text-response');

/** @param {any} RED */
module.exports = function registerBedrockInvokeModel(RED) {
  defineComponentNode(RED, COMPONENT_NODES.invokeModel, runTextResponse);
};
