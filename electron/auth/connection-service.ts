import { z } from 'zod';
import type { ConnectionSettings } from '../../shared/contract';
import { err, ok, type Result } from '../../shared/result';
import type { ConnectionService, ResolvedConnection } from '../app/services';
import { readOrReset } from '../store/read-or-reset';
import type { SecureStore } from '../store/types';

export const DRCHRONO_BASE_URL = 'https://drchrono.com';
const DOCUMENT = 'connection';

/** The practice's API application, saved encrypted (it holds the client secret). */
const savedSchema = z.strictObject({
  clientId: z.string(),
  clientSecret: z.string().nullable(),
  redirectUri: z.string(),
  baseUrl: z.string().nullable(),
});
type Saved = z.infer<typeof savedSchema>;

export interface DemoConnection {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface ConnectionServiceOptions {
  /** `process.env` in the app; `DRCHRONO_*` variables win over saved settings. */
  env: Record<string, string | undefined>;
  secure: SecureStore;
  /** The embedded sandbox practice, used when no client id is configured anywhere. */
  demo?: DemoConnection;
  /** Redirect URI when neither the environment nor the settings give one. */
  defaultRedirectUri?: string;
  /** The saved document failed its check: it was moved aside (`keptAs`) and reads as absent. */
  onReset?: (keptAs: string) => void;
}

/** An http(s) URL without credentials or fragment; `null` when it is not one. */
export function httpUrl(value: string): URL | null {
  if (!/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.username || url.password || url.hash) return null;
    return url;
  } catch {
    return null;
  }
}

/** 127.0.0.1, ::1 and localhost: the only hosts plain http may reach (the sandbox, a local proxy). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A drchrono server address: https anywhere, plain http only on this computer. */
export function serverUrl(value: string): URL | null {
  const url = httpUrl(value);
  if (url === null) return null;
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return null;
  return url;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

export function createConnectionService(options: ConnectionServiceOptions): ConnectionService {
  const { secure, demo } = options;
  const env = {
    baseUrl: nonEmpty(options.env.DRCHRONO_BASE_URL),
    clientId: nonEmpty(options.env.DRCHRONO_CLIENT_ID),
    clientSecret: nonEmpty(options.env.DRCHRONO_CLIENT_SECRET),
    redirectUri: nonEmpty(options.env.DRCHRONO_REDIRECT_URI),
  };

  async function saved(): Promise<Saved | undefined> {
    return readOrReset(secure, DOCUMENT, savedSchema, (keptAs) => options.onReset?.(keptAs));
  }

  async function resolveWithSource(): Promise<{
    resolved: ResolvedConnection;
    source: ConnectionSettings['source'];
  }> {
    const stored = await saved();
    const clientId = env.clientId ?? stored?.clientId;
    if (clientId === undefined || clientId === '') {
      // The demo practice is the embedded sandbox; DRCHRONO_BASE_URL applies to real credentials only.
      if (demo) return { resolved: { mode: 'demo', ...demo }, source: 'demo' };
      return {
        resolved: {
          mode: 'drchrono',
          baseUrl: env.baseUrl ?? DRCHRONO_BASE_URL,
          clientId: '',
          clientSecret: '',
          redirectUri: env.redirectUri ?? options.defaultRedirectUri ?? '',
        },
        source: 'settings',
      };
    }
    // Saved values belong to the saved client id: never pair one application's secret with another's id.
    const own =
      stored?.clientId === clientId &&
      (stored.baseUrl === null || serverUrl(stored.baseUrl) !== null)
        ? stored
        : undefined;
    return {
      resolved: {
        mode: 'drchrono',
        clientId,
        clientSecret: env.clientSecret ?? own?.clientSecret ?? '',
        baseUrl: env.baseUrl ?? own?.baseUrl ?? DRCHRONO_BASE_URL,
        redirectUri: env.redirectUri ?? own?.redirectUri ?? options.defaultRedirectUri ?? '',
      },
      source: env.clientId !== undefined ? 'environment' : 'settings',
    };
  }

  async function view(): Promise<ConnectionSettings> {
    const { resolved, source } = await resolveWithSource();
    return {
      clientId: resolved.clientId,
      redirectUri: resolved.redirectUri,
      baseUrl: resolved.baseUrl,
      hasSecret: resolved.clientSecret !== '',
      source,
    };
  }

  return {
    view,
    async resolve() {
      return (await resolveWithSource()).resolved;
    },
    async save(input): Promise<Result<ConnectionSettings>> {
      const clientId = input.clientId.trim();
      const fields: Record<string, string> = {};
      if (clientId === '' || clientId.length > 200) fields.clientId = 'Enter the client ID';
      if (httpUrl(input.redirectUri.trim()) === null) {
        fields.redirectUri = 'A redirect URI starting with http:// or https://';
      }
      const baseUrl = input.baseUrl?.trim();
      const base = baseUrl !== undefined && baseUrl !== '' ? serverUrl(baseUrl) : null;
      if (baseUrl !== undefined && baseUrl !== '' && base === null) {
        fields.baseUrl =
          httpUrl(baseUrl) === null
            ? 'A server address starting with https://'
            : 'Plain http:// only reaches this computer (127.0.0.1); use the https:// address';
      }
      if (input.clientSecret !== undefined && input.clientSecret.trim() === '') {
        fields.clientSecret = 'Enter the client secret, or leave it out to keep the saved one';
      }
      const previous = await saved();
      const origin = base?.origin ?? null;
      // The saved secret only ever goes to the application and address it was typed in for:
      // another client id or another server needs it typed again.
      const current = await resolveWithSource();
      const sameApplication =
        previous !== undefined &&
        previous.clientId === clientId &&
        ((origin ?? DRCHRONO_BASE_URL) === (previous.baseUrl ?? DRCHRONO_BASE_URL) ||
          (current.source === 'environment' && origin === current.resolved.baseUrl));
      if (
        input.clientSecret === undefined &&
        previous?.clientSecret != null &&
        !sameApplication &&
        fields.clientSecret === undefined
      ) {
        fields.clientSecret =
          'Enter the client secret again: the saved one is only sent to the client ID and server it was saved for';
      }
      if (Object.keys(fields).length > 0) {
        return err('invalid_input', 'Check the highlighted connection settings.', { fields });
      }
      await secure.write(DOCUMENT, {
        clientId,
        clientSecret:
          input.clientSecret?.trim() ?? (sameApplication ? previous.clientSecret : null),
        redirectUri: input.redirectUri.trim(),
        baseUrl: origin,
      } satisfies Saved);
      return ok(await view());
    },
    async clear() {
      await secure.delete(DOCUMENT);
      return view();
    },
  };
}
