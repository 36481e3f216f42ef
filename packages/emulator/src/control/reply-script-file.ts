import { readFile } from 'node:fs/promises';
import type { EmulatorOptionIssue } from '../errors/emulator-options-error';
import { EmulatorScriptError } from '../errors/emulator-script-error';
import { describeValue, isRecord } from '../options/describe-value';
import type { RunningEmulator, ScriptedReply } from '../types';

/**
 * A reply-script file, the JSON form of `script(match, reply)` calls:
 *
 * ```json
 * { "scripts": [
 *   { "match": "anthropic", "reply": { "text": "Hello from the script." } },
 *   { "match": { "regex": "^us\\.amazon\\.nova-", "flags": "i" },
 *     "reply": { "toolUse": { "name": "get_weather", "input": { "city": "Paris" } }, "stopReason": "tool_use" } }
 * ] }
 * ```
 *
 * Entries apply in file order, so a later entry wins over an earlier one that also matches (as later
 * `script()` calls do).
 */
export interface ReplyScriptFile {
  /** Optional JSON Schema reference for editors; ignored. */
  $schema?: string;
  scripts: ReplyScriptFileEntry[];
}

/** One entry of a {@link ReplyScriptFile}. */
export interface ReplyScriptFileEntry {
  /** An exact model id or family name (a string), or a regular expression on the model id. */
  match: string | { regex: string; flags?: string };
  /** The fixed reply (a file cannot hold a reply function). */
  reply: ScriptedReply;
}

/** A parsed, checked entry, ready for `script(match, reply)`. */
export interface ReplyScriptEntry {
  match: string | RegExp;
  reply: ScriptedReply;
}

// `g` and `y` make RegExp.test stateful (lastIndex), so the same id would match only every other time.
const ALLOWED_FLAGS = /^[imsu]*$/;

function checkMatch(path: string, value: unknown, issues: EmulatorOptionIssue[]): string | RegExp | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (isRecord(value) && typeof value['regex'] === 'string') {
    const flags = value['flags'] ?? '';
    const extra = Object.keys(value).filter((k) => k !== 'regex' && k !== 'flags');
    if (extra.length > 0) issues.push({ field: `${path}.${extra[0]}`, problem: 'is not allowed; a regex match has only "regex" and "flags"' });
    if (typeof flags !== 'string' || !ALLOWED_FLAGS.test(flags)) {
      issues.push({ field: `${path}.flags`, problem: `must be a string of the flags i, m, s, u, got ${describeValue(flags)}` });
      return undefined;
    }
    try {
      return new RegExp(value['regex'], flags);
    } catch (error) {
      issues.push({ field: `${path}.regex`, problem: `is not a valid regular expression (${(error as Error).message})` });
      return undefined;
    }
  }
  issues.push({ field: path, problem: `must be a non-empty string (model id or family) or { "regex": "...", "flags"?: "i" }, got ${describeValue(value)}` });
  return undefined;
}

