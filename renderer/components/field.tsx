// A labelled form field with its error message linked for screen readers. The error often comes from a
// shared/ schema or from main in English: it is shown in the screen's language.
import type { ReactNode } from 'react';
import { translateMessage } from '../i18n/translate-message';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}

export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {translateMessage(error)}
        </p>
      )}
    </div>
  );
}

// aria attributes for the input inside a Field.
export function fieldAria(id: string, error: string | undefined) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : `${id}-hint` };
}
