import { ComponentValidationError } from '../validation/component-validation-error';
import type { ValidationIssue } from '../validation/validation-issue';
import { reasoningFamilyOf, REASONING_MODELS, type ReasoningFamily } from './reasoning-family';
import type { ReasoningEffort } from './reasoning-inputs';

/*
 * Sources, per family (read 2026-12-06):
 * - Claude: AWS, "Extended thinking" (https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html):
 *   budget_tokens at least 1,024 and below max_tokens; "Thinking isn't compatible with temperature, top_p, or top_k
 *   modifications as well as forced tool use"; Anthropic's rule as Bedrock applies it: temperature 1 (or unset), no
 *   top_k, top_p from 0.95 to 1. max_tokens above 21,333 needs streaming, so the effort budgets stay below it.
 * - Nova 2: AWS, "Extended thinking in Amazon Nova 2" (https://docs.aws.amazon.com/nova/latest/nova2-userguide/extended-thinking.html):
 *   `reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' | 'medium' | 'high' }`; at `high` the sampling
 *   settings (temperature, topP, topK) and maxTokens are left to the model.
 * - gpt-oss: AWS, "OpenAI models" (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html):
 *   the chat-completions body, `reasoning_effort` low | medium | high; other fields go in additionalModelRequestFields on Converse.
 * - DeepSeek R1: AWS, "DeepSeek models" (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-deepseek.html):
 *   reasons on every call; no field turns it on, off or sets its effort.
 */

/** Claude's thinking budget for each effort when `reasoning_budget_tokens` is 0. */
export const CLAUDE_BUDGET_BY_EFFORT: Readonly<Record<Exclude<ReasoningEffort, 'off'>, number>> = Object.freeze({ low: 1024, medium: 4096, high: 16384 });
/** Claude's smallest thinking budget. */
export const CLAUDE_MIN_BUDGET_TOKENS = 1024;

/**
 * A sampling setting as the component sees it: its value and whether the user set it. The rule: a value the user set
 * is one that differs from the input's default (`isUserSet`). Hosts send every field of a node, defaults included
 * (Langflow's template, a Node-RED node's config), so "present" cannot tell; "differs from the default" can, and a
 * user who types the default value gets what the default gets.
 */
export interface SamplingSetting {
  value: number | undefined;
  userSet: boolean;
}

/** Whether `value` counts as set by the user: present and not the input's default (see {@link SamplingSetting}). */
export function isUserSet(value: unknown, defaultValue: unknown): boolean {
  return value !== undefined && value !== defaultValue;
}

/** What {@link planReasoning} reads. */
export interface PlanReasoningInput {
  component: string;
  /** Validation error message prefix. Default `Invalid inputs for <component>: `. */
  prefix?: string;
  modelId: string;
  effort: ReasoningEffort | undefined;
  /** `reasoning_budget_tokens`; 0 or unset = from the effort. */
  budgetTokens: number | undefined;
  temperature?: SamplingSetting;
  topP?: SamplingSetting;
  topK?: SamplingSetting;
  maxTokens?: SamplingSetting;
  /** How errors name the sampling settings (e.g. `model_kwargs.temperature`). Default the Converse input names. */
  names?: Partial<Record<'temperature' | 'topP' | 'topK' | 'maxTokens', string>>;
}

/** How one call reasons: what the adapters put on the wire, and what the metadata says. */
export interface ReasoningPlan {
  /** The family's dialect; `undefined` when no reasoning is asked for and the model has none. */
  family: ReasoningFamily | undefined;
  effort: ReasoningEffort;
  /** Claude: `thinking.budget_tokens`. */
  budgetTokens?: number;
  /** Claude: max tokens raised above the budget because the default was below it (the answer keeps the default). */
  maxTokens?: number;
  /** Sampling settings left out because the model refuses them with reasoning on (their defaults; never a user's value). */
  leftOut: Array<'temperature' | 'topP' | 'topK' | 'maxTokens'>;
  /** Whether the request asks for reasoning (DeepSeek R1 reasons without being asked). */
  enabled: boolean;
}

/** The plan as the response metadata reports it (`response_metadata.reasoning`). */
export function describeReasoningPlan(plan: ReasoningPlan, names: PlanReasoningInput['names'] = {}): Record<string, unknown> {
  return {
    effort: plan.effort,
    ...(plan.family ? { family: plan.family } : {}),
    ...(plan.budgetTokens !== undefined ? { budget_tokens: plan.budgetTokens } : {}),
    ...(plan.maxTokens !== undefined ? { max_tokens: plan.maxTokens } : {}),
    ...(plan.leftOut.length > 0
      ? { left_out: plan.leftOut.map((key) => names[key] ?? DEFAULT_NAMES[key]), left_out_reason: 'defaults the model refuses with reasoning on' }
      : {}),
    ...(plan.family === 'deepseek-r1' ? { note: 'DeepSeek R1 always reasons; its effort cannot be set' } : {}),
  };
}

