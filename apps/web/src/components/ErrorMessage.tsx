import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api.ts';
import { plainProblem } from './fields.tsx';

/** The input a label with the text `label` names, inside `scope` (the form the message belongs to). */
function inputFor(scope: ParentNode, label: string | undefined, field: string): HTMLElement | null {
  const byId = scope.querySelector<HTMLElement>(`#${CSS.escape(field)}, [name="${CSS.escape(field)}"]`);
  if (byId || !label) return byId;
  for (const el of scope.querySelectorAll('label')) {
    // The label's own words, without «(må fylles ut)» or other marks after them.
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('')
      .trim();
    if (own !== label.trim()) continue;
    return el.htmlFor ? document.getElementById(el.htmlFor) : el.querySelector('input, select, textarea');
  }
  return null;
}

/**
 * Shows an API error. Field problems are listed in plain words by field, and each field named
 * is tied to its message (`aria-invalid`, `aria-describedby`: WCAG 3.3.1, 1.3.1), found by its
 * label (`labels`: field → label text) or its id/name; focus moves to the first such field,
 * so the error is never out of sight at the bottom of a long form. Forms that place each
 * message under its own field use useFieldProblems (fields.tsx) instead.
 */
export function ErrorMessage({ error, labels = {} }: { error: ApiError | null; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const base = useId();
  const fields = error?.body.fields ?? [];
  const labelsKey = JSON.stringify(labels);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per error shown; labels by value
  useEffect(() => {
    const own = box.current;
    if (!error || !own || fields.length === 0) return;
    const scope = own.closest('form, dialog, section') ?? document;
    const marked: { el: HTMLElement; describedBy: string | null }[] = [];
    fields.forEach((f, i) => {
      const el = inputFor(scope, labels[f.field], f.field);
      if (!el || marked.some((m) => m.el === el)) return;
      const describedBy = el.getAttribute('aria-describedby');
      marked.push({ el, describedBy });
      el.setAttribute('aria-invalid', 'true');
      el.setAttribute('aria-describedby', [describedBy, `${base}-${i}`].filter(Boolean).join(' '));
    });
    if (marked[0]) marked[0].el.focus();
    else own.focus();
    return () => {
      for (const { el, describedBy } of marked) {
        el.removeAttribute('aria-invalid');
        if (describedBy) el.setAttribute('aria-describedby', describedBy);
        else el.removeAttribute('aria-describedby');
      }
    };
  }, [error, labelsKey]);
  if (!error) return null;
  return (
    <div role="alert" className="alert alert-error" ref={box} tabIndex={-1}>
      {fields.length === 0 ? (
        <p>
          {error.code === 'internal' || error.status === 0
            ? t('error.generic')
            : error.status === 401
              ? t('a11y.session.ended')
              : t(`error.${error.code}`, { defaultValue: error.message })}
        </p>
      ) : (
        <>
          <p>{t('a11y.field.intro')}</p>
          <ul>
            {fields.map((f, i) => (
              <li key={f.field + f.code} id={`${base}-${i}`}>
                {t('error.field', { field: labels[f.field] ?? f.field, message: plainProblem(t, f) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
