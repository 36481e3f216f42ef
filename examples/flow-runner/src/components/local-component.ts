/**
 * A non-Bedrock node the example flows need (chat input/output, prompt, retriever), kept to the
 * least a host needs: a name and one function per output. Not part of the bedrock-flow contract:
 * they carry no secrets, no clients and nothing for a palette.
 */
export interface LocalComponent {
  /** Langflow component name, e.g. `ChatInput`. */
  name: string;
  /** Output name -> function computing it from the node's input values. */
  outputs: Record<string, (values: Readonly<Record<string, unknown>>) => unknown>;
}
