import { z } from 'zod';
import { baseUi, createInputSpec, findDictProblem, InputProblem, UNSET, type InputSpec } from '@bedrock-flow/component';
import type { RetrievalFilter } from '@aws-sdk/client-bedrock-agent-runtime';
import { RETRIEVAL_FILTER_ALLOWED, retrievalFilterProblem } from '../retriever/retrieval-filter-problem';

/**
 * `metadata_filter`: "Metadata Filter", a dict holding one Bedrock `RetrievalFilter` (`{"equals": {"key": "topic",
 * "value": "billing"}}`, `{"andAll": [...]}`), advanced, default none. Checked with Bedrock's own rules before any call;
 * `{}` or empty means no filter. A one-item list (how Langflow dict inputs arrive) is accepted. Value:
 * `RetrievalFilter | undefined`.
 */
export function metadataFilterInput(): InputSpec<RetrievalFilter | undefined> {
  const ui = baseUi({
    displayName: 'Metadata Filter',
    info:
      'Only retrieve chunks whose metadata matches: a Bedrock RetrievalFilter such as {"equals": {"key": "topic", "value": "billing"}} ' +
      'or {"andAll": [{...}, {...}]}. Operators: equals, notEquals, greaterThan, greaterThanOrEquals, lessThan, lessThanOrEquals, in, notIn, ' +
      'startsWith, listContains, stringContains, andAll, orAll.',
    advanced: true,
  });
  return createInputSpec<RetrievalFilter | undefined>({
    kind: 'DictInput',
    ui,
    defaultValue: {},
    // The manifest's schema accepts the `{}` default; `normalize` has checked the filter's shape by then.
    schema: z.record(z.string(), z.unknown()),
    allowed: RETRIEVAL_FILTER_ALLOWED,
    normalize: (raw) => {
      if (raw === null || raw === '') return UNSET;
      let value = raw;
      if (typeof value === 'string') {
        // Hosts send tweaks as text.
        try {
          value = JSON.parse(value);
        } catch {
          return new InputProblem('is not JSON');
        }
      }
      if (Array.isArray(value)) {
        if (value.length > 1) return new InputProblem(`is a list of ${value.length} dicts; give one filter (combine several with andAll)`);
        value = value[0] ?? {};
      }
      const dictProblem = findDictProblem(value, 'value');
      if (dictProblem) return new InputProblem(dictProblem);
      if (Object.keys(value as object).length === 0) return UNSET;
      const problem = retrievalFilterProblem(value);
      return problem ? new InputProblem(problem) : value;
    },
  });
}
