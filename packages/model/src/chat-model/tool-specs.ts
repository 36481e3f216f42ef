import type { BindToolsInput, ToolChoice } from '@langchain/core/language_models/chat_models';
import { convertToOpenAITool, isLangChainTool } from '@langchain/core/utils/function_calling';
import { ModelValidationError } from '../errors/model-validation-error';
import { asObject, asString } from '../providers/json-object';
import type { ToolChoiceSpec, ToolSpec } from '../providers/provider-adapter';

/**
 * Tools in the neutral `ToolSpec` shape. Accepts LangChain tools (zod or JSON schema), OpenAI tool definitions,
 * Anthropic-native `{ name, input_schema }`, and `ToolSpec`s themselves (so bound tools convert idempotently).
 * @throws ModelValidationError `ERR_MODEL_INVALID_TOOL` (field `tools`) for anything without a name and a schema.
 */
export function toToolSpecs(tools: readonly (BindToolsInput | ToolSpec)[]): ToolSpec[] {
  return tools.map((tool, i) => {
    const t = asObject(tool);
    const name = asString(t.name);
    if (name && !isLangChainTool(tool) && typeof t.parameters === 'object' && t.parameters !== null)
      return { name, description: asString(t.description), parameters: asObject(t.parameters) };
    if (name && typeof t.input_schema === 'object' && t.input_schema !== null)
      return { name, description: asString(t.description), parameters: asObject(t.input_schema) };
    const fn = asObject(asObject(convertToOpenAITool(tool as Record<string, unknown>)).function);
    const fnName = asString(fn.name);
    if (!fnName)
      throw new ModelValidationError(
        'ERR_MODEL_INVALID_TOOL',
        'tools',
        `Tool #${i} has no name/schema. Allowed: a LangChain tool, an OpenAI tool definition, or { name, input_schema }.`,
      );
    return { name: fnName, description: asString(fn.description), parameters: asObject(fn.parameters) };
  });
}

/** LangChain `tool_choice` in neutral vocabulary (`required` means `any`; a string names a tool). */
export function toToolChoiceSpec(choice: ToolChoice | undefined): ToolChoiceSpec | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === 'string') {
    if (choice === 'auto' || choice === 'any' || choice === 'none') return choice;
    if (choice === 'required') return 'any';
    return { name: choice };
  }
  const c = asObject(choice);
  const name = asString(c.name) ?? asString(asObject(c.function).name);
  if (name) return { name };
  if (c.type === 'auto' || c.type === 'any' || c.type === 'none') return c.type;
  return undefined;
}
