// @ts-check
'use strict';

/** Error code of {@link PayloadError}. */
const PAYLOAD_ERROR_CODE = 'ERR_NODE_RED_PAYLOAD_INVALID';

/** `msg.payload` has a shape the node cannot use; thrown before any network call. */
class PayloadError extends Error {
  /**
   * @param {string} nodeType the Node-RED node type
   * @param {string} problem what was wrong
   * @param {string} allowed what is allowed
   */
  constructor(nodeType, problem, allowed) {
    super(`${nodeType}: msg.payload ${problem}; allowed: ${allowed}`);
    this.name = 'PayloadError';
    /** Always {@link PAYLOAD_ERROR_CODE}. */
    this.code = PAYLOAD_ERROR_CODE;
    /** The field concerned. */
    this.field = 'msg.payload';
    this.allowed = allowed;
  }
}

module.exports = { PayloadError, PAYLOAD_ERROR_CODE };
