import { validationError } from '../errors/bedrock-error';
import { writeJson } from '../http/write-response';
import { GUARDRAIL_VERSION_PATTERN } from '../models/converse/converse-features';
import { asObject, parseJsonBody, required } from '../models/validate-fields';
import { GUARDRAIL_BLOCKED_MESSAGE, guardrailBlocks, guardrailUnits, guardrailUsage } from '../models/guardrail-rule';
import type { OperationContext } from './operation-context';

/**
 * ApplyGuardrail: `{source: INPUT|OUTPUT, content[{text:{text}}]}` -> `{usage, action, outputs, assessments}`.
 * The guardrail intervenes when any text contains `BLOCKED_TOPIC`.
 */
export async function handleApplyGuardrail(ctx: OperationContext): Promise<void> {
  const body = parseJsonBody(ctx.body);
  const version = ctx.guardrailVersion ?? '';
  if (!GUARDRAIL_VERSION_PATTERN.test(version)) {
    throw validationError(`guardrailVersion: must be DRAFT or a version number, got ${version}`);
  }
  const source = required(body['source'], 'source');
  if (source !== 'INPUT' && source !== 'OUTPUT') throw validationError(`1 validation error detected: Value '${String(source)}' at 'source' failed to satisfy constraint: Member must satisfy enum value set: [INPUT, OUTPUT]`);
  const content = required(body['content'], 'content');
  if (!Array.isArray(content)) throw validationError("1 validation error detected: Value at 'content' failed to satisfy constraint: Member must be a list");
  const texts = content.map((c, i) => {
    const text = asObject(c, `content.${i + 1}.member`)['text'] as { text?: unknown } | undefined;
    return typeof text?.text === 'string' ? text.text : '';
  });
  ctx.observe({ body, lastUserText: texts.join('\n') });
  const blocked = texts.some(guardrailBlocks);
  writeJson(ctx.res, 200, ctx.requestId, {
    usage: guardrailUsage(guardrailUnits(texts)),
    action: blocked ? 'GUARDRAIL_INTERVENED' : 'NONE',
    outputs: blocked ? [{ text: GUARDRAIL_BLOCKED_MESSAGE }] : [],
    assessments: blocked
      ? [{ topicPolicy: { topics: [{ name: 'emulator-blocked-topic', type: 'DENY', action: 'BLOCKED' }] } }]
      : [{}],
    guardrailCoverage: { textCharacters: { guarded: texts.reduce((n, t) => n + t.length, 0), total: texts.reduce((n, t) => n + t.length, 0) } },
  });
}
