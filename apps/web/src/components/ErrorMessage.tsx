import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api.ts';

/** Shows an API error; field problems are listed by field so the user knows what to fix. */
export function ErrorMessage({ error, labels = {} }: { error: ApiError | null; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = error.body.fields ?? [];
  return (
    <div role="alert" className="alert alert-error">
      {fields.length === 0 ? (
        <p>
          {error.code === 'internal' || error.status === 0
            ? t('error.generic')
            : t(`error.${error.code}`, { defaultValue: error.message })}
        </p>
      ) : (
        <ul>
          {fields.map((f) => (
            <li key={f.field + f.code}>
              {t('error.field', {
                field: labels[f.field] ?? f.field,
                message: t(`error.${f.code}`, { defaultValue: f.message }),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
