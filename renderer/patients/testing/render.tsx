import { configure, render } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import type { FakeHandlers } from '../../bridge/fake-api';
import { createFakeApi } from '../../bridge/fake-api';
import { FrontdeskProvider } from '../../bridge';
import { NavigationContext, UiProviders, useConfirmLeave, type NavTarget } from '../../ui';
import { customFields, patient, practice, taskMeta } from './fixtures';

// Screens wait for several answers before they show a form; under a loaded test run the default
// one second is not always enough. (Per file: vitest isolates modules.)
configure({ asyncUtilTimeout: 5000 });

/** The default answers: a practice, a patient, and empty lists. Tests override what they need. */
export function defaultHandlers(): FakeHandlers {
  return {
    'practice:get': () => ({ ok: true, value: practice }),
    'patients:get': () => ({ ok: true, value: { patient } }),
    'patients:customFields': () => ({ ok: true, value: customFields }),
    'patients:search': () => ({
      ok: true,
      value: { results: [patient], source: 'cache', page: 1, hasMore: false },
    }),
    'appointments:forPatient': () => ({ ok: true, value: { past: [], upcoming: [] } }),
    'clinical:list': ({ kind }) => ({ ok: true, value: { kind, records: [] } as never }),
    'billing:patient': () => ({ ok: true, value: { payments: [], log: [] } }),
    'tasks:meta': () => ({ ok: true, value: taskMeta }),
    'tasks:list': () => ({ ok: true, value: { tasks: [], patients: {}, fetchedAt: 0 } }),
  };
}

function Shell({ children, visits }: { children: ReactNode; visits: NavTarget[] }) {
  const confirmLeave = useConfirmLeave();
  const [current, setCurrent] = useState<NavTarget>({ area: 'home' });
  return (
    <NavigationContext.Provider
      value={{
        current,
        navigate: async (target) => {
          if (!(await confirmLeave())) return false;
          visits.push(target);
          setCurrent(target);
          return true;
        },
      }}
    >
      {children}
    </NavigationContext.Provider>
  );
}

/** Renders a records component the way the app does: bridge (fake main), UI kit, navigation. */
export function renderRecords(ui: ReactNode, handlers: FakeHandlers = {}) {
  const fake = createFakeApi({ ...defaultHandlers(), ...handlers });
  const visits: NavTarget[] = [];
  const view = render(
    <FrontdeskProvider api={fake.api}>
      <UiProviders>
        <Shell visits={visits}>{ui}</Shell>
      </UiProviders>
    </FrontdeskProvider>,
  );
  const callsTo = (channel: string) => fake.calls.filter((c) => c.channel === channel);
  return { ...view, fake, visits, callsTo };
}
