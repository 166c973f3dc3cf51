/**
 * After `auth:signIn` or `lock:signInToUnlock`: when main says the page must go there itself
 * (browser host), leave for drchrono's authorize page; the callback brings the browser back.
 */
export function followAuthorizeUrl(reply: {
  authorizeUrl: string;
  openedBy: 'main' | 'renderer';
}): void {
  if (reply.openedBy !== 'renderer') return;
  const url = new URL(reply.authorizeUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
  window.location.assign(url.href);
}
