import { Menu, type BrowserWindow } from 'electron';
import { appMenuTemplate } from './app-menu-template';

/**
 * Gives the app window its menu back (the window factory removes the default one, with its
 * developer tools and reload), hidden on Windows and Linux until Alt is pressed.
 */
export function installAppMenu(window: BrowserWindow): void {
  const menu = Menu.buildFromTemplate(appMenuTemplate(process.platform));
  Menu.setApplicationMenu(menu);
  if (process.platform !== 'darwin') {
    window.setMenu(menu);
    window.setAutoHideMenuBar(true);
    window.setMenuBarVisibility(false);
  }
}
