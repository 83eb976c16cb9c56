import { useId } from 'react';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { errorMessage } from './error-message';

export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
};

/**
 * A labelled form control with an optional hint and error: the control gets the id, `aria-describedby` naming
 * both texts and `aria-invalid` while there is an error, so screen readers announce them with the field.
 */
export const Field = ({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (props: ControlProps) => ReactNode;
}) => {
  const id = useId();
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [hintId, errorId].filter((value) => value !== undefined).join(' ');
  return (
    <div className={error === undefined ? 'field' : 'field field-invalid'}>
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        id,
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
        ...(error === undefined ? {} : { 'aria-invalid': true }),
      })}
      {error !== undefined && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
};

/** The refusal of a form's request, in the user's words, announced at once. */
export const FormError = ({ error }: { error: ApiError | undefined }) => {
  const { t } = useI18n();
  return (
    <div className="form-error" role="alert" aria-live="assertive">
      {error !== undefined && (
        <>
          <p className="form-error-title">{t('form.refused')}</p>
          <p data-error-code={error.code} data-error-rule={error.rule ?? ''}>
            {errorMessage(t, error)}
          </p>
        </>
      )}
    </div>
  );
};
