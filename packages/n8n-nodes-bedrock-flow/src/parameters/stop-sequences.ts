import type { INodeProperties } from 'n8n-workflow';
import type { ValidationIssue } from '@bedrock-flow/component';

/** Name of the stop-sequences option (a Converse `inferenceConfig` field, not an input of the Langflow component). */
export const STOP_SEQUENCES_PARAMETER = 'stopSequences';

/** The "Stop Sequences" option: a list of strings, sent as Converse `inferenceConfig.stopSequences`. */
export const stopSequencesProperty: INodeProperties = {
  displayName: 'Stop Sequences',
  name: STOP_SEQUENCES_PARAMETER,
  type: 'string',
  default: [],
  typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Stop Sequence' },
  description: 'Text sequences that make the model stop generating. Empty entries are not allowed.',
};

/**
 * The stop sequences of the options collection: `[]` when unset. Anything but a list of non-empty strings (or one
 * string) adds an issue on `stop_sequences` (reported with the component's own, before any call).
 */
export function stopSequences(raw: unknown, issues: ValidationIssue[]): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const list = Array.isArray(raw) ? raw : [raw];
  const bad = list.findIndex((entry) => typeof entry !== 'string' || entry.length === 0);
  if (bad >= 0) {
    issues.push({ field: 'stop_sequences', problem: `entry ${bad} is ${typeof list[bad] === 'string' ? 'empty' : typeof list[bad]}`, allowed: 'a list of non-empty strings' });
    return [];
  }
  return list as string[];
}
