import { randomUUID } from 'node:crypto';

/** The package name n8n prefixes our node types with (community package in `~/.n8n/nodes`). */
export const PACKAGE_NAME = '@bedrock-flow/n8n-nodes-bedrock-flow';

/** A chat model the emulator answers with `Echo: <last user text>`. */
export const CHAT_MODEL = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';

/** A credential reference as n8n stores it on a node. */
export type CredentialRef = { id: string; name: string };

type WorkflowNode = Record<string, unknown> & { name: string; parameters: Record<string, unknown> };

function webhookNode(path: string): WorkflowNode {
  return {
    id: randomUUID(),
    name: 'Webhook',
    type: 'n8n-nodes-base.webhook',
    typeVersion: 2,
    position: [0, 0],
    webhookId: randomUUID(),
    parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
  };
}

/** n8n's stock "AWS Bedrock Chat Model" sub-node (a new client per execution). */
export function stockChatModel(credential: CredentialRef, temperature: number): WorkflowNode {
  return {
    id: randomUUID(),
    name: 'Chat Model',
    type: '@n8n/n8n-nodes-langchain.lmChatAwsBedrock',
    typeVersion: 1.2,
    position: [200, 200],
    parameters: { model: CHAT_MODEL, options: { temperature } },
    credentials: { aws: credential },
  };
}

/**
 * The bedrock-flow chat model sub-node (pooled client), with the model typed in as a free-text id, on an `aws`
 * credential (no `authentication` parameter, as workflows saved before it existed) or on a `bedrockFlowApiKey` one.
 */
export function pooledChatModel(credential: CredentialRef, temperature: number, authentication: 'awsIam' | 'apiKey' = 'awsIam'): WorkflowNode {
  const model = { __rl: true, mode: 'id', value: CHAT_MODEL };
  return {
    id: randomUUID(),
    name: 'Chat Model',
    type: `${PACKAGE_NAME}.lmChatBedrockFlow`,
    typeVersion: 1,
    position: [200, 200],
    parameters: authentication === 'apiKey' ? { authentication, model, options: { temperature, maxTokens: 256 } } : { model, options: { temperature, maxTokens: 256 } },
    credentials: authentication === 'apiKey' ? { bedrockFlowApiKey: credential } : { aws: credential },
  };
}

/**
 * Webhook -> n8n's HTTP Request node, told to authenticate with a `bedrockFlowApiKey` credential and POST to `url`:
 * what a workflow would do to send the key somewhere else. n8n must refuse it (the credential is restricted to our nodes).
 */
export function httpRequestWorkflow(name: string, path: string, credential: CredentialRef, url: string) {
  const request: WorkflowNode = {
    id: randomUUID(),
    name: 'HTTP Request',
    type: 'n8n-nodes-base.httpRequest',
    typeVersion: 4.2,
    position: [200, 0],
    parameters: { method: 'POST', url, authentication: 'predefinedCredentialType', nodeCredentialType: 'bedrockFlowApiKey', options: {} },
    credentials: { bedrockFlowApiKey: credential },
  };
  return {
    name,
    nodes: [webhookNode(path), request],
    connections: { Webhook: { main: [[{ node: request.name, type: 'main', index: 0 }]] } },
  };
}

/** The root nodes a chat model can serve in these tests: n8n's Basic LLM Chain (answers `{ text }`) or AI Agent (`{ output }`). */
const ROOTS = {
  chain: { name: 'Basic LLM Chain', type: '@n8n/n8n-nodes-langchain.chainLlm', typeVersion: 1.9, parameters: { promptType: 'define', text: '={{ $json.body.prompt }}' } },
  agent: { name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1, parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: {} } },
} as const;

/** Webhook -> Basic LLM Chain or AI Agent (prompt = request body `prompt`) <- `model`; answers with the root's output. */
export function chatWorkflow(name: string, path: string, model: WorkflowNode, root: keyof typeof ROOTS = 'chain') {
  const chain: WorkflowNode = { id: randomUUID(), position: [200, 0], ...ROOTS[root], parameters: { ...ROOTS[root].parameters } };
  return {
    name,
    nodes: [webhookNode(path), chain, model],
    connections: {
      Webhook: { main: [[{ node: chain.name, type: 'main', index: 0 }]] },
      [model.name]: { ai_languageModel: [[{ node: chain.name, type: 'ai_languageModel', index: 0 }]] },
    },
  };
}

/**
 * Webhook (body `{ prompt, image }`, image in base64) -> Convert to File ("Move Base64 String to File": binary `data`,
 * image/png) -> Basic LLM Chain with a User "Image (Binary)" message (n8n's image passthrough) <- `model`.
 */
export function imageChainWorkflow(name: string, path: string, model: WorkflowNode) {
  const toFile: WorkflowNode = {
    id: randomUUID(),
    name: 'Convert to File',
    type: 'n8n-nodes-base.convertToFile',
    typeVersion: 1.1,
    position: [150, 0],
    parameters: { operation: 'toBinary', sourceProperty: 'body.image', binaryPropertyName: 'data', options: { mimeType: 'image/png', fileName: 'chart.png' } },
  };
  const chain: WorkflowNode = {
    id: randomUUID(),
    name: 'Basic LLM Chain',
    type: '@n8n/n8n-nodes-langchain.chainLlm',
    typeVersion: 1.9,
    position: [300, 0],
    parameters: {
      promptType: 'define',
      text: "={{ $('Webhook').item.json.body.prompt }}",
      messages: { messageValues: [{ type: 'HumanMessagePromptTemplate', messageType: 'imageBinary', binaryImageDataKey: 'data', imageDetail: 'auto' }] },
    },
  };
  return {
    name,
    nodes: [webhookNode(path), toFile, chain, model],
    connections: {
      Webhook: { main: [[{ node: toFile.name, type: 'main', index: 0 }]] },
      [toFile.name]: { main: [[{ node: chain.name, type: 'main', index: 0 }]] },
      [model.name]: { ai_languageModel: [[{ node: chain.name, type: 'ai_languageModel', index: 0 }]] },
    },
  };
}

