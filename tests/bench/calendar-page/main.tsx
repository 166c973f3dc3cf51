import { createRoot } from 'react-dom/client';
import type { AppointmentItem, Prefs } from '../../../shared/contract';
import { ok } from '../../../shared/result';
import { FrontdeskProvider } from '../../../renderer/bridge';
import { createFakeApi } from '../../../renderer/bridge/fake-api';
import { CalendarScreen } from '../../../renderer/calendar/CalendarScreen';
import { NavigationContext, UiProviders, type Navigation } from '../../../renderer/ui';
import '../../../renderer/ui/theme.css';
import { Bare } from './Bare';
import { benchBook, benchPractice } from './data';

/**
 * The calendar bench page: the real CalendarScreen over a fake main holding generated data.
 * `?view=rooms|week&rooms=12&appointments=400&days=1`. Reports on `window.__bench`.
 */
declare global {
  interface Window {
    __bench: { mountToPaint?: number; dropToPaint?: number; updates: number; error?: string };
    __armDrop: (id: string) => void;
  }
}

const params = new URLSearchParams(location.search);
const view = (params.get('view') ?? 'rooms') as Prefs['calendar']['view'];
const rooms = Number(params.get('rooms') ?? 12);
const count = Number(params.get('appointments') ?? 400);
const days = Number(params.get('days') ?? 1);
const slotMinutes = Number(params.get('slot') ?? 15);

const practice = params.has('notemplates')
  ? { ...benchPractice(rooms), templates: [] }
  : benchPractice(rooms);
const { book, patients } = benchBook(rooms, count, days);
const appointments = new Map(book.appointments.map((a) => [a.id, a]));
window.__bench = { updates: 0 };

const prefs: Prefs = {
  calendar: { view, officeId: 1, doctorId: null, slotMinutes },
  cache: { daysBefore: 1, daysAfter: 7 },
  lock: { idleMinutes: 10 },
  budget: { hourlyQuota: 500, share: 0.5 },
};

const fake = createFakeApi({
  'prefs:get': () => ok(prefs),
  'prefs:set': () => ok(prefs),
  'practice:get': () => ok(practice),
  'appointments:list': (r) =>
    ok({
      ...book,
      appointments: [...appointments.values()].filter((a) => {
        const d = a.scheduled_time.slice(0, 10);
        return d >= r.start && d <= r.end;
      }),
    }),
  'appointments:update': (r) => {
    window.__bench.updates += 1;
    const current = appointments.get(r.id) as AppointmentItem;
    const next = { ...current, ...r.changes } as AppointmentItem;
    appointments.set(r.id, next);
    return ok({ appointment: next, state: 'saved' as const });
  },
  'appointments:create': (r) => {
    const created = { ...r.appointment, id: String(90000 + appointments.size) } as AppointmentItem;
    appointments.set(created.id, created);
    return ok({ appointment: created, state: 'saved' as const });
  },
  'appointments:delete': (r) => {
    appointments.delete(r.id);
    return ok({ state: 'saved' as const });
  },
  'appointments:forPatient': (r) =>
    ok({ past: [], upcoming: [...appointments.values()].filter((a) => a.patient === r.patientId) }),
  'appointments:get': (r) =>
    ok({ ...book, appointments: [appointments.get(r.id)].filter((a) => a !== undefined) }),
  'patients:search': (r) => {
    const text = (r.text ?? r.lastName ?? '').toLowerCase();
    return ok({
      results: patients
        .filter((p) => `${p.first_name} ${p.last_name}`.toLowerCase().includes(text))
        .slice(0, 20),
      source: r.server ? ('server' as const) : ('cache' as const),
      page: 1,
      hasMore: false,
    });
  },
  'schedule:findOpening': (r) =>
    ok({
      opening: {
        start: `${r.from.slice(0, 10)}T12:00:00`,
        end: `${r.from.slice(0, 10)}T12:30:00`,
        examRoom: 1,
        templateId: null,
      },
      searchedThrough: r.from.slice(0, 10),
    }),
});

const navigation: Navigation = {
  current: { area: 'calendar' },
  navigate: () => Promise.resolve(true),
};

/**
 * The time until the frame that shows the change: checked at each animation frame; in the first
 * frame where it is in the DOM, style and layout are forced (what the paint needs) and the clock
 * stops. Later frames and tasks (React's own follow-up work, the toast) are not counted; the paint
 * recording of that frame (a few ms) is not either.
 */
function settle(done: (ms: number) => void, start: number, ready: () => boolean): void {
  const check = () => {
    if (ready()) {
      document.body.getBoundingClientRect();
      done(performance.now() - start);
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
const start = performance.now();
createRoot(root).render(
  params.has('bare') ? (
    <Bare practice={practice} book={book} view={view} />
  ) : (
    <FrontdeskProvider api={fake.api}>
      <UiProviders>
        <NavigationContext.Provider value={navigation}>
          <CalendarScreen />
        </NavigationContext.Provider>
      </UiProviders>
    </FrontdeskProvider>
  ),
);
settle(
  (ms) => {
    window.__bench.mountToPaint = ms;
  },
  start,
  () => document.querySelectorAll('[data-appointment-id]').length > 0,
);

/** Times a drop: from the mouse release to the frame showing the appointment in its new place. */
window.__armDrop = (id: string) => {
  const find = () => document.querySelector<HTMLElement>(`[data-appointment-id="${id}"][tabindex]`);
  const before = find()?.getBoundingClientRect();
  document.addEventListener(
    'mouseup',
    () => {
      const t0 = performance.now();
      settle(
        (ms) => {
          window.__bench.dropToPaint = ms;
        },
        t0,
        () => {
          const now = find()?.getBoundingClientRect();
          return Boolean(now && before && (now.top !== before.top || now.left !== before.left));
        },
      );
    },
    { capture: true, once: true },
  );
};
