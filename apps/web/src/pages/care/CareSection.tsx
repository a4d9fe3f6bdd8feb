import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDate, formatDateTime, hhmm, todayIso } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import type { Care, RecordView } from '@tillit/contracts';
import { Decisions } from './Decisions.tsx';
import { MeasureChange } from './MeasureChange.tsx';
import { MeasureForm } from './MeasureForm.tsx';
import { PastSharedDecisions } from './PastSharedDecisions.tsx';

/** The care record as GET …/care answers it: the shape lives in packages/contracts (care.plan.ts). */
export type { Care };

/** The record opens here: what matters in the person's own words, then goals, then the plan. */
export function CareSection({ record, serving }: { record: RecordView; serving: boolean }) {
  const { t } = useTranslation();
  const { data, error, reload } = useApi<Care>(`/api/recipients/${record.id}/care`);
  const [statement, setStatement] = useState('');
  const [present, setPresent] = useState('');
  const [goal, setGoal] = useState('');
  const [goalLink, setGoalLink] = useState('');
  const [review, setReview] = useState(todayIso());
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [changing, setChanging] = useState<string | null>(null);
  // A live region that exists before its text (WCAG 4.1.3): a plan change and its visits are announced.
  const [planStatus, setPlanStatus] = useState('');
  const days = t('care.weekdays', { returnObjects: true }) as string[];

  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('common.loading')}</p>;

  const save = async (e: FormEvent, url: string, body: unknown, reset: () => void) => {
    e.preventDefault();
    try {
      await api('POST', url, body);
      setFormError(null);
      reset();
      await reload();
    } catch (err) {
      setFormError(err as ApiError);
    }
  };
  const base = `/api/recipients/${record.id}`;
  const byGoal = (goalId: string | null) => data.measures.filter((m) => m.goalId === goalId);

  return (
    <>
      {data.conditionChanges.length > 0 && (
        <div className="alert alert-warn" role="note">
          <strong>{t('care.conditionChanges')}:</strong> {data.conditionChanges.map((c) => c.text).join(' · ')}
        </div>
      )}
      <section aria-labelledby="wm-heading" className="card what-matters">
        <h2 id="wm-heading">{t('care.whatMatters')}</h2>
        {data.whatMatters.length === 0 && <p>{t('care.noWhatMatters')}</p>}
        <ul className="plain stack">
          {data.whatMatters.map((w) => (
            <li key={w.id}>
              <blockquote>«{w.statement}»</blockquote>
              <p className="muted small">
                {t('care.recordedBy', { who: w.recordedBy, when: formatDate(w.recordedAt) })}
                {w.present ? ` · ${w.present}` : ''}
              </p>
            </li>
          ))}
        </ul>
        <form
          className="form-grid"
          onSubmit={(e) =>
            save(e, `${base}/what-matters`, { statement, present: present || null }, () => {
              setStatement('');
              setPresent('');
            })
          }
        >
          <label htmlFor="wm-statement">{t('care.statement')}</label>
          <textarea id="wm-statement" rows={2} value={statement} onChange={(e) => setStatement(e.target.value)} />
          <label htmlFor="wm-present">{t('care.present')}</label>
          <input id="wm-present" value={present} onChange={(e) => setPresent(e.target.value)} />
          <button type="submit" className="primary">
            {t('care.addStatement')}
          </button>
        </form>
      </section>

      <section aria-labelledby="goals-heading" className="card">
        <h2 id="goals-heading">{t('care.goals')}</h2>
        {data.goals.length === 0 && <p>{t('care.noGoals')}</p>}
        <form
          className="form-grid"
          onSubmit={(e) =>
            save(e, `${base}/goals`, { description: goal, whatMattersId: goalLink || null, reviewDate: review }, () =>
              setGoal(''),
            )
          }
        >
          <label htmlFor="goal-text">{t('care.newGoal')}</label>
          <input id="goal-text" value={goal} onChange={(e) => setGoal(e.target.value)} />
          <label htmlFor="goal-link">{t('care.linkedTo')}</label>
          <select id="goal-link" value={goalLink} onChange={(e) => setGoalLink(e.target.value)}>
            <option value="">–</option>
            {data.whatMatters.map((w) => (
              <option key={w.id} value={w.id}>
                {w.statement.slice(0, 60)}
              </option>
            ))}
          </select>
          <label htmlFor="goal-review">{t('care.reviewDate')}</label>
          <input id="goal-review" type="date" value={review} onChange={(e) => setReview(e.target.value)} />
          <button type="submit">{t('care.addGoal')}</button>
        </form>
      </section>

      <section aria-labelledby="plan-heading" className="card">
        <h2 id="plan-heading">{t('care.plan')}</h2>
        <p id="plan-status" role="status" tabIndex={-1} className={planStatus ? 'alert alert-ok' : 'visually-hidden'}>
          {planStatus}
        </p>
        {data.measures.length === 0 && <p>{t('care.noMeasures')}</p>}
        {[
          ...data.goals.map((g) => ({ key: g.id, title: g.description, review: g.reviewDate, items: byGoal(g.id) })),
          { key: 'none', title: null, review: null, items: byGoal(null) },
        ]
          .filter((grp) => grp.title || grp.items.length)
          .map((grp) => (
            <div key={grp.key} className="goal-group">
              {grp.title && (
                <h3>
                  {grp.title}{' '}
                  <span className="muted small">
                    ({t('care.reviewDate')} {formatDate(grp.review)})
                  </span>
                </h3>
              )}
              <ul className="plain">
                {grp.items.map((m) => (
                  <li key={m.id} className="measure">
                    <strong>{m.title}</strong>
                    {m.status === 'paused' && <span className="tag warn"> {t('samvalg.paused')}</span>} –{' '}
                    {t('care.window', { from: hhmm(m.windowStart), to: hhmm(m.windowEnd) })},{' '}
                    {m.days.map((d) => days[d - 1]).join(' ')}
                    {m.usualStaff ? ` · ${m.usualStaff}` : ''}
                    {m.professionalNeed && (
                      <div className="muted small">{t('care.professionalNeedLabel', { need: m.professionalNeed })}</div>
                    )}
                    {m.how && <div className="muted small">{m.how}</div>}
                    {changing === m.id ? (
                      <MeasureChange
                        measure={m}
                        onCancel={() => setChanging(null)}
                        onSaved={(message) => {
                          setChanging(null);
                          setPlanStatus(message);
                          void reload().then(() => document.getElementById('plan-status')?.focus());
                        }}
                      />
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('measureChange.openFor', { title: m.title })}
                        onClick={() => {
                          setPlanStatus('');
                          setChanging(m.id);
                        }}
                      >
                        {t('measureChange.open')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        <MeasureForm
          recipientId={record.id}
          goals={data.goals}
          members={record.teamMembers}
          onSaved={(message) => {
            setPlanStatus(message);
            void reload();
          }}
        />
      </section>
      <PastSharedDecisions name={record.givenName} decisions={data.sharedDecisions} />
      <Decisions
        recipientId={record.id}
        decisions={data.serviceDecisions}
        canDecide={serving}
        onSaved={() => void reload()}
      />
      <ErrorMessage
        error={formError}
        labels={{ statement: t('care.statement'), description: t('care.goal'), reviewDate: t('care.reviewDate') }}
      />

      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading">{t('care.history')}</h2>
        <ul className="plain">
          {data.recentVisits.map((v) => (
            <li key={v.id}>
              {formatDate(v.date)} {hhmm(v.windowStart)}–{hhmm(v.windowEnd)} · {t(`day.status_${v.status}`)}
              {v.helper ? ` · ${v.helper}` : ''}
              {v.note ? ` · «${v.note}»` : ''}
            </li>
          ))}
        </ul>
        {data.observations.length > 0 && (
          <>
            <h3>{t('care.observations')}</h3>
            <ul className="plain">
              {data.observations.map((o, i) => (
                <li key={i}>
                  {formatDateTime(o.recordedAt)} · {t(`visit.kind_${o.kind}`)}: {o.value}
                  {o.value2 !== null ? `/${o.value2}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
