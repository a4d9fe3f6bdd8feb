import type { SurveyForm } from '@tillit/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, type ApiError } from '../api.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

type Form = Pick<SurveyForm, 'items'>;

/**
 * The survey in large print, for a tablet handed over at the visit, a link, or a phone
 * interview. It shows nothing about the person, and after sending it shows only thanks:
 * the helper who takes the tablet back cannot see the answers.
 */
export function SurveyPage() {
  const { token } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [answers, setAnswers] = useState<Record<string, number | null>>({});
  const [respondent, setRespondent] = useState<'person' | 'next_of_kin'>('person');
  const [open, setOpen] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const announce = useAnnounce();
  const scale = t('survey.scale', { returnObjects: true }) as string[];

  useEffect(() => {
    document.title = `${t('survey.title')} – Tillit`;
    api<Form>('GET', `/api/surveys/${token}`)
      .then(setForm)
      .catch((e) => setLoadError(e as ApiError));
  }, [token, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/api/surveys/${token}`, { respondent, answers, ...(open.trim() ? { openAnswer: open } : {}) });
      // Forget the answers at once, so nothing is left on the screen or in memory.
      setAnswers({});
      setOpen('');
      setSent(true);
      announce(t('survey.thanks'), '#survey-thanks');
    } catch (err) {
      setError(err as ApiError);
    }
  };

  if (sent)
    return (
      <section className="survey stack">
        <h1 id="survey-thanks" tabIndex={-1}>
          {t('survey.thanks')}
        </h1>
        <p>{t('survey.giveBack')}</p>
        <button type="button" onClick={() => navigate('/day')}>
          {t('survey.back')}
        </button>
      </section>
    );
  if (loadError)
    return (
      <section className="survey">
        <h1>{t('survey.title')}</h1>
        <p role="alert">{loadError.status === 409 ? t('survey.used') : t('survey.missing')}</p>
      </section>
    );
  if (!form) return <p>{t('common.loading')}</p>;
  return (
    <form className="survey stack" onSubmit={submit}>
      <h1>{t('survey.title')}</h1>
      <p>{t('survey.intro')}</p>
      <fieldset>
        <legend>{t('survey.who')}</legend>
        <span className="choice">
          <input
            type="radio"
            id="who-person"
            name="who"
            checked={respondent === 'person'}
            onChange={() => setRespondent('person')}
          />
          <label htmlFor="who-person">{t('survey.person')}</label>
        </span>
        <span className="choice">
          <input
            type="radio"
            id="who-kin"
            name="who"
            checked={respondent === 'next_of_kin'}
            onChange={() => setRespondent('next_of_kin')}
          />
          <label htmlFor="who-kin">{t('survey.nextOfKin')}</label>
        </span>
      </fieldset>
      {form.items.map((item, n) => (
        <fieldset key={item.id}>
          <legend>
            {n + 1}. {i18n.language === 'en' ? item.en : item.nb}
          </legend>
          <div className="scale">
            {scale.map((label, k) => (
              <span key={k} className="choice">
                <input
                  type="radio"
                  id={`${item.id}-${k + 1}`}
                  name={item.id}
                  checked={answers[item.id] === k + 1}
                  onChange={() => setAnswers({ ...answers, [item.id]: k + 1 })}
                />
                <label htmlFor={`${item.id}-${k + 1}`}>
                  {k + 1} – {label}
                </label>
              </span>
            ))}
            <span className="choice">
              <input
                type="radio"
                id={`${item.id}-0`}
                name={item.id}
                checked={answers[item.id] === null}
                onChange={() => setAnswers({ ...answers, [item.id]: null })}
              />
              <label htmlFor={`${item.id}-0`}>{t('survey.dontKnow')}</label>
            </span>
          </div>
        </fieldset>
      ))}
      <label htmlFor="survey-open">{t('survey.open')}</label>
      <textarea id="survey-open" rows={3} value={open} onChange={(e) => setOpen(e.target.value)} />
      <ErrorMessage error={error} labels={{ answers: t('survey.answersLabel') }} />
      <button type="submit" className="primary big">
        {t('survey.send')}
      </button>
    </form>
  );
}
