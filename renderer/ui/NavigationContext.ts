import { createContext } from 'react';

/**
 * Where the desk can go. Areas link to each other through this one type: the calendar opens a
 * patient or an appointment's billing, a patient's page books a visit or makes a task.
 * The app shell provides the implementation (and asks before leaving unsaved forms).
 */
export type NavTarget =
  | { area: 'today' }
  | { area: 'home' }
  | { area: 'calendar'; date?: string; appointmentId?: string; bookForPatientId?: number }
  | { area: 'patients'; patientId?: number; create?: boolean }
  | { area: 'billing'; appointmentId: string }
  | { area: 'tasks'; taskId?: number; newFor?: { type: 'patient' | 'appointment'; id: string } }
  | { area: 'outbox' }
  | { area: 'daysheet'; date?: string; officeId?: number }
  | { area: 'confirmations'; date?: string }
  | { area: 'history'; day?: string; patientId?: number }
  | {
      area: 'settings';
      section?:
        | 'connection'
        | 'profiles'
        | 'templates'
        | 'rooms'
        | 'preferences'
        | 'lock'
        | 'history'
        | 'help';
    };

export interface Navigation {
  current: NavTarget;
  /** Resolves false when the user chose to stay (unsaved changes). */
  navigate: (target: NavTarget) => Promise<boolean>;
}

export const NavigationContext = createContext<Navigation | null>(null);
