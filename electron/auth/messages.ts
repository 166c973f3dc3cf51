import type { AppError } from '../../shared/result';

/** The words the desk reads when sign-in goes wrong: what happened and what to do next. */
export const authMessages = {
  accessDenied: (): AppError => ({
    code: 'cancelled',
    message:
      'You chose Cancel on drchrono’s page, so Frontdesk is not connected. Choose “Connect to drchrono” to try again.',
  }),
  wrongClient: (): AppError => ({
    code: 'not_configured',
    message:
      'drchrono did not accept the client ID and secret. Copy both again from the API page of your drchrono account into Settings → Connection, then try again.',
  }),
  codeExpired: (): AppError => ({
    code: 'unauthenticated',
    message:
      'drchrono’s sign-in code expired or was already used (it is only valid for about a minute). Please sign in again.',
  }),
  unreachable: (host: string): AppError => ({
    code: 'offline',
    message: `Frontdesk could not reach drchrono at ${host}. Check the internet connection and the server address, then try again.`,
  }),
  serverFailed: (): AppError => ({
    code: 'server',
    message: 'drchrono had a problem completing the sign-in. Please try again in a moment.',
  }),
  refused: (error: string): AppError => ({
    code: 'server',
    message: `drchrono refused the sign-in (${error}). Check the redirect URI registered for your API application, then try again.`,
  }),
  timedOut: (): AppError => ({
    code: 'cancelled',
    message:
      'The sign-in was not finished within 5 minutes. Choose “Connect to drchrono” to try again.',
  }),
  notConfigured: (): AppError => ({
    code: 'not_configured',
    message:
      'Frontdesk does not know your drchrono API application yet. Enter its client ID, secret and redirect URI in Settings → Connection.',
  }),
  sessionEnded: (): AppError => ({
    code: 'unauthenticated',
    message: 'Your drchrono session ended; sign in again — unsent edits are kept.',
  }),
  storedSessionUnreadable: (): AppError => ({
    code: 'unauthenticated',
    message: 'The saved drchrono sign-in could not be read on this computer; please sign in again.',
  }),
  foreignCallback: (): AppError => ({
    code: 'invalid_input',
    message:
      'This sign-in answer does not belong to the sign-in Frontdesk started, so it was ignored.',
  }),
  noSignInWaiting: (): AppError => ({
    code: 'invalid_input',
    message: 'No sign-in is waiting for an answer. Choose “Connect to drchrono” to start one.',
  }),
};

/** drchrono's `error` parameter, reduced to a safe token before it goes into a message. */
export function safeErrorName(value: string): string {
  const cleaned = value.replace(/[^a-z_]/gi, '').slice(0, 40);
  return cleaned || 'unknown_error';
}
