import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: View holds zoom (Ctrl/Cmd + / - / 0, as in a browser) so the desk can
 * make the calendar larger or fit more of the day. On Windows and Linux the bar stays hidden
 * (Alt shows it) and its shortcuts still work. No Edit menu there: its Undo would take Ctrl+Z from
 * the calendar, which undoes the desk's last change. No reload or developer tools.
 */
export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const hidden = { visible: false, acceleratorWorksWhenHidden: true } as const;
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom', label: 'Actual Size' },
      { role: 'zoomIn' },
      // Ctrl+= (the + key without Shift) and the keypad keys zoom too, as in browsers.
      { role: 'zoomIn', accelerator: 'CommandOrControl+=', ...hidden },
      { role: 'zoomIn', accelerator: 'CommandOrControl+numadd', ...hidden },
      { role: 'zoomOut' },
      { role: 'zoomOut', accelerator: 'CommandOrControl+numsub', ...hidden },
      { role: 'resetZoom', accelerator: 'CommandOrControl+num0', ...hidden },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  if (!mac) return [view];
  return [
    { role: 'appMenu' },
    // macOS routes copy and paste through the Edit menu; Undo stays with the calendar.
    {
      label: 'Edit',
      submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    view,
    { role: 'windowMenu' },
  ];
}
