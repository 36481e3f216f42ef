import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { CREDENTIAL_LABELS } from '../../credentials/credential-labels';
import { authenticationProperty } from '../../credentials/node-credentials';
import { modelProperty } from '../../parameters/model-property';
import { optionLabels, optionsCollection, type OptionSpec } from '../../parameters/options-collection';

/** The "Options" of the embeddings node, each bound to an `AmazonBedrockEmbeddings` input. */
export const EMBEDDINGS_OPTIONS: readonly OptionSpec[] = [
  { parameter: 'dimensions', input: 'dimensions' },
  { parameter: 'normalize', input: 'normalize' },
  { parameter: 'maxConcurrency', input: 'max_concurrency' },
  { parameter: 'timeout', input: 'timeout', overrides: { default: 30, description: 'Seconds to wait for each embedding request (retried after a timeout). Without this option: 30 s.' } },
];

/** The node's parameters: the authentication (which credential), the embedding model (list or free text) and the options collection. */
export const embeddingsProperties = [
  authenticationProperty,
  modelProperty(amazonBedrockEmbeddingsDefinition, 'searchModels'),
  optionsCollection(amazonBedrockEmbeddingsDefinition, EMBEDDINGS_OPTIONS),
];

/** Labels for error messages: component input -> what the user sees. */
export const EMBEDDINGS_LABELS: Readonly<Record<string, string>> = {
  ...CREDENTIAL_LABELS,
  ...optionLabels(amazonBedrockEmbeddingsDefinition, EMBEDDINGS_OPTIONS),
  model_id: 'Model',
};
