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
    return t([`${ns}.errors.${p.code}`, `${ns}.errors.${field}`], { defaultValue: sentence(plainProblem(t, p)) });
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

/** «må fylles ut» standing alone under a field reads as a sentence: «Må fylles ut.» */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');

type T = (key: string | string[], options?: Record<string, unknown>) => string;

/**
 * A server field problem in plain words (WCAG 3.3.1, 3.3.3). Zod's codes say only «too small»
 * for an empty text, a short text and a small number alike; its message says which, and the
 * limit («expected string to have >=1 characters»), so the text can say «må fylles ut» or «må ha
 * minst 8 tegn». Domain codes (`error.<code>`) keep their own words.
 */
export function plainProblem(t: T, p: FieldProblem): string {
  const m = /expected (string|number|int|bigint|array|set|date|file)\w* to (?:have|be) ([<>]=?)(-?[\d.]+)/.exec(
    p.message,
  );
  const kind = m ? (m[1] === 'array' || m[1] === 'set' ? 'items' : m[1] === 'string' ? 'text' : 'number') : null;
  const limit = m ? Number(m[3]) : null;
  switch (p.code) {
    case 'too_small':
      if (kind === 'text')
        return limit !== null && limit <= 1 ? t('a11y.field.required') : t('a11y.field.tooShortMin', { min: limit });
      if (kind === 'items') return t('a11y.field.fewItems', { min: limit });
      if (kind === 'number') return t('a11y.field.tooSmallMin', { min: limit });
      return t('a11y.field.tooSmall');
    case 'too_big':
      if (kind === 'text') return t('a11y.field.tooLongMax', { max: limit });
      if (kind === 'number') return t('a11y.field.tooBigMax', { max: limit });
      return t('a11y.field.tooLong');
    case 'invalid_type':
      return /received undefined|received null/.test(p.message) ? t('a11y.field.required') : t('a11y.field.badType');
    case 'invalid_format':
    case 'invalid_string':
      return t('a11y.field.badFormat');
    default:
      return t(`error.${p.code}`, { defaultValue: t('a11y.field.badType') });
  }
}

/**
 * The visible «(må fylles ut)» after a required field's label. Screen readers hear «required»
 * from the input's `required` attribute, so the words are hidden from them (said once, and the
 * field's name stays its label).
 */
export function Required() {
  const { t } = useTranslation();
  return (
    <span className="required-mark" aria-hidden="true">
      {' '}
      ({t('a11y.requiredMark')})
    </span>
  );
}
