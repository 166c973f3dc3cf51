import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from './app-menu-template';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it.each(['win32', 'linux', 'darwin'] as const)(
    'zooms in, out and back with Ctrl/Cmd + - 0 on %s',
    (platform) => {
      const all = items(appMenuTemplate(platform));
      const view = appMenuTemplate(platform).find((m) => m.label === 'View');
      expect(view).toBeDefined();
      const roles = all.map((i) => i.role);
      expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
      expect(all.filter((i) => i.role === 'zoomIn').map((i) => i.accelerator)).toEqual([
        undefined,
        'CommandOrControl+=',
        'CommandOrControl+numadd',
      ]);
    },
  );

  it('never takes Ctrl+Z from the calendar, and offers no reload or developer tools', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const roles = items(appMenuTemplate(platform)).map((i) => i.role);
      for (const role of ['undo', 'redo', 'reload', 'forceReload', 'toggleDevTools', 'editMenu'])
        expect(roles).not.toContain(role);
    }
  });
});
