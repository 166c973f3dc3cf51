import { resolveStaticPath, type StaticPath } from '../app/static-files';
import { appOrigin } from './navigation';

/**
 * Maps an `app://frontdesk/...` request onto a bundled file with the same resolver the browser
 * host uses. The path is taken from the raw URL string, not from a URL parser that might already
 * have folded `..` segments, so the resolver sees (and refuses) what was asked for.
 */
export function appProtocolFile(rawUrl: string, root: string): StaticPath {
  const prefix = `${appOrigin}/`;
  if (!rawUrl.toLowerCase().startsWith(prefix)) {
    return { ok: false, status: 404, reason: 'not the app origin' };
  }
  const rest = rawUrl.slice(prefix.length - 1);
  const end = rest.search(/[?#]/);
  return resolveStaticPath(root, end === -1 ? rest : rest.slice(0, end));
}
