/** A metadata value of a knowledge-base document, as Bedrock stores them (string, number, boolean, string list). */
export type KnowledgeBaseMetadataValue = string | number | boolean | string[];

/** One document (one chunk) of an emulated knowledge base. */
export interface KnowledgeBaseDocument {
  /** The chunk's text, returned as `content.text` and scored against the query. */
  text: string;
  /** Where it came from, returned as `location.s3Location.uri` (an `s3://…` URI) or `location.webLocation.url` (`http(s)://…`). Default `s3://<knowledgeBaseId>/doc-<n>.txt`. */
  uri?: string;
  /** Metadata attributes, returned as `metadata` and matched by `filter`. Default `{}`. */
  metadata?: Record<string, KnowledgeBaseMetadataValue>;
}

/** An emulated Bedrock Knowledge Base (the `knowledgeBases` option). */
export interface EmulatorKnowledgeBase {
  /** Its id, as Retrieve's path and RetrieveAndGenerate's `knowledgeBaseId` name it (Bedrock: 10 upper-case letters and digits). */
  knowledgeBaseId: string;
  /** Its documents. */
  documents: KnowledgeBaseDocument[];
}
