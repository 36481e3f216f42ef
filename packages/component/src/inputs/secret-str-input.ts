import { z } from 'zod';
import { baseUi } from './create-input-spec';
import type { BaseInputOptions, InputSpec } from './input-spec';
import type { Secret } from '../secrets/secret';
import { resolveSecretInput } from '../secrets/secret-input-value';
import type { SecretValueRule } from '../aws/credential-value-rules';

/** Options of {@link secretStrInput}. */
export interface SecretStrInputOptions extends BaseInputOptions {
  /**
   * Name of the variable used when the host passes nothing (Langflow `load_from_db` default, e.g.
   * `AWS_ACCESS_KEY_ID`). Default none: unset.
   */
  defaultVariable?: string;
  /** What the resolved value must look like (checked after variables resolve; never quoted). Default any string. */
  rule?: SecretValueRule;
}

/**
 * A secret field (Langflow `SecretStrInput`): a value, `{ variable: NAME }`, Langflow's `{ value, load_from_db }` or a
 * `Secret`. Variables resolve from the host's variables, then the environment. The input's own default variable
 * (e.g. `AWS_ACCESS_KEY_ID`) left unresolved is unset, so Langflow's credential order falls through to the profile or
 * the default chain; any OTHER variable a flow names that the host does not have is an error, because falling through
 * would run the node on credentials its flow never named (upstream Langflow also fails on a missing variable).
 * A variable that is missing and one whose value breaks `rule` get the same message, naming the variable but saying
 * nothing about its value. Value: `Secret | undefined`. The value never appears in errors or the manifest.
 */
export function secretStrInput(options: SecretStrInputOptions): InputSpec<Secret | undefined> {
  const ui = baseUi(options);
  ui.password = true;
  ui.loadFromDb = options.defaultVariable !== undefined;
  return {
    kind: 'SecretStrInput',
    ui,
    defaultValue: options.defaultVariable === undefined ? undefined : { variable: options.defaultVariable },
    schema: z.string(),
    allowed: options.rule?.allowed ?? 'a string, or { variable: NAME } naming a host variable or environment variable',
    secret: true,
    parse(raw, resolve) {
      const resolution = resolveSecretInput(raw, resolve);
      if (!resolution.ok) return resolution;
      const missing = resolution.unresolvedVariable;
      if (missing !== undefined && missing !== options.defaultVariable) return { ok: false, problem: unusableVariable(missing, options.rule) };
      const secret = resolution.secret;
      const problem = secret && options.rule ? options.rule.check(secret.reveal()) : undefined;
      if (!problem) return { ok: true, value: secret };
      // A variable's value is the host's secret: what is wrong with it (whitespace, a line break) would describe it, and
      // "missing" vs "unusable" would tell a flow author which variables exist. Both get one message, naming only the variable.
      return { ok: false, problem: secret!.origin.kind === 'variable' ? unusableVariable(secret!.origin.name, options.rule) : problem };
    },
  };
}

/** The one message for a named variable that is missing, empty or holds a value the field cannot use. */
function unusableVariable(name: string, rule: SecretValueRule | undefined): string {
  return (
    `names the variable ${JSON.stringify(name)}, which is not set, empty or not usable for this field, in the host's variables and the environment ` +
    `(check that it is set${rule ? ` and holds ${rule.valueDescription}` : ''}, or clear the field; a node never falls back to other credentials; the value is never shown)`
  );
}
