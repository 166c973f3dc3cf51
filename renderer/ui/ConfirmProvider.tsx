import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Button } from './Button';
import { ConfirmContext, type ConfirmOptions } from './ConfirmContext';
import { Dialog } from './Dialog';

/** One confirmation dialog for the app, asked for with `await confirm({...})`. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [asking, setAsking] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);

  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        resolver.current?.(false);
        resolver.current = resolve;
        setAsking(options);
      }),
    [],
  );

  const answer = (value: boolean) => {
    resolver.current?.(value);
    resolver.current = null;
    setAsking(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <Dialog
        open={asking !== null}
        title={asking?.title ?? ''}
        onClose={() => {
          answer(false);
        }}
        footer={
          <>
            <Button
              onClick={() => {
                answer(false);
              }}
            >
              {asking?.cancelLabel ?? 'Cancel'}
            </Button>
            <Button
              variant={asking?.danger ? 'danger' : 'primary'}
              onClick={() => {
                answer(true);
              }}
            >
              {asking?.confirmLabel ?? 'OK'}
            </Button>
          </>
        }
      >
        <p>{asking?.message}</p>
      </Dialog>
    </ConfirmContext.Provider>
  );
}
