/** Bedrock's knowledge-base id: 1 to 10 letters and digits (`API_agent-runtime_Retrieve`, path parameter). */
export const KNOWLEDGE_BASE_ID_PATTERN = /^[0-9a-zA-Z]{1,10}$/;
