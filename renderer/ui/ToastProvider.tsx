import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';
import { ErrorDetails } from './ErrorDetails';
import { ToastContext, type ToastInput } from './ToastContext';

interface Shown extends ToastInput {
  id: number;
}

/** Transient messages in one live region, so screen readers hear them without focus moving. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Shown[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((t) => t.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const show = useCallback(
    (toast: ToastInput) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-4), { ...toast, id }]);
      const timeout = toast.timeoutMs ?? (toast.kind === 'error' ? undefined : 6000);
      if (timeout !== undefined) {
        timers.current.set(
          id,
          setTimeout(() => {
            dismiss(id);
          }, timeout),
        );
      }
    },
    [dismiss],
  );

  useEffect(() => {
    const all = timers.current;
    return () => {
      all.forEach((timer) => {
        clearTimeout(timer);
      });
    };
  }, []);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="fd-toasts" aria-live="polite" role="region" aria-label="Notifications">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`fd-toast fd-toast--${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
          >
            <span className="fd-toast__message">
              {toast.message}
              <ErrorDetails detail={toast.detail} />
            </span>
            {toast.action ? (
              <Button
                size="small"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </Button>
            ) : null}
            <Button
              size="small"
              variant="ghost"
              aria-label="Dismiss"
              onClick={() => {
                dismiss(toast.id);
              }}
            >
              ✕
            </Button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
