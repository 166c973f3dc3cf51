import { TOKENS_DOCUMENT, tokenDocumentSchema } from '../../../electron/auth/token-document';
import type { WebHost } from '../../../electron/web-host';

/**
 * The strings that must never reach the renderer: the access and refresh tokens the host holds
 * (read from its encrypted store, in this process) and the client secret it was configured with.
 * Call again after anything that may refresh: refresh tokens rotate.
 */
export async function collectSecrets(host: WebHost, clientSecret: string): Promise<string[]> {
  const tokens = await host.runtime.services.secure.read(TOKENS_DOCUMENT, tokenDocumentSchema);
  return [clientSecret, tokens?.accessToken, tokens?.refreshToken].filter(
    (s): s is string => typeof s === 'string' && s.length >= 8,
  );
}

/** Which of `secrets` occur in `text` (empty when none). */
export function findSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}
