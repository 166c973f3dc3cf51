/**
 * drchrono's 429 carries no Retry-After header; the wait is only in DRF's message:
 * `{"detail": "Request was throttled. Expected available in 1234 seconds."}`.
 */
const pattern = /expected available in\s+(\d+(?:\.\d+)?)\s+seconds?/i;

export function retryAfterSecondsFrom(body: unknown, now: number): number {
  const text =
    typeof body === 'string'
      ? body
      : body !== null && typeof body === 'object' && 'detail' in body
        ? String(body.detail)
        : JSON.stringify(body);
  const match = pattern.exec(text);
  if (match?.[1]) return Math.max(1, Math.ceil(Number(match[1])));
  // Unreadable: the quota resets at the top of the hour, so waiting until then is always enough.
  const hourMs = 3_600_000;
  return Math.max(1, Math.ceil((Math.floor(now / hourMs) * hourMs + hourMs - now) / 1000));
}
