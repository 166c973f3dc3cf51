import type { FrontdeskApi } from '../../shared/contract';
import { createApi } from './create-api';
import { createHttpTransport } from './http-transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host. */
    readonly frontdesk?: FrontdeskApi;
  }
}

let api: FrontdeskApi | null = null;

/** The one way the renderer reaches main: the preload's API in Electron, HTTP in the browser host. */
export function getFrontdesk(): FrontdeskApi {
  api ??= window.frontdesk ?? createApi(createHttpTransport());
  return api;
}
