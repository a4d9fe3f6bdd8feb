import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldProblem } from '../api.ts';

/**
 * Field problems of a form, each shown at its own field (WCAG 3.3.1): the input is marked
 * `aria-invalid` and described by its message, and focus moves to the first field with a
 * problem, so it is never out of sight at the bottom of a long form. `prefix` + field name is
 * the input's id; `order` is the fields' order on the page. A message of the form's own
 * (`<ns>.errors.<field>`, plain bokmål written for that field) is preferred to the generic one.
 */
export function useFieldProblems(error: ApiError | null, prefix: string, order: string[], ns: string) {
  const { t } = useTranslation();
  const problems = useMemo(() => {
    const byField: Record<string, FieldProblem> = {};
    for (const f of error?.body.fields ?? []) byField[f.field] ??= f;
    return byField;
  }, [error]);
  const general = error && !error.body.fields?.length ? error : null;
  const generalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error) return;
    const first = order.find((f) => problems[f]);
    if (first) document.getElementById(prefix + first)?.focus();
    else generalRef.current?.focus();
  }, [error, problems, order, prefix]);
  const message = (field: string) => {
    const p = problems[field];
    if (!p) return undefined;
    return t([`${ns}.errors.${p.code}`, `${ns}.errors.${field}`, `error.${p.code}`], { defaultValue: p.message });
  };
  /** Props for the input of `field`. */
  const input = (field: string) => ({
    id: prefix + field,
    'aria-invalid': problems[field] ? true : undefined,
    'aria-describedby': problems[field] ? `${prefix}${field}-error` : undefined,
  });
  return { problems, message, input, general, generalRef };
}

/** The message under a field; its id ties it to the input (aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {message}
    </p>
  );
}
