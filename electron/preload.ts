import { contextBridge, ipcRenderer } from 'electron';
import { exposeFrontdesk } from './platform/preload-api';

/**
 * The whole preload: `window.frontdesk`, derived from the contract, and nothing else. The page
 * never sees ipcRenderer, Node or the IPC event objects.
 */
exposeFrontdesk(contextBridge, ipcRenderer);
