import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';
import { manifestInput, type AnyComponentDefinition } from './component-manifest';

/** Name of the model parameter of every bedrock-flow node. */
export const MODEL_PARAMETER = 'model';

/** The component's model id list (its dropdown options), in its order. */
export function modelIds(definition: AnyComponentDefinition): readonly string[] {
  return manifestInput(definition, 'model_id').options ?? [];
}

/**
 * The "Model" parameter: n8n's resource locator with two modes, the component's model id list (searchable) and free
 * text for what no list can hold: cross-region inference profiles (`us.…`, `global.…`), application inference profile
 * ARNs and provisioned-throughput ARNs. The component validates either form. `searchMethod` names the node's
 * `methods.listSearch` entry that serves the list.
 */
export function modelProperty(definition: AnyComponentDefinition, searchMethod: string): INodeProperties {
  const input = manifestInput(definition, 'model_id');
  return {
    displayName: 'Model',
    name: MODEL_PARAMETER,
    type: 'resourceLocator',
    required: true,
    default: { mode: 'list', value: typeof input.value === 'string' ? input.value : '' },
    description: input.info ?? 'The Bedrock model to call',
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: searchMethod, searchable: true } },
      {
        displayName: 'ID or ARN',
        name: 'id',
        type: 'string',
        placeholder: 'us.anthropic.claude-3-5-haiku-20241022-v1:0 or arn:aws:bedrock:…',
        hint: 'A model id, a cross-region inference profile id, or an inference profile / provisioned model ARN',
      },
    ],
  };
}

/** A `listSearch` method serving the component's model ids, filtered by the typed text (case-insensitive). */
export function modelListSearch(definition: AnyComponentDefinition) {
  return async function searchModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
    const needle = (filter ?? '').toLowerCase();
    const results = modelIds(definition)
      .filter((id) => id.toLowerCase().includes(needle))
      .map((id) => ({ name: id, value: id }));
    return { results };
  };
}
