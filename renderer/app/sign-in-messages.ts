import type { AppError } from '../../shared/result';

/** A heading for why the last sign-in failed; the message itself comes from main. */
export function signInFailureTitle(error: AppError): string {
  switch (error.code) {
    case 'cancelled':
      return 'Sign-in was cancelled at drchrono';
    case 'offline':
      return 'drchrono could not be reached';
    case 'not_configured':
      return 'Check the connection settings';
    case 'unauthenticated':
    case 'rejected':
    case 'forbidden':
      return 'drchrono did not accept the sign-in';
    case 'rate_limited':
      return 'drchrono asked Frontdesk to wait';
    default:
      return 'Sign-in did not complete';
  }
}