/** Webhook -> the bedrock-flow InvokeModel action node (prompt = request body `prompt`); answers with the node's item. */
export function invokeModelWorkflow(name: string, path: string, credential: CredentialRef) {
  const invoke: WorkflowNode = {
    id: randomUUID(),
    name: 'InvokeModel',
    type: `${PACKAGE_NAME}.bedrockFlowInvokeModel`,
    typeVersion: 1,
    position: [200, 0],
    parameters: { model: { __rl: true, mode: 'id', value: CHAT_MODEL }, prompt: '={{ $json.body.prompt }}', systemMessage: '', options: {} },
    credentials: { aws: credential },
  };
  return {
    name,
    nodes: [webhookNode(path), invoke],
    connections: { Webhook: { main: [[{ node: invoke.name, type: 'main', index: 0 }]] } },
  };
}

/**
 * Webhook -> In-Memory Vector Store (insert the body's `text` through a Default Data Loader) -> In-Memory Vector
 * Store (load: the closest document to the body's `query`), both on one bedrock-flow embeddings sub-node.
 */
export function embeddingsWorkflow(name: string, path: string, credential: CredentialRef, model: string) {
  const memoryKey = { __rl: true, mode: 'id', value: `bedrock-flow-${randomUUID()}` };
  const nodes: WorkflowNode[] = [
    webhookNode(path),
    { id: randomUUID(), name: 'Insert', type: '@n8n/n8n-nodes-langchain.vectorStoreInMemory', typeVersion: 1.3, position: [200, 0], parameters: { mode: 'insert', memoryKey } },
    {
      id: randomUUID(),
      name: 'Loader',
      type: '@n8n/n8n-nodes-langchain.documentDefaultDataLoader',
      typeVersion: 1.1,
      position: [300, 200],
      parameters: { dataType: 'json', jsonMode: 'expressionData', jsonData: "={{ $('Webhook').item.json.body.text }}", textSplittingMode: 'simple' },
    },
    {
      id: randomUUID(),
      name: 'Search',
      type: '@n8n/n8n-nodes-langchain.vectorStoreInMemory',
      typeVersion: 1.3,
      position: [400, 0],
      parameters: { mode: 'load', memoryKey, prompt: "={{ $('Webhook').item.json.body.query }}", topK: 1 },
    },
    {
      id: randomUUID(),
      name: 'Embeddings',
      type: `${PACKAGE_NAME}.embeddingsBedrockFlow`,
      typeVersion: 1,
      position: [200, 200],
      parameters: { model: { __rl: true, mode: 'list', value: model }, options: {} },
      credentials: { aws: credential },
    },
  ];
  return {
    name,
    nodes,
    connections: {
      Webhook: { main: [[{ node: 'Insert', type: 'main', index: 0 }]] },
      Insert: { main: [[{ node: 'Search', type: 'main', index: 0 }]] },
      Loader: { ai_document: [[{ node: 'Insert', type: 'ai_document', index: 0 }]] },
      Embeddings: { ai_embedding: [[{ node: 'Insert', type: 'ai_embedding', index: 0 }, { node: 'Search', type: 'ai_embedding', index: 0 }]] },
    },
  };
}

/**
 * Webhook -> n8n's Question and Answer Chain (query = request body `query`) <- the bedrock-flow chat model (the answer)
 * and the bedrock-flow Knowledge Base retriever sub-node (the chunks the chain puts in the prompt).
 */
export function knowledgeBaseQaWorkflow(name: string, path: string, credential: CredentialRef, knowledgeBaseId: string) {
  const chain: WorkflowNode = {
    id: randomUUID(),
    name: 'Question and Answer Chain',
    type: '@n8n/n8n-nodes-langchain.chainRetrievalQa',
    typeVersion: 1.7,
    position: [200, 0],
    parameters: { promptType: 'define', text: '={{ $json.body.query }}', options: {} },
  };
  const retriever: WorkflowNode = {
    id: randomUUID(),
    name: 'Knowledge Base',
    type: `${PACKAGE_NAME}.retrieverBedrockFlowKnowledgeBase`,
    typeVersion: 1,
    position: [300, 200],
    parameters: { knowledgeBaseId, options: { numberOfResults: 2 } },
    credentials: { aws: credential },
  };
  const model = pooledChatModel(credential, 0.1);
  return {
    name,
    nodes: [webhookNode(path), chain, model, retriever],
    connections: {
      Webhook: { main: [[{ node: chain.name, type: 'main', index: 0 }]] },
      [model.name]: { ai_languageModel: [[{ node: chain.name, type: 'ai_languageModel', index: 0 }]] },
      [retriever.name]: { ai_retriever: [[{ node: chain.name, type: 'ai_retriever', index: 0 }]] },
    },
  };
}
