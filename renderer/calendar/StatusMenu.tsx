import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { statusChoices } from './statuses';

export interface StatusMenuProps {
  /** Viewport position to open at. */
  x: number;
  y: number;
  current: string;
  label: string;
  onPick: (status: string) => void;
  onClose: () => void;
}

/** The status context menu (right click, Shift+F10, or the card's Status button). */
export function StatusMenu({ x, y, current, label, onPick, onClose }: StatusMenuProps) {
  const ref = useRef<HTMLUListElement>(null);
  const [pos, setPos] = useState({ left: x, top: y });
  const start = Math.max(
    0,
    statusChoices.findIndex((s) => s.status === current),
  );

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const rect = menu.getBoundingClientRect();
    setPos({
      left: Math.max(4, Math.min(x, window.innerWidth - rect.width - 4)),
      top: Math.max(4, Math.min(y, window.innerHeight - rect.height - 4)),
    });
    menu.querySelectorAll<HTMLElement>('[role="menuitemradio"]')[start]?.focus();
  }, [x, y, start]);

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [onClose]);

  const items = () => [
    ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []),
  ];

  return (
    <ul
      ref={ref}
      role="menu"
      aria-label={label}
      className="fdc-menu"
      style={{ left: pos.left, top: pos.top }}
      onKeyDown={(e) => {
        const list = items();
        const at = list.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length;
          list[next]?.focus();
        } else if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          list[e.key === 'Home' ? 0 : list.length - 1]?.focus();
        } else if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        } else {
          const choice = statusChoices.find((s) => s.key === e.key);
          if (choice) {
            e.preventDefault();
            e.stopPropagation();
            onPick(choice.status);
          }
        }
      }}
    >
      {statusChoices.map((s) => (
        <li
          key={s.status}
          role="menuitemradio"
          aria-checked={s.status === current}
          tabIndex={-1}
          className="fdc-menu__item"
          onClick={() => {
            onPick(s.status);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              e.stopPropagation();
              onPick(s.status);
            }
          }}
        >
          <span className={`fdc-status fdc-status--${s.tone}`}>
            {/* The stripe's glyph: the menu doubles as its legend. */}
            <span aria-hidden="true">{s.icon} </span>
            {s.status}
          </span>
          <kbd className="fdc-menu__key">{s.key}</kbd>
        </li>
      ))}
    </ul>
  );
}
