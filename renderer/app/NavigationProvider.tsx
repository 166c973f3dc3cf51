import { useMemo, useState, type ReactNode } from 'react';
import { NavigationContext, useConfirmLeave, type NavTarget } from '../ui';
import { recallArea, rememberArea } from './area-memory';

/**
 * Where the desk is, in memory (the app has no URL routes: the window is the app). Leaving a form
 * with unsaved changes asks first. The area survives a reload; it starts on Today.
 */
export function NavigationProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<NavTarget>(recallArea);
  const confirmLeave = useConfirmLeave();
  const navigation = useMemo(
    () => ({
      current,
      navigate: async (target: NavTarget) => {
        if (!(await confirmLeave())) return false;
        rememberArea(target);
        setCurrent(target);
        return true;
      },
    }),
    [current, confirmLeave],
  );
  return <NavigationContext.Provider value={navigation}>{children}</NavigationContext.Provider>;
}
