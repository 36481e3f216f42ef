import { randomUUID } from 'node:crypto';

/** The package name n8n prefixes our node types with (community package in `~/.n8n/nodes`). */
export const PACKAGE_NAME = '@bedrock-flow/n8n-nodes-bedrock-flow';

/** A chat model the emulator answers with `Echo: <last user text>`. */
export const CHAT_MODEL = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';

/** A credential reference as n8n stores it on a node. */
export type CredentialRef = { id: string; name: string };

/** A node's fields as a test writes them: everything but its id. */
type NodeFields = Record<string, unknown> & { name: string; parameters: Record<string, unknown> };

type WorkflowNode = NodeFields & { id: string };

/** A node with a fresh id (n8n keys a workflow's nodes by id; the tests only ever name them). */
function node(fields: NodeFields): WorkflowNode {
  return { id: randomUUID(), ...fields };
}

/** The kinds of wire these workflows use: the main data path, and the sub-node inputs of n8n's AI nodes. */
type WireType = 'main' | 'ai_languageModel' | 'ai_embedding' | 'ai_document' | 'ai_retriever';

/** One wire, by node names: `from`'s output of `type` into `to` (a sub-node is wired into the root node it serves). */
type Wire = readonly [from: string, type: WireType, to: string];

/** A workflow as n8n's REST API takes it. */
export interface Workflow {
  name: string;
  nodes: WorkflowNode[];
  connections: Record<string, Partial<Record<WireType, Array<Array<{ node: string; type: WireType; index: number }>>>>>;
}

/**
 * A workflow a POST to the webhook `path` starts, answering with its last node's output: the `Webhook` node feeds the
 * first of `nodes` (main), and `wires` connect the rest. Wires from one node of one type share its first output, in order.
 */
function webhookWorkflow(name: string, path: string, nodes: readonly WorkflowNode[], wires: readonly Wire[] = []): Workflow {
  const webhook = node({
    name: 'Webhook',
    type: 'n8n-nodes-base.webhook',
    typeVersion: 2,
    position: [0, 0],
    webhookId: randomUUID(),
    parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
  });
  const connections: Workflow['connections'] = {};
  for (const [from, type, to] of [[webhook.name, 'main', nodes[0]!.name] as const, ...wires]) {
    const outputs = (connections[from] ??= {});
    (outputs[type] ??= [[]])[0]!.push({ node: to, type, index: 0 });
  }
  return { name, nodes: [webhook, ...nodes], connections };
}

/** n8n's stock "AWS Bedrock Chat Model" sub-node (a new client per execution). */
export function stockChatModel(credential: CredentialRef, temperature: number): WorkflowNode {
  return node({
    name: 'Chat Model',
    type: '@n8n/n8n-nodes-langchain.lmChatAwsBedrock',
    typeVersion: 1.2,
    position: [200, 200],
    parameters: { model: CHAT_MODEL, options: { temperature } },
    credentials: { aws: credential },
  });
}

/**
 * The bedrock-flow chat model sub-node (pooled client), with the model typed in as a free-text id, on an `aws`
 * credential (no `authentication` parameter, as workflows saved before it existed) or on a `bedrockFlowApiKey` one.
 */
export function pooledChatModel(credential: CredentialRef, temperature: number, authentication: 'awsIam' | 'apiKey' = 'awsIam'): WorkflowNode {
  const model = { __rl: true, mode: 'id', value: CHAT_MODEL };
  return node({
    name: 'Chat Model',
    type: `${PACKAGE_NAME}.lmChatBedrockFlow`,
    typeVersion: 1,
    position: [200, 200],
    parameters: authentication === 'apiKey' ? { authentication, model, options: { temperature, maxTokens: 256 } } : { model, options: { temperature, maxTokens: 256 } },
    credentials: authentication === 'apiKey' ? { bedrockFlowApiKey: credential } : { aws: credential },
  });
}

/**
 * Webhook -> n8n's HTTP Request node, told to authenticate with a `bedrockFlowApiKey` credential and POST to `url`:
 * what a workflow would do to send the key somewhere else. n8n must refuse it (the credential is restricted to our nodes).
 */
export function httpRequestWorkflow(name: string, path: string, credential: CredentialRef, url: string): Workflow {
  return webhookWorkflow(name, path, [
    node({
      name: 'HTTP Request',
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: 4.2,
      position: [200, 0],
      parameters: { method: 'POST', url, authentication: 'predefinedCredentialType', nodeCredentialType: 'bedrockFlowApiKey', options: {} },
      credentials: { bedrockFlowApiKey: credential },
    }),
  ]);
}

