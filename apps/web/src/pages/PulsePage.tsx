import type { ItemText } from '@tillit/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useApi } from '../components/useApi.ts';

/** The staff pulse: nine statements, 1–5 or «vet ikke», stored anonymously per group and quarter. */
export function PulsePage() {
  const { t, i18n } = useTranslation();
  const { data } = useApi<{ items: ItemText[] }>('/api/pulse');
  const [answers, setAnswers] = useState<Record<string, number | null>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const scale = t('survey.scale', { returnObjects: true }) as string[];
  useEffect(() => {
    document.title = `${t('pulse.title')} – Tillit`;
  }, [t]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', '/api/pulse', { answers });
      setDone(t('pulse.thanks'));
    } catch (err) {
      const apiErr = err as ApiError;
      if (apiErr.status === 409) setDone(t('pulse.already'));
      else setError(apiErr);
    }
  };
  if (done)
    return (
      <p role="status" className="alert alert-ok">
        {done}
      </p>
    );
  return (
    <form className="stack" onSubmit={submit}>
      <h1>{t('pulse.title')}</h1>
      <p className="muted">{t('pulse.intro')}</p>
      {data?.items.map((item) => (
        <fieldset key={item.id}>
          <legend>{i18n.language === 'en' ? item.en : item.nb}</legend>
          {scale.map((label, k) => (
            <span key={k} className="checkbox">
              <input
                type="radio"
                id={`p-${item.id}-${k + 1}`}
                name={item.id}
                checked={answers[item.id] === k + 1}
                onChange={() => setAnswers({ ...answers, [item.id]: k + 1 })}
              />
              <label htmlFor={`p-${item.id}-${k + 1}`}>
                {k + 1} – {label}
              </label>
            </span>
          ))}
          <span className="checkbox">
            <input
              type="radio"
              id={`p-${item.id}-0`}
              name={item.id}
              checked={answers[item.id] === null}
              onChange={() => setAnswers({ ...answers, [item.id]: null })}
            />
            <label htmlFor={`p-${item.id}-0`}>{t('survey.dontKnow')}</label>
          </span>
        </fieldset>
      ))}
      <ErrorMessage error={error} labels={{ answers: t('pulse.answersLabel') }} />
      <button type="submit" className="primary">
        {t('pulse.send')}
      </button>
    </form>
  );
}
