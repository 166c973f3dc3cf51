import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract';
import type { EventBus } from '../app/services';
import type { Dispatch } from '../handlers/dispatch';
import { isTrustedSender, type SenderFacts } from './sender-check';

function factsOf(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    senderId: event.sender.id,
    frame: frame
      ? { url: frame.url, isMainFrame: frame.parent === null, detached: frame.detached }
      : null,
  };
}

/**
 * One `ipcMain.handle` per contract channel, each going through the dispatcher with the sender
 * judged here: the main frame of one of our app windows, at the app origin. Events go only to
 * those windows.
 */
export function bindIpc(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  events: EventBus,
  appWindows: () => readonly BrowserWindow[],
): () => void {
  const trustedIds = (): Set<number> => new Set(appWindows().map((w) => w.webContents.id));
  for (const name of channelNames) {
    ipcMain.handle(name, (event, payload: unknown) =>
      dispatch(name, payload, {
        trusted: isTrustedSender(factsOf(event), { windowIds: trustedIds() }),
      }),
    );
  }
  const unsubscribe = events.subscribe((event, payload) => {
    for (const window of appWindows()) {
      if (!window.isDestroyed()) window.webContents.send(event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of channelNames) ipcMain.removeHandler(name);
  };
}