/** The root nodes a chat model can serve in these tests: n8n's Basic LLM Chain (answers `{ text }`) or AI Agent (`{ output }`). */
const ROOTS = {
  chain: { name: 'Basic LLM Chain', type: '@n8n/n8n-nodes-langchain.chainLlm', typeVersion: 1.9, parameters: { promptType: 'define', text: '={{ $json.body.prompt }}' } },
  agent: { name: 'AI Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1, parameters: { promptType: 'define', text: '={{ $json.body.prompt }}', options: {} } },
} as const;

/** Webhook -> Basic LLM Chain or AI Agent (prompt = request body `prompt`) <- `model`; answers with the root's output. */
export function chatWorkflow(name: string, path: string, model: WorkflowNode, root: keyof typeof ROOTS = 'chain'): Workflow {
  const chain = node({ position: [200, 0], ...ROOTS[root], parameters: { ...ROOTS[root].parameters } });
  return webhookWorkflow(name, path, [chain, model], [[model.name, 'ai_languageModel', chain.name]]);
}

/**
 * Webhook (body `{ prompt, image }`, image in base64) -> Convert to File ("Move Base64 String to File": binary `data`,
 * image/png) -> Basic LLM Chain with a User "Image (Binary)" message (n8n's image passthrough) <- `model`.
 */
export function imageChainWorkflow(name: string, path: string, model: WorkflowNode): Workflow {
  const toFile = node({
    name: 'Convert to File',
    type: 'n8n-nodes-base.convertToFile',
    typeVersion: 1.1,
    position: [150, 0],
    parameters: { operation: 'toBinary', sourceProperty: 'body.image', binaryPropertyName: 'data', options: { mimeType: 'image/png', fileName: 'chart.png' } },
  });
  // The prompt is read from the webhook's item: this chain's own input is Convert to File's.
  const chain = node({
    position: [300, 0],
    ...ROOTS.chain,
    parameters: {
      ...ROOTS.chain.parameters,
      text: "={{ $('Webhook').item.json.body.prompt }}",
      messages: { messageValues: [{ type: 'HumanMessagePromptTemplate', messageType: 'imageBinary', binaryImageDataKey: 'data', imageDetail: 'auto' }] },
    },
  });
  return webhookWorkflow(name, path, [toFile, chain, model], [
    [toFile.name, 'main', chain.name],
    [model.name, 'ai_languageModel', chain.name],
  ]);
}

/** Webhook -> the bedrock-flow InvokeModel action node (prompt = request body `prompt`); answers with the node's item. */
export function invokeModelWorkflow(name: string, path: string, credential: CredentialRef): Workflow {
  return webhookWorkflow(name, path, [
    node({
      name: 'InvokeModel',
      type: `${PACKAGE_NAME}.bedrockFlowInvokeModel`,
      typeVersion: 1,
      position: [200, 0],
      parameters: { model: { __rl: true, mode: 'id', value: CHAT_MODEL }, prompt: '={{ $json.body.prompt }}', systemMessage: '', options: {} },
      credentials: { aws: credential },
    }),
  ]);
}

/**
 * Webhook -> In-Memory Vector Store (insert the body's `text` through a Default Data Loader) -> In-Memory Vector
 * Store (load: the closest document to the body's `query`), both on one bedrock-flow embeddings sub-node.
 */
export function embeddingsWorkflow(name: string, path: string, credential: CredentialRef, model: string): Workflow {
  const memoryKey = { __rl: true, mode: 'id', value: `bedrock-flow-${randomUUID()}` };
  const nodes: WorkflowNode[] = [
    node({ name: 'Insert', type: '@n8n/n8n-nodes-langchain.vectorStoreInMemory', typeVersion: 1.3, position: [200, 0], parameters: { mode: 'insert', memoryKey } }),
    node({
      name: 'Loader',
      type: '@n8n/n8n-nodes-langchain.documentDefaultDataLoader',
      typeVersion: 1.1,
      position: [300, 200],
      parameters: { dataType: 'json', jsonMode: 'expressionData', jsonData: "={{ $('Webhook').item.json.body.text }}", textSplittingMode: 'simple' },
    }),
    node({
      name: 'Search',
      type: '@n8n/n8n-nodes-langchain.vectorStoreInMemory',
      typeVersion: 1.3,
      position: [400, 0],
      parameters: { mode: 'load', memoryKey, prompt: "={{ $('Webhook').item.json.body.query }}", topK: 1 },
    }),
    node({
      name: 'Embeddings',
      type: `${PACKAGE_NAME}.embeddingsBedrockFlow`,
      typeVersion: 1,
      position: [200, 200],
      parameters: { model: { __rl: true, mode: 'list', value: model }, options: {} },
      credentials: { aws: credential },
    }),
  ];
  return webhookWorkflow(name, path, nodes, [
    ['Insert', 'main', 'Search'],
    ['Loader', 'ai_document', 'Insert'],
    ['Embeddings', 'ai_embedding', 'Insert'],
    ['Embeddings', 'ai_embedding', 'Search'],
  ]);
}

/**
 * Webhook -> n8n's Question and Answer Chain (query = request body `query`) <- the bedrock-flow chat model (the answer)
 * and the bedrock-flow Knowledge Base retriever sub-node (the chunks the chain puts in the prompt).
 */
export function knowledgeBaseQaWorkflow(
  name: string,
  path: string,
  credential: CredentialRef,
  knowledgeBaseId: string,
  options: Record<string, unknown> = { numberOfResults: 2 },
): Workflow {
  const chain = node({
    name: 'Question and Answer Chain',
    type: '@n8n/n8n-nodes-langchain.chainRetrievalQa',
    typeVersion: 1.7,
    position: [200, 0],
    parameters: { promptType: 'define', text: '={{ $json.body.query }}', options: {} },
  });
  const retriever = node({
    name: 'Knowledge Base',
    type: `${PACKAGE_NAME}.retrieverBedrockFlowKnowledgeBase`,
    typeVersion: 1,
    position: [300, 200],
    parameters: { knowledgeBaseId, options },
    credentials: { aws: credential },
  });
  const model = pooledChatModel(credential, 0.1);
  return webhookWorkflow(name, path, [chain, model, retriever], [
    [model.name, 'ai_languageModel', chain.name],
    [retriever.name, 'ai_retriever', chain.name],
  ]);
}
