import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/**
 * An API error in the medicines pages: the domain's own codes (no delegation, the 24-hour maximum,
 * the same person signing twice …) in the domain's words, naming the field; anything else as usual.
 */
export function MedError({ error, labels = {} }: { error: ApiError | null; labels?: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const fields = error.body.fields ?? [];
  const own = (code: string, fallback: string) => t(`medicines.error_${code}`, { defaultValue: fallback });
  if (!fields.length && !i18n.exists(`medicines.error_${error.code}`)) return <ErrorMessage error={error} />;
  return (
    <div role="alert" className="alert alert-error">
      {fields.length === 0 ? (
        <p>{own(error.code, error.message)}</p>
      ) : (
        <ul>
          {fields.map((f) => (
            <li key={f.field + f.code}>
              {t('medicines.errorField', { field: labels[f.field] ?? f.field, message: own(f.code, f.message) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
