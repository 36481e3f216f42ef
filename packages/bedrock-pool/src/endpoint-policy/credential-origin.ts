import type { CredentialSource } from '../config/client-config';

/** Who supplied a slot's credentials: the flow author, typed into the node (`'node'`), or the host (`'host'`). */
export type CredentialOrigin = 'node' | 'host';

/**
 * The origin of `source`. Only explicit keys or API keys marked `origin: 'node'` are the node's own; anything
 * unmarked, a profile and the default chain are the host's (the safe default: a missing mark never widens access).
 */
export function credentialOriginOf(source: CredentialSource): CredentialOrigin {
  const { kind, origin } = source as { kind: string; origin?: unknown };
  return (kind === 'static' || kind === 'bearer') && origin === 'node' ? 'node' : 'host';
}