const DEFAULT_NAMES = { temperature: 'temperature', topP: 'top_p', topK: 'top_k', maxTokens: 'max_tokens' } as const;

/**
 * Maps `reasoning_effort` / `reasoning_budget_tokens` to the model's family and checks them against the sampling
 * settings, before any call: defaults the model would refuse with reasoning on are left out (and said so in the
 * plan); a value the user set that the model would refuse is ONE `ComponentValidationError` naming both fields.
 */
export function planReasoning(input: PlanReasoningInput): ReasoningPlan {
  const effort = input.effort ?? 'off';
  const budget = input.budgetTokens ?? 0;
  const family = reasoningFamilyOf(input.modelId);
  const names = { ...DEFAULT_NAMES, ...input.names };
  const issues: ValidationIssue[] = [];
  const fail = (): never => {
    throw new ComponentValidationError(input.component, issues, input.prefix !== undefined ? { prefix: input.prefix } : {});
  };
  const plan: ReasoningPlan = { family, effort, leftOut: [], enabled: effort !== 'off' };
  if (effort === 'off') {
    if (budget > 0) issues.push({ field: 'reasoning_budget_tokens', problem: `is ${budget} while reasoning_effort is off`, allowed: '0 when reasoning_effort is off; set reasoning_effort to low, medium or high to reason' });
    if (issues.length > 0) fail();
    return family === 'deepseek-r1' ? plan : { ...plan, family: undefined };
  }
  if (!family) {
    issues.push({ field: 'reasoning_effort', problem: `is ${effort}, but model ${JSON.stringify(input.modelId.slice(0, 120))} has no reasoning setting on Bedrock`, allowed: `off, or a model that reasons: ${REASONING_MODELS}` });
    fail();
  }
  if (budget > 0 && family !== 'anthropic-thinking') {
    issues.push({ field: 'reasoning_budget_tokens', problem: `is ${budget}, but only Claude takes a token budget (${family} takes an effort)`, allowed: '0 (the effort decides)' });
  }
  const refuse = (key: keyof typeof DEFAULT_NAMES, setting: SamplingSetting | undefined, rule: string, ok: (value: number) => boolean): void => {
    if (!setting || setting.value === undefined) return;
    if (setting.userSet && !ok(setting.value)) {
      issues.push({ field: names[key], problem: `is ${setting.value} while reasoning_effort is ${effort}: ${rule}`, allowed: `${rule.replace(/^.*?: /, '')}, or reasoning_effort off` });
    } else if (!setting.userSet && !ok(setting.value)) {
      plan.leftOut.push(key);
    }
  };
  if (family === 'anthropic-thinking') {
    const budgetTokens = budget > 0 ? budget : CLAUDE_BUDGET_BY_EFFORT[effort];
    if (budgetTokens < CLAUDE_MIN_BUDGET_TOKENS) {
      issues.push({ field: 'reasoning_budget_tokens', problem: `is ${budgetTokens}`, allowed: `0 (from the effort) or at least ${CLAUDE_MIN_BUDGET_TOKENS} (Claude's smallest thinking budget), below max_tokens` });
    }
    plan.budgetTokens = budgetTokens;
    refuse('temperature', input.temperature, 'Claude with thinking takes temperature 1 only', (v) => v === 1);
    refuse('topP', input.topP, 'Claude with thinking takes top_p from 0.95 to 1 only', (v) => v >= 0.95 && v <= 1);
    refuse('topK', input.topK, 'Claude with thinking takes no top_k', () => false);
    const max = input.maxTokens;
    if (max?.value !== undefined && max.value <= budgetTokens) {
      if (max.userSet) {
        issues.push({
          field: names.maxTokens,
          problem: `is ${max.value}, not above the thinking budget ${budgetTokens} (${budget > 0 ? 'reasoning_budget_tokens' : `reasoning_effort ${effort}`})`,
          allowed: `more than the thinking budget (budget_tokens must be below max_tokens), or a smaller reasoning_budget_tokens`,
        });
      } else {
        // The default answer length stays: the budget comes on top of it.
        plan.maxTokens = budgetTokens + max.value;
      }
    } else if (max === undefined || max.value === undefined) {
      plan.maxTokens = budgetTokens + 4096;
    }
  } else if (family === 'nova-2' && effort === 'high') {
    const rule = 'Nova 2 at high reasoning effort takes no sampling settings or max tokens';
    refuse('temperature', input.temperature, rule, () => false);
    refuse('topP', input.topP, rule, () => false);
    refuse('topK', input.topK, rule, () => false);
    refuse('maxTokens', input.maxTokens, rule, () => false);
  }
  if (issues.length > 0) fail();
  return plan;
}
