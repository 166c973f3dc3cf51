import { powerMonitor } from 'electron';
import type { LockService } from '../app/services';

const checkEverySeconds = 15;

/**
 * Locks when the OS locks the screen or the machine sleeps, and feeds the idle lock with the OS's
 * own idle time (any input anywhere counts as the desk being in use). Returns the stopper.
 */
export function watchPower(lock: Pick<LockService, 'lock' | 'activity'>): () => void {
  const onLock = (): void => {
    lock.lock('os');
  };
  powerMonitor.on('lock-screen', onLock);
  powerMonitor.on('suspend', onLock);
  const timer = setInterval(() => {
    if (powerMonitor.getSystemIdleTime() < checkEverySeconds) lock.activity();
  }, checkEverySeconds * 1000);
  return () => {
    clearInterval(timer);
    powerMonitor.off('lock-screen', onLock);
    powerMonitor.off('suspend', onLock);
  };
}
