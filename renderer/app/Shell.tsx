import { useEffect } from 'react';
import { ErrorNotice, Spinner } from '../ui';
import { LockScreen } from '../lock/LockScreen';
import { forgetArea } from './area-memory';
import { DamagedKeyScreen } from './DamagedKeyScreen';
import { KeyProtectionBanner } from './KeyProtectionBanner';
import { SignedInApp } from './SignedInApp';
import { SignInScreen } from './SignInScreen';
import { StartupNotices } from './StartupNotices';
import { useActivityReporter } from './useActivityReporter';
import { useLiveQuery } from './useLiveQuery';
import { useQuery } from '../bridge';

/**
 * Decides what the window shows: the lock screen (and nothing else: every data view is unmounted,
 * so patient data leaves the screen and the renderer's memory), the sign-in screen, or the app.
 */
export function Shell() {
  const info = useQuery('app:info', {});
  const auth = useLiveQuery('auth:status', 'auth:changed');
  const lock = useLiveQuery('lock:status', 'lock:changed');
  const signedIn = auth.value?.state === 'signed-in';
  useActivityReporter(signedIn && lock.value?.locked !== true);
  // A reload or the lock keeps the desk's area; signing out does not (sign-in opens on Today).
  const signedOut = auth.value?.state === 'signed-out';
  useEffect(() => {
    if (signedOut) forgetArea();
  }, [signedOut]);

  const banner = info.data ? (
    <>
      <StartupNotices notices={info.data.notices ?? []} />
      <KeyProtectionBanner storage={info.data.storage} />
    </>
  ) : null;

  if (info.data?.keyProblem) return <DamagedKeyScreen problem={info.data.keyProblem} />;

  if (lock.value?.locked) {
    return (
      <>
        {banner}
        <LockScreen status={lock.value} />
      </>
    );
  }
  const failure = auth.error ?? lock.error;
  if ((!auth.value || !lock.value) && failure) {
    // e.g. a browser that was not let into the browser host: say so instead of spinning forever.
    return (
      <main className="fd-center">
        <ErrorNotice
          error={failure}
          onRetry={() => {
            auth.reload();
            lock.reload();
          }}
        />
      </main>
    );
  }
  if (!auth.value || !lock.value) {
    return (
      <main className="fd-center">
        <Spinner label="Starting Frontdesk" />
      </main>
    );
  }
  if (signedIn) {
    // The banner shares the window with the app, so the status bar stays on screen.
    return (
      <div className="fd-window">
        {banner}
        <SignedInApp auth={auth.value} />
      </div>
    );
  }
  return (
    <>
      {banner}
      <SignInScreen auth={auth.value} mode={info.data?.mode ?? auth.value.mode} />
    </>
  );
}
