// @ts-check
'use strict';

const { BedrockFlowError } = require('@bedrock-flow/bedrock-pool');

/** Error code of {@link PayloadError}. */
const PAYLOAD_ERROR_CODE = 'ERR_NODE_RED_PAYLOAD_INVALID';

/** `msg.payload` has a shape the node cannot use; thrown before any network call. */
class PayloadError extends BedrockFlowError {
  /**
   * @param {string} nodeType the Node-RED node type
   * @param {string} problem what was wrong
   * @param {string} allowed what is allowed
   */
  constructor(nodeType, problem, allowed) {
    super(PAYLOAD_ERROR_CODE, `${nodeType}: msg.payload ${problem}; allowed: ${allowed}`, { field: 'msg.payload' });
    /** What `msg.payload` may be. */
    this.allowed = allowed;
  }
}

module.exports = { PayloadError, PAYLOAD_ERROR_CODE };
