import { EmulatorOptionsError } from '../errors/emulator-options-error';
import type { EmulatorOperation, FaultConfig } from '../types';
import { describeValue } from './describe-value';
import { OptionChecks } from './option-checks';

/** Every operation a fault can be limited to (`operations`). */
export const FAULT_OPERATIONS: readonly EmulatorOperation[] = [
  'Converse',
  'ConverseStream',
  'InvokeModel',
  'InvokeModelWithResponseStream',
  'CountTokens',
  'ApplyGuardrail',
  'Retrieve',
  'RetrieveAndGenerate',
  'AgenticRetrieveStream',
  'ListFoundationModels',
  'ListInferenceProfiles',
];

const FAULT_NAMES: readonly (keyof FaultConfig)[] = [
  'throttle',
  'serverError',
  'resetConnection',
  'blackhole',
  'generationPace',
  'idleCloseMs',
  'firstByteDelayMs',
  'cutStreamAfterFrames',
  'streamException',
  'operations',
];

/** Records every problem of a {@link FaultConfig} found under `field` (e.g. `faults`). */
export function checkFaultConfig(checks: OptionChecks, field: string, value: unknown): void {
  const faults = checks.record(field, value, FAULT_NAMES);
  if (!faults) return;
  const count = { min: 0, integer: true };
  const everyNth = { min: 1, integer: true };

  const throttle = checks.record(`${field}.throttle`, faults['throttle'], ['everyNth', 'rate', 'count', 'retryAfterSeconds']);
  if (throttle) {
    checks.number(`${field}.throttle.everyNth`, throttle['everyNth'], everyNth);
    checks.number(`${field}.throttle.rate`, throttle['rate'], { min: 0, max: 1 });
    checks.number(`${field}.throttle.count`, throttle['count'], count);
    checks.number(`${field}.throttle.retryAfterSeconds`, throttle['retryAfterSeconds']);
  }
  const serverError = checks.record(`${field}.serverError`, faults['serverError'], ['status', 'count', 'everyNth']);
  if (serverError) {
    if (serverError['status'] === undefined) checks.add(`${field}.serverError.status`, 'is required: 500 or 503');
    checks.oneOf(`${field}.serverError.status`, serverError['status'], [500, 503]);
    checks.number(`${field}.serverError.count`, serverError['count'], count);
    checks.number(`${field}.serverError.everyNth`, serverError['everyNth'], everyNth);
  }
  const reset = checks.record(`${field}.resetConnection`, faults['resetConnection'], ['count', 'everyNth']);
  if (reset) {
    checks.number(`${field}.resetConnection.count`, reset['count'], count);
    checks.number(`${field}.resetConnection.everyNth`, reset['everyNth'], everyNth);
  }
  const blackhole = checks.record(`${field}.blackhole`, faults['blackhole'], ['count', 'everyNth']);
  if (blackhole) {
    if (blackhole['count'] === undefined && blackhole['everyNth'] === undefined) {
      checks.add(`${field}.blackhole`, 'needs count (the next n requests) or everyNth (every nth request)');
    }
    checks.number(`${field}.blackhole.count`, blackhole['count'], count);
    checks.number(`${field}.blackhole.everyNth`, blackhole['everyNth'], everyNth);
  }
  const pace = checks.record(`${field}.generationPace`, faults['generationPace'], ['tokensPerSecond', 'answerMs']);
  if (pace) {
    if (pace['tokensPerSecond'] === undefined && pace['answerMs'] === undefined) {
      checks.add(`${field}.generationPace`, 'needs tokensPerSecond (> 0) or answerMs (>= 0), or both');
    }
    const rate = pace['tokensPerSecond'];
    // A rate of 0 would be an answer that never ends: that is the blackhole fault (or firstByteDelayMs: Infinity), not a pace.
    if (rate !== undefined && !(typeof rate === 'number' && Number.isFinite(rate) && rate > 0)) {
      checks.add(`${field}.generationPace.tokensPerSecond`, `must be a finite number > 0, got ${describeValue(rate)} (for an answer that never comes, use blackhole or firstByteDelayMs: Infinity)`);
    }
    checks.number(`${field}.generationPace.answerMs`, pace['answerMs']);
  }
  checks.number(`${field}.idleCloseMs`, faults['idleCloseMs']);
  checks.number(`${field}.firstByteDelayMs`, faults['firstByteDelayMs'], { allowInfinity: true });
  checks.number(`${field}.cutStreamAfterFrames`, faults['cutStreamAfterFrames'], count);
  const streamException = checks.record(`${field}.streamException`, faults['streamException'], ['afterFrames', 'exceptionType', 'message']);
  if (streamException) {
    if (streamException['afterFrames'] === undefined) checks.add(`${field}.streamException.afterFrames`, 'is required: an integer >= 0');
    checks.number(`${field}.streamException.afterFrames`, streamException['afterFrames'], count);
    checks.string(`${field}.streamException.exceptionType`, streamException['exceptionType']);
    if (streamException['message'] !== undefined && typeof streamException['message'] !== 'string') {
      checks.add(`${field}.streamException.message`, 'must be a string');
    }
  }
  const operations = checks.array(`${field}.operations`, faults['operations'], `operation names (${FAULT_OPERATIONS.join(', ')})`);
  for (const [i, operation] of (operations ?? []).entries()) checks.oneOf(`${field}.operations[${i}]`, operation, FAULT_OPERATIONS);
}

/** Throws one {@link EmulatorOptionsError} naming every bad field of a `setFaults()` argument. */
export function validateFaultConfig(config: unknown): asserts config is FaultConfig {
  const checks = new OptionChecks();
  if (config === undefined) checks.add('faults', 'must be an object ({} clears every fault), got undefined');
  else checkFaultConfig(checks, 'faults', config);
  if (checks.issues.length > 0) throw EmulatorOptionsError.fromIssues(checks.issues);
}
