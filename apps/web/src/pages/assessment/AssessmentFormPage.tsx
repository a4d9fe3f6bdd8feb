import {
  type AssessmentInput,
  type AssessmentList,
  type AssessmentReason,
  assessmentItems,
  assessmentReasons,
} from '@tillit/contracts';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type ApiError, api } from '../../api.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { FieldError, Required, useFieldProblems } from '../../components/fields.tsx';
import { todayIso } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';

const SCORES = [1, 2, 3, 4, 5, 9] as const;
const ORDER = ['assessedOn', 'reason', 'conditionChangeId', 'note', ...assessmentItems.map((i) => `scores.${i}`)];

/**
 * «Ny funksjonsvurdering»: the 17 areas scored with the person, each score explained in plain
 * words. Opened from the prompt after a change in condition, that change is the reason. The
 * form makes its id once, so pressing «Lagre» twice stores one assessment.
 */
export function AssessmentFormPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const change = search.get('change');
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const current = useApi<AssessmentList>(`/api/recipients/${id}/assessments`);
  const formId = useMemo(() => crypto.randomUUID(), []);
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [reason, setReason] = useState<AssessmentReason>(change ? 'condition_change' : 'review');
  const [withPerson, setWithPerson] = useState(true);
  const [note, setNote] = useState('');
  const [scores, setScores] = useState<Record<string, number>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const f = useFieldProblems(error, 'fa-', ORDER, 'assessment');
  useEffect(() => {
    document.title = `${t('assessment.formTitle')} – Tillit`;
  }, [t]);
  useEffect(() => {
    if (current.data && current.data.assessments.length === 0 && !change) setReason('first');
  }, [current.data, change]);
  const prompt = current.data?.prompt;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      id: formId,
      assessedOn,
      withPerson,
      reason,
      ...(reason === 'condition_change' && change ? { conditionChangeId: change } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      scores,
    } as AssessmentInput;
    try {
      await api('POST', `/api/recipients/${id}/assessments`, body);
      announce(t('assessment.saved'), '#assessment-heading');
      navigate(`/people/${id}`);
    } catch (err) {
      setError(err as ApiError);
    }
  };

  return (
    <div className="stack">
      <h1>{t('assessment.formTitle')}</h1>
      <p>{t('assessment.formIntro')}</p>
      <p>
        <Link to={`/people/${id}`}>{t('assessment.back')}</Link>
      </p>
      {f.general && (
        <div ref={f.generalRef} tabIndex={-1} role="alert" className="alert alert-error">
          {f.general.message}
        </div>
      )}
      <form onSubmit={save} className="card stack" noValidate>
        <label htmlFor="fa-assessedOn">
          {t('assessment.assessedOn')}
          <Required />
        </label>
        <input
          type="date"
          required
          max={todayIso()}
          value={assessedOn}
          onChange={(e) => setAssessedOn(e.target.value)}
          {...f.input('assessedOn')}
        />
        <FieldError id="fa-assessedOn" message={f.message('assessedOn')} />
        <label htmlFor="fa-reason">{t('assessment.reason')}</label>
        <select value={reason} onChange={(e) => setReason(e.target.value as AssessmentReason)} {...f.input('reason')}>
          {assessmentReasons
            .filter((r) => r !== 'condition_change' || change)
            .map((r) => (
              <option key={r} value={r}>
                {t(`assessment.reasons.${r}`)}
              </option>
            ))}
        </select>
        {reason === 'condition_change' && prompt && prompt.conditionChangeId === change && (
          <p className="muted">{t('assessment.changeReason', { text: prompt.text })}</p>
        )}
        <FieldError id="fa-conditionChangeId" message={f.message('conditionChangeId')} />
        <span className="checkbox">
          <input
            type="checkbox"
            id="fa-withPerson"
            checked={withPerson}
            onChange={(e) => setWithPerson(e.target.checked)}
          />
          <label htmlFor="fa-withPerson">{t('assessment.tookPart')}</label>
        </span>
        <label htmlFor="fa-note">{t('assessment.note')}</label>
        <p id="fa-note-hint" className="small muted">
          {t('assessment.noteHint')}
        </p>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} {...f.input('note')} />
        <FieldError id="fa-note" message={f.message('note')} />
        {assessmentItems.map((item) => (
          <ItemScore
            key={item}
            item={item}
            value={scores[item]}
            onChange={(v) => setScores({ ...scores, [item]: v })}
            message={f.message(`scores.${item}`)}
          />
        ))}
        <button type="submit" className="primary">
          {t('assessment.save')}
        </button>
      </form>
    </div>
  );
}

/** One area: a group of six radio buttons, each with its plain explanation; the error under the group. */
function ItemScore({
  item,
  value,
  onChange,
  message,
}: {
  item: string;
  value: number | undefined;
  onChange: (v: number) => void;
  message: string | undefined;
}) {
  const { t } = useTranslation();
  const id = `fa-scores.${item}`;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-invalid={message ? true : undefined}
      aria-describedby={message ? `${id}-error` : undefined}
    >
      <legend>
        {t(`assessment.items.${item}`)}
        <Required />
      </legend>
      {SCORES.map((s) => (
        <span className="checkbox" key={s}>
          <input
            type="radio"
            name={`score-${item}`}
            id={`fa-${item}-${s}`}
            value={s}
            required
            checked={value === s}
            onChange={() => onChange(s)}
          />
          <label htmlFor={`fa-${item}-${s}`}>{t(`assessment.scores.${s}`)}</label>
        </span>
      ))}
      <FieldError id={id} message={message} />
    </fieldset>
  );
}
