import type { EmulatorKnowledgeBase } from '@bedrock-flow/emulator';

/** The knowledge base id the tests query. */
export const KB_ID = 'KBDOCS0001';

/** A small knowledge base about connections, served by the emulator. */
export const KNOWLEDGE_BASES: EmulatorKnowledgeBase[] = [
  {
    knowledgeBaseId: KB_ID,
    documents: [
      { text: 'Throttled requests are retried with exponential backoff and jitter.', uri: 's3://handbook/retries.md', metadata: { topic: 'retries', year: 2023 } },
      { text: 'A new connection pays a TLS handshake: two extra round trips before the first request.', uri: 's3://handbook/tls.md', metadata: { topic: 'transport', year: 2024 } },
      { text: 'Guardrails block denied topics in user prompts and model answers.', uri: 'https://handbook.example/guardrails', metadata: { topic: 'safety', year: 2025 } },
      { text: 'Keep-alive connections skip the TLS handshake on later requests.', uri: 's3://handbook/keep-alive.md', metadata: { topic: 'transport', year: 2025 } },
    ],
  },
];
