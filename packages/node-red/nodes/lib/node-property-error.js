// @ts-check
'use strict';

const { BedrockFlowError } = require('@bedrock-flow/bedrock-pool');

/** Error code of {@link NodePropertyError}. */
const NODE_PROPERTY_ERROR_CODE = 'ERR_NODE_RED_PROPERTY_INVALID';

/**
 * A node setting that is not a component input (the Knowledge Base node's `output`), or a message property other than
 * `msg.payload` (`msg.sessionId`), has a value the node cannot use; thrown before any network call.
 */
class NodePropertyError extends BedrockFlowError {
  /**
   * @param {string} nodeType the Node-RED node type
   * @param {string} field the property, e.g. `output` or `msg.sessionId`
   * @param {string} problem what was wrong
   * @param {string} allowed what is allowed
   */
  constructor(nodeType, field, problem, allowed) {
    super(NODE_PROPERTY_ERROR_CODE, `${nodeType}: ${field} ${problem}; allowed: ${allowed}`, { field });
    /** What the property may be. */
    this.allowed = allowed;
  }
}

module.exports = { NodePropertyError, NODE_PROPERTY_ERROR_CODE };
