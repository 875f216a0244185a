// A modal dialog on the native <dialog> element: focus is trapped, Esc closes, and screen readers
// announce it as a dialog without extra code. It opens with the focus on the field marked data-autofocus, else
// its first text field (or else its primary button), so typing goes where the user expects, not to the Close
// button the browser would pick.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, open, onClose, children, wide }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const first =
        dialog.querySelector<HTMLElement>('.dialog-body [data-autofocus]:not([disabled])') ??
        dialog.querySelector<HTMLElement>(
          '.dialog-body :is(input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox]), select, textarea):not([disabled])',
        ) ??
        dialog.querySelector<HTMLElement>('.dialog-body button.primary:not([disabled])');
      first?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id="dialog-title">{title}</h2>
            <button type="button" className="icon-button" aria-label={t('closeDialog')} onClick={onClose}>
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}
