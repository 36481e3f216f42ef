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
 * Value: `Secret | undefined`. The value never appears in errors or the manifest.
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
      if (missing !== undefined && missing !== options.defaultVariable) {
        return {
          ok: false,
          problem: `names the variable ${JSON.stringify(missing)}, which is set neither in the host's variables nor in the environment (set it, or clear the field; a node never falls back to other credentials)`,
        };
      }
      const problem = resolution.secret && options.rule ? options.rule.check(resolution.secret.reveal()) : undefined;
      return problem ? { ok: false, problem } : { ok: true, value: resolution.secret };
    },
  };
}
