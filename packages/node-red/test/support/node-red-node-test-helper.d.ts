/** The parts of node-red-node-test-helper 0.3.6 these tests use (the package ships no types). */
declare module 'node-red-node-test-helper' {
  type NodeModule = (RED: unknown) => void | Promise<void>;
  type FlowNode = Record<string, unknown> & { id: string; type: string };
  interface NodeTestHelper {
    init(runtimePath?: string, userSettings?: Record<string, unknown>): void;
    settings(userSettings: Record<string, unknown>): Record<string, unknown>;
    load(nodes: NodeModule | NodeModule[], flow: FlowNode[], credentials?: Record<string, Record<string, string>>): Promise<void>;
    setFlows(flow: FlowNode[], type?: 'full' | 'flows' | 'nodes', credentials?: Record<string, Record<string, string>>): Promise<void>;
    unload(): Promise<void>;
    getNode(id: string): any; // eslint-disable-line @typescript-eslint/no-explicit-any
    startServer(): Promise<void>;
    stopServer(): Promise<void>;
    _redNodes: { getFlows(): { flows: FlowNode[] } | null };
    /** supertest on the helper's admin app (`RED.httpAdmin`). */
    request(): { get(path: string): { expect(status: number): Promise<{ body: any }> } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  const helper: NodeTestHelper;
  export = helper;
}

/** node-red 4.1.8 as embedded by the browser test (the package ships no types). */
declare module 'node-red' {
  const RED: {
    init(server: import('node:http').Server, settings: Record<string, unknown>): void;
    start(): Promise<void>;
    stop(): Promise<void>;
    httpAdmin: import('node:http').RequestListener;
  };
  export = RED;
}