function checkReply(path: string, value: unknown, issues: EmulatorOptionIssue[]): ScriptedReply | undefined {
  if (!isRecord(value)) {
    issues.push({ field: path, problem: `must be an object { text?, toolUse?, stopReason? }, got ${describeValue(value)}` });
    return undefined;
  }
  const before = issues.length;
  for (const key of Object.keys(value)) {
    if (!['text', 'toolUse', 'stopReason'].includes(key)) issues.push({ field: `${path}.${key}`, problem: 'is not allowed; a reply has text, toolUse and stopReason' });
  }
  if (value['text'] === undefined && value['toolUse'] === undefined) issues.push({ field: path, problem: 'needs "text" or "toolUse" (or both)' });
  if (value['text'] !== undefined && typeof value['text'] !== 'string') issues.push({ field: `${path}.text`, problem: `must be a string, got ${describeValue(value['text'])}` });
  const stop = value['stopReason'];
  if (stop !== undefined && (typeof stop !== 'string' || stop === '')) {
    issues.push({ field: `${path}.stopReason`, problem: `must be a Converse stop reason such as "end_turn", "tool_use", "max_tokens", "stop_sequence", got ${describeValue(stop)}` });
  }
  const tool = value['toolUse'];
  if (tool !== undefined) {
    if (!isRecord(tool)) issues.push({ field: `${path}.toolUse`, problem: `must be an object { name, input, toolUseId? }, got ${describeValue(tool)}` });
    else {
      if (typeof tool['name'] !== 'string' || tool['name'] === '') issues.push({ field: `${path}.toolUse.name`, problem: 'must be a non-empty string' });
      if (!isRecord(tool['input'])) issues.push({ field: `${path}.toolUse.input`, problem: `must be a JSON object (the tool's arguments), got ${describeValue(tool['input'])}` });
      if (tool['toolUseId'] !== undefined && (typeof tool['toolUseId'] !== 'string' || tool['toolUseId'] === '')) {
        issues.push({ field: `${path}.toolUse.toolUseId`, problem: 'must be a non-empty string when given' });
      }
      for (const key of Object.keys(tool)) {
        if (!['name', 'input', 'toolUseId'].includes(key)) issues.push({ field: `${path}.toolUse.${key}`, problem: 'is not allowed; a tool use has name, input and toolUseId' });
      }
    }
  }
  return issues.length === before ? (value as ScriptedReply) : undefined;
}

/**
 * Checks a parsed reply-script file against {@link ReplyScriptFile} and returns its entries.
 * Throws {@link EmulatorScriptError} naming every bad place (JSON path, what was wrong, what is allowed).
 */
export function parseReplyScripts(value: unknown, file = '<inline>'): ReplyScriptEntry[] {
  const issues: EmulatorOptionIssue[] = [];
  if (!isRecord(value) || !Array.isArray(value['scripts'])) {
    throw new EmulatorScriptError(file, [{ field: '$', problem: 'must be an object { "scripts": [ { "match": ..., "reply": ... }, ... ] }' }]);
  }
  for (const key of Object.keys(value)) {
    if (key !== 'scripts' && key !== '$schema') issues.push({ field: `$.${key}`, problem: 'is not allowed; the file has "scripts" (and optionally "$schema")' });
  }
  const entries: ReplyScriptEntry[] = [];
  for (const [i, item] of (value['scripts'] as unknown[]).entries()) {
    const path = `scripts[${i}]`;
    if (!isRecord(item)) {
      issues.push({ field: path, problem: `must be an object { "match": ..., "reply": ... }, got ${describeValue(item)}` });
      continue;
    }
    for (const key of Object.keys(item)) {
      if (key !== 'match' && key !== 'reply') issues.push({ field: `${path}.${key}`, problem: 'is not allowed; an entry has "match" and "reply"' });
    }
    const match = checkMatch(`${path}.match`, item['match'], issues);
    const reply = checkReply(`${path}.reply`, item['reply'], issues);
    if (match !== undefined && reply !== undefined) entries.push({ match, reply });
  }
  if (issues.length > 0) throw new EmulatorScriptError(file, issues);
  return entries;
}

/** Reads and checks a reply-script file (see {@link ReplyScriptFile}); throws {@link EmulatorScriptError}. */
export async function loadReplyScriptFile(path: string): Promise<ReplyScriptEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new EmulatorScriptError(path, [{ field: '$', problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new EmulatorScriptError(path, [{ field: '$', problem: `is not valid JSON (${(error as Error).message})` }]);
  }
  return parseReplyScripts(parsed, path);
}

/** Installs parsed entries on a running emulator, in file order (later entries win). */
export function applyReplyScripts(emu: Pick<RunningEmulator, 'script'>, entries: readonly ReplyScriptEntry[]): void {
  for (const { match, reply } of entries) emu.script(match, reply);
}
