/**
 * The REST framework's words for a token it did not accept ("Authentication credentials were not
 * provided.", "Invalid token.", "Token has expired."). It answers them with 401 when its first
 * authenticator names a scheme, and with 403 when it does not: the reference does not say which
 * drchrono does, so a 403 saying one of these is a rejected token, not a missing permission.
 */
const authWords =
  /^(authentication credentials were not provided|incorrect authentication credentials|invalid token|token has expired)/i;

export function isAuthRejection(status: number, body: unknown): boolean {
  if (status === 401) return true;
  if (status !== 403 || body === null || typeof body !== 'object' || !('detail' in body)) {
    return false;
  }
  const { detail } = body;
  return typeof detail === 'string' && authWords.test(detail.trim());
}
