// @ts-check
'use strict';

/**
 * Runs a chat component's `text_response` ("Model Response"): the answer text becomes `msg.payload`, the token
 * usage `msg.usage`, the stop reason and response metadata go to `msg.bedrock`; the model's reasoning, when it returned
 * one, to `msg.bedrock.reasoning` (never into `msg.payload`).
 * @type {import('./define-component-node').RunComponent}
 */
async function runTextResponse(instance) {
  const response = await instance.text_response();
  const metadata = response.responseMetadata || {};
  return {
    payload: response.text,
    usage: response.usage,
    details: {
      streamed: response.streamed,
      ...(response.reasoning ? { reasoning: response.reasoning } : {}),
      stopReason: metadata.stopReason ?? metadata.stop_reason,
      responseMetadata: metadata,
    },
  };
}

module.exports = { runTextResponse };
