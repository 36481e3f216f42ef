import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { listModels, toClientConfig, type AwsConnectionValues, type ModelCatalog } from '@bedrock-flow/component';
import { apiKeyConnection } from '../credentials/api-key-connection';
import { AWS_CREDENTIAL_TYPE, awsConnection, type AwsConnection, type AwsCredentialData } from '../credentials/aws-credential';
import { BEDROCK_API_KEY_CREDENTIAL_TYPE, type BedrockApiKeyCredentialData } from '../credentials/bedrock-flow-api-key';
import { AUTHENTICATION, AUTHENTICATION_PARAMETER } from '../credentials/node-credentials';
import { n8nPool } from '../pool/n8n-pool';
import type { AnyComponentDefinition } from './component-manifest';
import { modelIds } from './model-property';

/** Which models a node lists: chat models (text out) or embedding models. */
export type ListedModality = 'TEXT' | 'EMBEDDING';

/** The live list items of a catalog: the models with `modality` out, then the inference profiles routing to them. */
export function liveModelItems(catalog: ModelCatalog, modality: ListedModality): INodeListSearchItems[] {
  const models = catalog.models.filter((model) => model.outputModalities.includes(modality));
  const listed = new Set(models.map((model) => model.modelId));
  const items: INodeListSearchItems[] = models.map((model) => ({
    name: `${model.providerName} ${model.modelName} (${model.modelId})`,
    value: model.modelId,
    description: model.onDemand ? 'on demand' : `inference profile only: ${model.profiles.join(', ') || 'none in this region'}`,
  }));
  for (const profile of catalog.inferenceProfiles) {
    if (!profile.modelIds.some((id) => listed.has(id))) continue;
    const value = profile.type === 'APPLICATION' ? profile.arn : profile.id;
    items.push({ name: `${profile.name} (${value})`, value, description: `${profile.type === 'APPLICATION' ? 'application' : 'cross-region'} inference profile → ${profile.modelIds.join(', ')}` });
  }
  return items;
}

async function connectionOf(fns: ILoadOptionsFunctions): Promise<AwsConnection> {
  const authentication = fns.getCurrentNodeParameter(AUTHENTICATION_PARAMETER) ?? AUTHENTICATION.awsIam;
  if (authentication === AUTHENTICATION.apiKey) return apiKeyConnection(await fns.getCredentials<BedrockApiKeyCredentialData & IDataObject>(BEDROCK_API_KEY_CREDENTIAL_TYPE));
  return awsConnection(await fns.getCredentials<AwsCredentialData & IDataObject>(AWS_CREDENTIAL_TYPE));
}

/**
 * A `listSearch` method serving the models and inference profiles the node's credential can call in its region
 * (`listModels` on the n8n pool's control-plane client, cached per credential scope), filtered by the typed text. When
 * the account cannot be asked (no credential yet, access denied, no network) it serves the component's static list and
 * says so in each item's description: nothing falls back silently.
 */
export function liveModelListSearch(definition: AnyComponentDefinition, modality: ListedModality) {
  return async function searchModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
    const needle = (filter ?? '').toLowerCase();
    const matches = (item: INodeListSearchItems) => `${item.name} ${String(item.value)}`.toLowerCase().includes(needle);
    let items: INodeListSearchItems[];
    try {
      const connection = await connectionOf(this);
      if (connection.issues.length > 0) throw new Error(connection.issues.map((issue) => `${issue.field} ${issue.problem}`).join('; '));
      // The credential's own values only: never n8n's environment (env: false), as when the node runs.
      const config = toClientConfig(connection.values as AwsConnectionValues, { env: false, variables: new Map() });
      items = liveModelItems(await listModels({ ...config, pool: n8nPool() }), modality);
    } catch (error) {
      // The reason names the AWS error or the field, never a secret (the pool's errors are redacted).
      const reason = error instanceof Error ? error.name : 'unknown error';
      items = modelIds(definition).map((id) => ({ name: id, value: id, description: `static list: the account could not be asked (${reason})` }));
    }
    return { results: items.filter(matches) };
  };
}
