/** The owner account the tests set up (a throwaway instance on loopback). */
export const OWNER = { email: 'owner@example.test', firstName: 'Bedrock', lastName: 'Flow', password: 'Pooled-Clients-1' };

/** One n8n REST call's answer. */
export interface RestAnswer<T = unknown> {
  status: number;
  body: T;
  text: string;
}

/** A workflow as the REST API returns it (the fields the test uses). */
export interface WorkflowRecord {
  id: string;
  versionId: string;
  nodes: Array<Record<string, unknown> & { name: string; parameters: Record<string, unknown> }>;
  connections: Record<string, unknown>;
  name: string;
}

/**
 * A logged-in n8n REST client: `POST /rest/owner/setup` sets the `n8n-auth` cookie, which goes with a fixed
 * `browser-id` header on every later call (n8n binds the session to it). Only the REST API is used, as a user's
 * editor would.
 */
export class N8nRest {
  private cookie = '';
  private readonly browserId = 'bedrock-flow-test-browser';

  constructor(readonly url: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<RestAnswer<T>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'browser-id': this.browserId,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    const data = parsed && typeof parsed === 'object' && 'data' in parsed ? (parsed as { data: unknown }).data : parsed;
    return { status: response.status, body: data as T, text };
  }

  /** Like `call`, but a non-2xx answer throws with the method, path, status and body. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    if (answer.status < 200 || answer.status >= 300) throw new Error(`${method} ${path} -> ${answer.status}: ${answer.text.slice(0, 2000)}`);
    return answer.body;
  }

  async setupOwner(): Promise<void> {
    await this.ok('POST', '/rest/owner/setup', OWNER);
  }

  async createAwsCredential(name: string, data: Record<string, unknown>): Promise<{ id: string; name: string }> {
    return await this.createCredential('aws', name, data);
  }

  /** `POST /rest/credentials` with a credential of `type` (n8n encrypts `data` at rest). */
  async createCredential(type: string, name: string, data: Record<string, unknown>): Promise<{ id: string; name: string }> {
    const created = await this.ok<{ id: string; name: string }>('POST', '/rest/credentials', { name, type, data });
    return { id: created.id, name: created.name };
  }

  async createWorkflow(workflow: { name: string; nodes: unknown[]; connections: unknown }): Promise<WorkflowRecord> {
    return await this.ok<WorkflowRecord>('POST', '/rest/workflows', { ...workflow, active: false, settings: { executionOrder: 'v1' } });
  }

  async activate(workflow: WorkflowRecord): Promise<WorkflowRecord> {
    return await this.ok<WorkflowRecord>('POST', `/rest/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
  }

  async updateWorkflow(workflow: WorkflowRecord, changes: Partial<WorkflowRecord>): Promise<WorkflowRecord> {
    return await this.ok<WorkflowRecord>('PATCH', `/rest/workflows/${workflow.id}`, { ...changes, versionId: workflow.versionId });
  }

  async deactivate(workflow: WorkflowRecord): Promise<void> {
    await this.ok('POST', `/rest/workflows/${workflow.id}/deactivate`, {});
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs to a production webhook until it stops answering 404 (n8n registers webhooks of a just-activated workflow
 * asynchronously), bounded by a number of attempts. Returns the first non-404 answer.
 */
export async function callWebhookWhenRegistered(url: string, body: unknown, attempts = 200): Promise<{ status: number; text: string }> {
  for (let i = 0; i < attempts; i++) {
    const answer = await postJson(url, body);
    if (answer.status !== 404) return answer;
    await sleep(100);
  }
  throw new Error(`webhook ${url} still answered 404 after ${attempts} attempts`);
}

/** One POST with a JSON body; the answer's status and text. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}
