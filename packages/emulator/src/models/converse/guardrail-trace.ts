import { guardrailBlocks, guardrailUnits, guardrailUsage } from '../guardrail-rule';
import type { GuardrailSettings } from './converse-features';

/** A `GuardrailAssessment` of one text in Bedrock's shape: the topic policy (when it fired) and invocation metrics. */
export function guardrailAssessment(text: string): Record<string, unknown> {
  const assessment: Record<string, unknown> = {
    invocationMetrics: {
      guardrailProcessingLatency: 1,
      usage: guardrailUsage(guardrailUnits([text])),
      guardrailCoverage: { textCharacters: { guarded: text.length, total: text.length } },
    },
  };
  if (guardrailBlocks(text)) {
    assessment['topicPolicy'] = { topics: [{ name: 'emulator-blocked-topic', type: 'DENY', action: 'BLOCKED', detected: true }] };
  }
  return assessment;
}

/**
 * `trace.guardrail` of a Converse response (`GuardrailTraceAssessment`): the input assessment, the output
 * assessments keyed by guardrail id, and with `enabled_full` the model output the guardrail saw.
 */
export function guardrailTrace(settings: GuardrailSettings, input: string, modelOutput: string, intervened: boolean): Record<string, unknown> {
  const trace: Record<string, unknown> = {
    inputAssessment: { [settings.identifier]: guardrailAssessment(input) },
  };
  // A blocked input never reaches the model: there is no output to assess.
  if (!guardrailBlocks(input)) trace['outputAssessments'] = { [settings.identifier]: [guardrailAssessment(modelOutput)] };
  if (settings.trace === 'enabled_full') trace['modelOutput'] = [modelOutput];
  if (intervened) trace['actionReason'] = 'Guardrail blocked.';
  return trace;
}
