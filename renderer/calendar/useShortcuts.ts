import { useEffect, useRef } from 'react';
import { appointmentNode } from './useCardState';
import { statusForKey } from './statuses';

export interface ShortcutHandlers {
  today: () => void;
  step: (direction: 1 | -1) => void;
  newAppointment: () => void;
  findPatient: () => void;
  undo: () => void;
  help: () => void;
  /** On a focused appointment. */
  status: (id: string, status: string) => void;
  openCard: (id: string) => void;
  edit: (id: string) => void;
  moveTo: (id: string) => void;
  statusMenu: (id: string, node: HTMLElement) => void;
  remove: (id: string) => void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * The calendar's keyboard (documented in the "?" panel). Keys are ignored while typing in a field
 * or while a dialog is open, so they never steal a letter from a form.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const h = latest.current;
      const ctrl = e.ctrlKey || e.metaKey;
      if (
        ctrl &&
        !e.altKey &&
        e.key.toLowerCase() === 'f' &&
        !document.querySelector('dialog[open]')
      ) {
        e.preventDefault();
        h.findPatient();
        return;
      }
      if (typing(e.target) || document.querySelector('dialog[open]')) return;
      if (ctrl && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        h.undo();
        return;
      }
      if (ctrl || e.altKey) return;

      const node = appointmentNode(e.target);
      const id = node?.dataset.appointmentId;
      if (node && id) {
        const choice = statusForKey(e.key);
        if (choice) {
          e.preventDefault();
          h.status(id, choice.status);
          return;
        }
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          h.openCard(id);
          return;
        }
        if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
          e.preventDefault();
          h.statusMenu(id, node);
          return;
        }
        if (e.key === 'Delete') {
          e.preventDefault();
          h.remove(id);
          return;
        }
        if (e.key.toLowerCase() === 'e') {
          e.preventDefault();
          h.edit(id);
          return;
        }
        if (e.key.toLowerCase() === 'm') {
          e.preventDefault();
          h.moveTo(id);
          return;
        }
      }

      switch (e.key) {
        case 't':
        case 'T':
          h.today();
          break;
        case 'ArrowLeft':
        case 'j':
        case 'J':
          h.step(-1);
          break;
        case 'ArrowRight':
        case 'k':
        case 'K':
          h.step(1);
          break;
        case 'n':
        case 'N':
          h.newAppointment();
          break;
        case '?':
          h.help();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [enabled]);
}
