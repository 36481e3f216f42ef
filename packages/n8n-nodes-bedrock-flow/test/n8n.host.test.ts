/**
 * The bedrock-flow n8n nodes inside a REAL n8n 2.41.1 (Node 24), driven only through n8n's REST API and webhooks,
 * against the Bedrock emulator over TLS behind its latency proxy. Side by side with n8n's stock Bedrock chat model.
 *
 * Needs `node packages/n8n-nodes-bedrock-flow/scripts/install-n8n.mjs` (cached outside the repository). Without it the
 * test FAILS with that instruction, unless BEDROCK_FLOW_SKIP_N8N=1 is set (then it skips with a warning).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, TEST_CREDENTIALS, type EmulatorStats, type RunningEmulator } from '@bedrock-flow/emulator';
import { CHROMIUM_OFFLINE_ARGS } from '../../../test/support/chromium-offline-args';
import { requireLoopbackOnlyNetwork } from '../../../test/support/loopback-only-network';
import { summariseOffMachineCalls } from '../../../test/support/off-machine-calls';
import { findN8nInstall, INSTALL_HINT, SKIP_N8N_ENV, type N8nInstall } from './support/n8n-install';
import { startN8n, type RunningN8n } from './support/n8n-process';
import { callWebhookWhenRegistered, N8nRest, OWNER, postJson, type WorkflowRecord } from './support/n8n-rest';
import { chatWorkflow, embeddingsWorkflow, httpRequestWorkflow, imageChainWorkflow, invokeModelWorkflow, knowledgeBaseQaWorkflow, PACKAGE_NAME, pooledChatModel, stockChatModel, type CredentialRef } from './support/workflows';
import { pngBytes } from '../../../test/support/media-fixtures';
import type { EmulatorKnowledgeBase } from '@bedrock-flow/emulator';

/** The knowledge base the retriever sub-node queries. */
const KB_ID = 'KBDOCS0001';
const KNOWLEDGE_BASES: EmulatorKnowledgeBase[] = [
  {
    knowledgeBaseId: KB_ID,
    documents: [
      { text: 'A new connection pays a TLS handshake: two extra round trips before the first request.', uri: 's3://handbook/tls.md' },
      { text: 'Guardrails block denied topics in prompts and answers.', uri: 's3://handbook/guardrails.md' },
    ],
  },
];

/** Webhook executions per row of the comparison. */
const EXECUTIONS = 30;
/** Round trip the latency proxy adds, so connection setup costs what it costs on a network. */
const RTT_MS = 20;
/** Webhook executions of the workflow on the Bedrock API-key credential (a few: it proves the auth, not the pooling again). */
const API_KEY_EXECUTIONS = 3;
/** A made-up Bedrock API key the emulator accepts as a bearer token. */
const API_KEY = 'ABSKQmVkcm9ja0FQSUtleS1uOG4taG9zdC10ZXN0LTAwMDAx';
const PACKAGE_DIR = path.join(__dirname, '..');
const DOCS_SCREENSHOT = path.join(PACKAGE_DIR, 'docs', 'n8n-editor.png');

jest.setTimeout(15 * 60_000);

const found = findN8nInstall();
const skip = process.env[SKIP_N8N_ENV] === '1';
if (skip) {
  console.warn(`\n*** WARNING: the real-n8n test is SKIPPED because ${SKIP_N8N_ENV}=1. It proves the nodes load and pool inside n8n; unset it and run ${INSTALL_HINT} to run it. ***\n`);
}
const describeHost = skip ? describe.skip : describe;

/** Builds the package, packs it and installs the tarball as a community package, as an n8n user would. */
function installPackage(userFolder: string, scratch: string): string {
  // The workspace's tsup (a root devDependency), run by path so no registry lookup can happen.
  const tsupDir = path.dirname(require.resolve('tsup/package.json', { paths: [PACKAGE_DIR] }));
  execFileSync(process.execPath, [path.join(tsupDir, 'dist', 'cli-default.js')], { cwd: PACKAGE_DIR, stdio: 'pipe' });
  execFileSync(process.execPath, [path.join(PACKAGE_DIR, 'scripts', 'write-node-entries.mjs')], { stdio: 'pipe' });
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: PACKAGE_DIR, encoding: 'utf8' }).trim().split('\n').at(-1)!;
  const nodesDir = path.join(userFolder, '.n8n', 'nodes');
  fs.mkdirSync(nodesDir, { recursive: true });
  fs.writeFileSync(path.join(nodesDir, 'package.json'), '{"name":"installed-nodes","private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=peer', path.join(scratch, tarball)], { cwd: nodesDir, stdio: 'pipe' });
  return path.join(scratch, tarball);
}

