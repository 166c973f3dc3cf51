import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { securityHeaders } from '../app/security-headers';
import { appProtocolFile } from './app-protocol-path';

/**
 * The renderer is served from `app://frontdesk/`, never from `file://` (where every file on disk
 * would share one origin). Must be registered before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveApp(root: string): void {
  const headers = securityHeaders();
  protocol.handle('app', async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const file = appProtocolFile(request.url, root);
    if (!file.ok) return new Response(null, { status: file.status, headers });
    try {
      const body = await readFile(file.file);
      return new Response(body, { headers: { ...headers, 'Content-Type': file.contentType } });
    } catch {
      return new Response(null, { status: 404, headers });
    }
  });
}
