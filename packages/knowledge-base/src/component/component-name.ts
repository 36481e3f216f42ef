/** Name of the component (saved flows and tweaks refer to it). */
export const COMPONENT_NAME = 'AmazonBedrockKnowledgeBaseRetriever';
