import type { SelfAssessment } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';

type Draft = Record<string, { rating: number | null; note: string }>;

/** A leader's own look at the five misconceptions about trust; saved for the leader alone. */
export function SelfAssessmentPage() {
  const { t, i18n } = useTranslation();
  const { data, error } = useApi<SelfAssessment>('/api/self-assessment');
  const [draft, setDraft] = useState<Draft>({});
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    document.title = `${t('selfAssessment.title')} – Tillit`;
  }, [t]);
  useEffect(() => {
    if (data)
      setDraft(
        Object.fromEntries(
          Object.entries(data.answers).map(([id, a]) => [id, { rating: a.rating, note: a.note ?? '' }]),
        ),
      );
  }, [data]);
  const set = (id: string, patch: Partial<Draft[string]>) => {
    setSaved('');
    setDraft((d) => ({ ...d, [id]: { ...d[id], ...patch } }));
  };
  const save = async () => {
    try {
      await api('POST', '/api/self-assessment', { answers: draft });
      setSaveError(null);
      setSaved(t('selfAssessment.saved'));
    } catch (err) {
      setSaveError(err as ApiError);
    }
  };

  return (
    <div className="stack self-assessment">
      <h1>{t('selfAssessment.title')}</h1>
      <p>{t('selfAssessment.intro')}</p>
      <p className="muted small">{t('selfAssessment.private')}</p>
      <p>
        <Link to="/dialogue">{t('selfAssessment.toDialogue')}</Link>
      </p>
      <ErrorMessage error={error} />
      {data?.items.map((item, k) => {
        const text = i18n.language === 'en' ? item.en : item.nb;
        const d = draft[item.id] ?? { rating: null, note: '' };
        return (
          <section key={item.id} aria-labelledby={`sa-${item.id}`} className="card stack">
            <h2 id={`sa-${item.id}`}>
              {k + 1}. «{text.title}»
            </h2>
            <p>{text.explanation}</p>
            <fieldset>
              <legend>{t('selfAssessment.question')}</legend>
              <div className="scale">
                {[1, 2, 3, 4, 5].map((v) => (
                  <span key={v} className="choice">
                    <input
                      type="radio"
                      id={`sa-${item.id}-${v}`}
                      name={`sa-${item.id}`}
                      checked={d.rating === v}
                      onChange={() => set(item.id, { rating: v })}
                    />
                    <label htmlFor={`sa-${item.id}-${v}`}>
                      {v} – {t(`selfAssessment.scale${v}`)}
                    </label>
                  </span>
                ))}
              </div>
            </fieldset>
            <h3>{t('selfAssessment.prompts')}</h3>
            <ul>
              {text.prompts.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            <label htmlFor={`sa-note-${item.id}`}>{t('selfAssessment.note')}</label>
            <textarea
              id={`sa-note-${item.id}`}
              rows={3}
              maxLength={2000}
              value={d.note}
              onChange={(e) => set(item.id, { note: e.target.value })}
            />
          </section>
        );
      })}
      {data && (
        <>
          <ErrorMessage error={saveError} />
          <button type="button" onClick={() => void save()}>
            {t('selfAssessment.save')}
          </button>
          <p role="status">{saved}</p>
        </>
      )}
    </div>
  );
}
