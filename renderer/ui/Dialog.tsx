import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './Button';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Escape, the close button, or the backdrop's cancel: the caller decides (e.g. the unsaved-changes question). */
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** A short description read after the title. */
  description?: string;
  className?: string;
}

/**
 * A modal built on the native <dialog>: the browser supplies the focus trap, Escape, inertness of the
 * page behind and the top layer, which no hand-rolled modal gets fully right.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  description,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`fd-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let the caller decide instead of the browser closing behind React's back.
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <header className="fd-dialog__header">
            <h2 id={titleId} className="fd-dialog__title">
              {title}
            </h2>
            <Button variant="ghost" size="small" aria-label="Close" onClick={onClose}>
              ✕
            </Button>
          </header>
          <div className="fd-dialog__body">
            {description ? (
              <p id={descriptionId} className="fd-field__hint">
                {description}
              </p>
            ) : null}
            {children}
          </div>
          {footer ? <footer className="fd-dialog__footer">{footer}</footer> : null}
        </>
      ) : null}
    </dialog>
  );
}