interface Row {
  name: string;
  executions: number;
  answered: number;
  connections: number;
  handshakes: number;
  /** Connections this row left open (the emulator's open gauge after the row minus before it). */
  leftOpen: number;
  /** Median webhook round trip in ms: printed for the reader, never asserted. */
  p50Ms: number;
}

function row(name: string, stats: EmulatorStats, answered: number, openBefore: number, durations: number[]): Row {
  const sorted = [...durations].sort((a, b) => a - b);
  const p50Ms = Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
  return { name, executions: EXECUTIONS, answered, connections: stats.connections.accepted, handshakes: stats.tls.handshakes, leftOpen: stats.connections.open - openBefore, p50Ms };
}

function table(rows: Row[]): string {
  const head = '| node | webhook executions | answered | TCP connections | TLS handshakes | connections left open | webhook p50 (ms) |';
  const rule = '|---|---|---|---|---|---|---|';
  return [head, rule, ...rows.map((r) => `| ${r.name} | ${r.executions} | ${r.answered} | ${r.connections} | ${r.handshakes} | ${r.leftOpen} | ${r.p50Ms} |`)].join('\n');
}

describeHost('bedrock-flow nodes in a real n8n 2.41.1', () => {
  let install: N8nInstall;
  let emu: RunningEmulator;
  let n8n: RunningN8n | undefined;
  let rest: N8nRest;
  let scratch: string;
  let credential: CredentialRef;
  const rows: Row[] = [];

  beforeAll(async () => {
    if (!found.ok) {
      throw new Error(`The real-n8n test cannot run: ${found.reason}. Install it with: ${INSTALL_HINT} (about 5 minutes and 2.9 GB, cached), or set ${SKIP_N8N_ENV}=1 to skip it explicitly.`);
    }
    install = found.install;
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bedrock-flow-n8n-'));
    emu = await startEmulator({ tls: true, rttMs: RTT_MS, bearerTokens: [API_KEY], knowledgeBases: KNOWLEDGE_BASES });
    const caFile = path.join(scratch, 'emulator-ca.pem');
    fs.writeFileSync(caFile, emu.ca!);
    const userFolder = path.join(scratch, 'user');
    installPackage(userFolder, scratch);
    n8n = await startN8n(install, userFolder, { NODE_EXTRA_CA_CERTS: caFile });
    rest = new N8nRest(n8n.url);
    await rest.setupOwner();
    credential = await rest.createAwsCredential('AWS emulator', {
      region: 'us-east-1',
      accessKeyId: TEST_CREDENTIALS.accessKeyId,
      secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
      customEndpoints: true,
      bedrockRuntimeEndpoint: emu.url,
    });
  });

  afterAll(async () => {
    try {
      if (rows.length > 0) process.stdout.write(`\nn8n 2.41.1, ${EXECUTIONS} webhook executions per row, TLS, RTT ${RTT_MS} ms:\n${table(rows)}\n\n`);
      await n8n?.stop();
      await emu?.close();
    } finally {
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('lists the four bedrock-flow nodes in n8n\'s node types', async () => {
    const types = await rest.ok<Array<{ name: string; outputs?: unknown }>>('GET', '/types/nodes.json');
    const names = types.map((type) => type.name);
    for (const node of ['lmChatBedrockFlow', 'embeddingsBedrockFlow', 'bedrockFlowInvokeModel', 'retrieverBedrockFlowKnowledgeBase']) expect(names).toContain(`${PACKAGE_NAME}.${node}`);
    const credentials = await rest.ok<Array<{ name: string; properties: Array<{ name: string }> }>>('GET', '/types/credentials.json');
    const apiKey = credentials.find((type) => type.name === 'bedrockFlowApiKey');
    expect(apiKey?.properties.map((property) => property.name)).toEqual(['apiKey', 'region', 'bedrockRuntimeEndpoint']);
  });

  let pooled: WorkflowRecord;

  it(`stock vs bedrock-flow under a Basic LLM Chain: ${EXECUTIONS} executions each; bedrock-flow = 1 TLS handshake`, async () => {
    const runRow = async (name: string, webhook: string) => {
      emu.resetStats();
      const openBefore = emu.stats().connections.open;
      let answered = 0;
      const first = await callWebhookWhenRegistered(webhook, { prompt: 'warm up 0' });
      if (first.status === 200 && JSON.parse(first.text).text === 'Echo: warm up 0') answered++;
      const durations: number[] = [];
      for (let i = 1; i < EXECUTIONS; i++) {
        const started = performance.now();
        const answer = await postJson(webhook, { prompt: `question ${i}` });
        durations.push(performance.now() - started);
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text)).toEqual({ text: `Echo: question ${i}` });
        answered++;
      }
      expect(emu.stats().requests.byOperation.Converse ?? 0).toBeGreaterThanOrEqual(EXECUTIONS - (emu.stats().requests.byOperation.ConverseStream ?? 0));
      rows.push(row(name, emu.stats(), answered, openBefore, durations));
    };

    const stock = await rest.activate(await rest.createWorkflow(chatWorkflow('stock bedrock', 'stock-chat', stockChatModel(credential, 0.5))));
    await runRow('n8n stock lmChatAwsBedrock', `${n8n!.url}/webhook/stock-chat`);
    await rest.deactivate(stock);

    pooled = await rest.activate(await rest.createWorkflow(chatWorkflow('bedrock-flow', 'pooled-chat', pooledChatModel(credential, 0.5))));
    await runRow('bedrock-flow lmChatBedrockFlow', `${n8n!.url}/webhook/pooled-chat`);

    const [stockRow, pooledRow] = rows;
    expect(pooledRow!.answered).toBe(EXECUTIONS);
    expect(stockRow!.answered).toBe(EXECUTIONS);
    expect(pooledRow!.handshakes).toBe(1);
    expect(pooledRow!.connections).toBe(1);
    expect(pooledRow!.leftOpen).toBeLessThanOrEqual(2);
    // Recorded, not a goal: the stock node builds a new client (and TLS connection) per execution.
    expect(stockRow!.handshakes).toBeGreaterThan(pooledRow!.handshakes);
  });

  it('an edited node (new temperature) takes effect on the next execution, on the same warm client', async () => {
    emu.resetStats();
    const model = pooled.nodes.find((node) => node.name === 'Chat Model')!;
    const nodes = pooled.nodes.map((node) => (node === model ? { ...node, parameters: { ...node.parameters, options: { temperature: 0.25, maxTokens: 256 } } } : node));
    const updated = await rest.updateWorkflow(pooled, { nodes });
    pooled = await rest.activate(updated);
    let temperature: unknown;
    for (let attempt = 0; attempt < 50 && temperature !== 0.25; attempt++) {
      const answer = await postJson(`${n8n!.url}/webhook/pooled-chat`, { prompt: 'after the edit' });
      expect(answer.status).toBe(200);
      temperature = (emu.requests().at(-1)!.body as { inferenceConfig?: { temperature?: number } }).inferenceConfig?.temperature;
    }
    expect(temperature).toBe(0.25);
    // The temperature is not part of the connection config: the warm client stays.
    expect(emu.stats().tls.handshakes).toBe(0);
  });

  it('the Basic LLM Chain\'s image passthrough (Image (Binary)) reaches Bedrock as an image block through the chat model', async () => {
    emu.resetStats();
    const png = pngBytes(64, 64);
    const workflow = await rest.activate(await rest.createWorkflow(imageChainWorkflow('bedrock-flow image', 'pooled-image', pooledChatModel(credential, 0.5))));
    const answer = await callWebhookWhenRegistered(`${n8n!.url}/webhook/pooled-image`, { prompt: 'What is in the image?', image: png.toString('base64') });
    expect(answer.status).toBe(200);
    const request = emu.requests().at(-1)!;
    const blocks = (request.body as { messages: Array<{ content: Array<Record<string, unknown>> }> }).messages.flatMap((m) => m.content);
    expect(blocks).toContainEqual({ image: { format: 'png', source: { bytes: png.toString('base64') } } });
    // n8n puts the query text after the image in the same user message.
    expect(JSON.parse(answer.text)).toEqual({ text: 'Echo: What is in the image? [received image/png 64x64]' });
    expect(emu.stats().requests.byOperation.Converse ?? 0).toBe(1);
    await rest.deactivate(workflow);
  });

  it('the chat model also serves n8n\'s AI Agent', async () => {
    emu.resetStats();
    const workflow = await rest.activate(await rest.createWorkflow(chatWorkflow('bedrock-flow agent', 'pooled-agent', pooledChatModel(credential, 0.5), 'agent')));
    const answer = await callWebhookWhenRegistered(`${n8n!.url}/webhook/pooled-agent`, { prompt: 'agent question' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ output: 'Echo: agent question' });
    expect(emu.requests().at(-1)!.lastUserText).toBe('agent question');
    await rest.deactivate(workflow);
  });

  it(`a workflow on the Bedrock API-key credential answers through bearer auth (${API_KEY_EXECUTIONS} executions, 0 SigV4 requests, at most 1 handshake); the HTTP Request node cannot use the key`, async () => {
    const keyCredential = await rest.createCredential('bedrockFlowApiKey', 'Bedrock API key emulator', { apiKey: API_KEY, region: 'us-east-1', bedrockRuntimeEndpoint: emu.url });
    const workflow = await rest.activate(await rest.createWorkflow(chatWorkflow('bedrock-flow api key', 'pooled-chat-key', pooledChatModel(keyCredential, 0.5, 'apiKey'))));
    emu.resetStats();
    const url = `${n8n!.url}/webhook/pooled-chat-key`;
    const first = await callWebhookWhenRegistered(url, { prompt: 'key 0' });
    expect(first.status).toBe(200);
    expect(JSON.parse(first.text)).toEqual({ text: 'Echo: key 0' });
    for (let i = 1; i < API_KEY_EXECUTIONS; i++) {
      const answer = await postJson(url, { prompt: `key ${i}` });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ text: `Echo: key ${i}` });
    }
    const stats = emu.stats();
    // Every model request came as `Authorization: Bearer` with the credential's key; none was SigV4-signed.
    expect(stats.auth).toEqual({ failures: 0, byAccessKeyId: { bearer: API_KEY_EXECUTIONS } });
    // At most 1: the key's own client may reuse the endpoint connection the earlier workflows' clients left warm
    // (sockets are per endpoint, clients and credentials per key); never one per execution.
    expect(stats.tls.handshakes).toBeLessThanOrEqual(1);
    await rest.deactivate(workflow);

    // n8n's HTTP Request node may read every credential type, but not this one (restrictToSupportedNodes): n8n
    // refuses to even save a workflow that points it at the key, so the key cannot be sent elsewhere.
    const refused = await rest.call('POST', '/rest/workflows', { ...httpRequestWorkflow('api key elsewhere', 'key-elsewhere', keyCredential, `${emu.url}/model/x/converse`), active: false });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/cannot use credential type \\"bedrockFlowApiKey\\" — it is restricted to: @bedrock-flow\/n8n-nodes-bedrock-flow\.lmChatBedrockFlow/);
    expect(refused.text).not.toContain(API_KEY);
  });

  it('a wrong secret fails the execution with the AWS error name in the execution data, never the secret', async () => {
    const wrongSecret = 'wrongSecretKey/NotTheEmulators/n8n0000000001';
    const wrong = await rest.createAwsCredential('AWS wrong secret', {
      region: 'us-east-1',
      accessKeyId: TEST_CREDENTIALS.accessKeyId,
      secretAccessKey: wrongSecret,
      customEndpoints: true,
      bedrockRuntimeEndpoint: emu.url,
    });
    const workflow = await rest.activate(await rest.createWorkflow(chatWorkflow('bedrock-flow wrong secret', 'wrong-secret', pooledChatModel(wrong, 0.5))));
    const answer = await callWebhookWhenRegistered(`${n8n!.url}/webhook/wrong-secret`, { prompt: 'hello' });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.text).not.toContain(wrongSecret);
    const list = await rest.ok<{ results: Array<{ id: string; status: string }> }>('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: workflow.id }))}`);
    expect(list.results.length).toBeGreaterThan(0);
    expect(list.results[0]!.status).toBe('error');
    const execution = await rest.call('GET', `/rest/executions/${list.results[0]!.id}`);
    expect(execution.text).toMatch(/InvalidSignatureException/);
    expect(execution.text).toMatch(/request id/);
    expect(execution.text).not.toContain(wrongSecret);
    process.stdout.write(`\nwrong secret, as n8n recorded it: ${execution.text.match(/[^"\\]*InvalidSignatureException[^"\\]*/)?.[0]}\n`);
    await rest.deactivate(workflow);
  });

  it('Options › Timeout reaches the pool inside n8n: a blackholed generation fails the execution once, saying it may be billed, and the next execution answers', async () => {
    const model = pooledChatModel(credential, 0.5);
    model.parameters = { ...model.parameters, options: { ...(model.parameters as { options: object }).options, timeout: 0.5 } };
    const workflow = await rest.activate(await rest.createWorkflow(chatWorkflow('bedrock-flow timeout', 'timeout', model)));
    const url = `${n8n!.url}/webhook/timeout`;
    expect((await callWebhookWhenRegistered(url, { prompt: 'warm' })).status).toBe(200);
    emu.resetStats();
    emu.setFaults({ blackhole: { count: 1 } });
    try {
      const answer = await postJson(url, { prompt: 'held' });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      const generations = (emu.stats().requests.byOperation.Converse ?? 0) + (emu.stats().requests.byOperation.ConverseStream ?? 0);
      expect(generations).toBe(1);
      const list = await rest.ok<{ results: Array<{ id: string; status: string }> }>('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: workflow.id }))}`);
      const execution = await rest.call('GET', `/rest/executions/${list.results[0]!.id}`);
      expect(execution.text).toMatch(/may be billed, so it was not sent again/);
    } finally {
      emu.setFaults({});
    }
    const next = await postJson(url, { prompt: 'next' });
    expect(next.status).toBe(200);
    expect(next.text).toContain('Echo: next');
    await rest.deactivate(workflow);
  });

  // Documentation only, on request: the committed screenshot changes only with UPDATE_DOCS_SCREENSHOT=1.
  if (process.env.UPDATE_DOCS_SCREENSHOT === '1') {
    it('refreshes docs/n8n-editor.png: the bedrock-flow chat model under a Basic LLM Chain in n8n\'s editor', async () => {
      const model = { ...pooledChatModel(credential, 0.5), name: 'Bedrock Chat Model (pooled)' };
      const workflow = await rest.createWorkflow(chatWorkflow('bedrock-flow chat', 'docs-chat', model));
      const { chromium } = await import('playwright-core');
      requireLoopbackOnlyNetwork('Chromium');
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_OFFLINE_ARGS] });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        await page.goto(`${n8n!.url}/signin`);
        await page.locator('input[type="email"], input[name="emailOrLdapLoginId"]').first().fill(OWNER.email);
        await page.locator('input[type="password"]').first().fill(OWNER.password);
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 60_000 });
        await page.goto(`${n8n!.url}/workflow/${workflow.id}`);
        try {
          await page.getByText('Basic LLM Chain').first().waitFor({ timeout: 60_000 });
        } catch (error) {
          await page.screenshot({ path: path.join(scratch, 'n8n-editor-failed.png') });
          throw new Error(`the workflow did not render in the editor (page ${page.url()}): ${String(error)}`);
        }
        await page.waitForTimeout(1500); // the canvas fits the view after the nodes render
        fs.mkdirSync(path.dirname(DOCS_SCREENSHOT), { recursive: true });
        await page.screenshot({ path: DOCS_SCREENSHOT });
      } finally {
        await browser.close();
      }
      expect(fs.statSync(DOCS_SCREENSHOT).size).toBeGreaterThan(10_000);
    });
  }

  it('the InvokeModel action node answers with the text and the AWS request id of its request', async () => {
    const workflow = await rest.activate(await rest.createWorkflow(invokeModelWorkflow('bedrock-flow invoke model', 'pooled-invoke', credential)));
    const answer = await callWebhookWhenRegistered(`${n8n!.url}/webhook/pooled-invoke`, { prompt: 'invoke question' });
    expect(answer.status).toBe(200);
    const item = JSON.parse(answer.text) as { text: string; requestId: string | null };
    expect(item.text).toBe('Echo: invoke question');
    const request = emu.requests().filter((r) => r.lastUserText === 'invoke question').at(-1)!;
    expect(item.requestId).toBe(request.requestId);
    await rest.deactivate(workflow);
  });

  it('the embeddings sub-node works under the in-memory vector store (insert, then search)', async () => {
    emu.resetStats();
    const workflow = await rest.activate(await rest.createWorkflow(embeddingsWorkflow('bedrock-flow embeddings', 'pooled-embed', credential, 'amazon.titan-embed-text-v2:0')));
    const answer = await callWebhookWhenRegistered(`${n8n!.url}/webhook/pooled-embed`, { text: 'Pooled clients keep one warm TLS connection per node.', query: 'warm TLS connection' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Pooled clients keep one warm TLS connection per node.');
    const embedCalls = emu.requests().filter((request) => request.modelId === 'amazon.titan-embed-text-v2:0');
    expect(embedCalls.length).toBeGreaterThanOrEqual(2);
    await rest.deactivate(workflow);
  });

  it('the Knowledge Base retriever sub-node serves n8n\'s Question and Answer Chain: the retrieved chunk reaches the chat model; 5 executions, 5 Retrieve requests', async () => {
    emu.resetStats();
    const workflow = await rest.activate(await rest.createWorkflow(knowledgeBaseQaWorkflow('bedrock-flow knowledge base', 'pooled-kb', credential, KB_ID)));
    for (let run = 0; run < 5; run += 1) {
      const answer = await callWebhookWhenRegistered(`${n8n!.url}/webhook/pooled-kb`, { query: 'What does a TLS handshake cost a new connection?' });
      expect(answer.status).toBe(200);
    }
    const retrieves = emu.requests().filter((request) => request.operation === 'Retrieve');
    expect(retrieves).toHaveLength(5);
    expect(retrieves[0]!.body).toMatchObject({ retrievalQuery: { text: 'What does a TLS handshake cost a new connection?' }, retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 2 } } });
    // The chain put the best chunk into the chat model's prompt.
    const chats = emu.requests().filter((request) => request.operation === 'Converse');
    expect(chats).toHaveLength(5);
    expect(JSON.stringify(chats[0]!.body)).toContain(KNOWLEDGE_BASES[0]!.documents[0]!.text);
    await rest.deactivate(workflow);
  });

  it('with Use Agentic Retrieval on, the retriever sub-node asks AgenticRetrieveStream for documents only (the chain writes the answer): 3 executions, 3 AgenticRetrieveStream requests with generateResponse false, 0 Retrieve', async () => {
    emu.resetStats();
    const options = { numberOfResults: 2, useAgenticRetrieval: true, maxAgentIterations: 3 };
    const workflow = await rest.activate(await rest.createWorkflow(knowledgeBaseQaWorkflow('bedrock-flow agentic knowledge base', 'pooled-kb-agentic', credential, KB_ID, options)));
    for (let run = 0; run < 3; run += 1) {
      const answer = await callWebhookWhenRegistered(`${n8n!.url}/webhook/pooled-kb-agentic`, { query: 'What does a TLS handshake cost a new connection?' });
      expect(answer.status).toBe(200);
    }
    expect(emu.requests().filter((request) => request.operation === 'Retrieve')).toHaveLength(0);
    const agentic = emu.requests().filter((request) => request.operation === 'AgenticRetrieveStream');
    expect(agentic).toHaveLength(3);
    expect(agentic[0]!.body).toMatchObject({
      messages: [{ role: 'user', content: { text: 'What does a TLS handshake cost a new connection?' } }],
      retrievers: [{ configuration: { knowledgeBase: { knowledgeBaseId: KB_ID, retrievalOverrides: { maxNumberOfResults: 2 } } } }],
      agenticRetrieveConfiguration: { foundationModelType: 'MANAGED', maxAgentIteration: 3 },
      generateResponse: false,
    });
    const chats = emu.requests().filter((request) => request.operation === 'Converse');
    expect(chats).toHaveLength(3);
    expect(JSON.stringify(chats[0]!.body)).toContain(KNOWLEDGE_BASES[0]!.documents[0]!.text);
    await rest.deactivate(workflow);
  });

  // Last, so it covers the whole run. The loopback-only namespace stops every such call; this names the ones tried.
  it('n8n tried no DNS lookup and no connect off the machine during the run (every phone-home is switched off)', () => {
    const calls = n8n!.offMachineCalls();
    if (calls.length > 0) {
      throw new Error(`n8n tried to reach off the machine (the namespace stopped it); switch it off in N8N_OFFLINE_ENV (test/support/n8n-process.ts):\n${summariseOffMachineCalls(calls)}`);
    }
    expect(calls).toEqual([]);
  });
});

if (!skip && !found.ok) {
  // Also fail loudly at collection time, so the reason is the first thing in the output.
  console.error(`The real-n8n test cannot run: ${found.reason}. Install: ${INSTALL_HINT}, or opt out with ${SKIP_N8N_ENV}=1.`);
}
