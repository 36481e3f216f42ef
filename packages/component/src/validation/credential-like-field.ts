// `tokens` (plural) names a count (`max_tokens`, `max_new_tokens`), never a credential, so it is taken out first.
const TOKEN_COUNT = /tokens/gi;
const CREDENTIAL_WORD = /key|secret|token|password|passwd|credential/i;

/**
 * Whether an input name looks like it holds a credential (`*key*`, `*secret*`, `*token*`, `*password*`,
 * `*credential*`, case-insensitive; `*tokens*` counts are not). An undeclared input with such a name is a validation
 * error rather than an ignored tweak: ignoring it would run the node on other credentials than the flow names.
 */
export function isCredentialLikeField(name: string): boolean {
  return CREDENTIAL_WORD.test(name.replace(TOKEN_COUNT, ''));
}
