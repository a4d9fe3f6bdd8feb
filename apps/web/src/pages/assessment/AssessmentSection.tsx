import { type AssessmentList, type AssessmentView, assessmentItems } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDate, formatDateTime } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';

/**
 * The functional assessment on the record: the one in force with what changed since the one
 * before, the prompt «Ny funksjonsvurdering?» after a flagged change in condition, the history.
 */
export function AssessmentSection({ recipientId, serving }: { recipientId: string; serving: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useApi<AssessmentList>(`/api/recipients/${recipientId}/assessments`);
  const newUrl = `/people/${recipientId}/assessment/new`;
  return (
    <section aria-labelledby="assessment-heading" className="card stack">
      <h2 id="assessment-heading" tabIndex={-1}>
        {t('assessment.heading')}
      </h2>
      <ErrorMessage error={error} />
      {data?.prompt && serving && (
        <p className="alert alert-warn">
          {t('assessment.promptText', { text: data.prompt.text, date: formatDateTime(data.prompt.createdAt) })}{' '}
          <Link to={`${newUrl}?change=${data.prompt.conditionChangeId}`}>{t('assessment.prompt')}</Link>
        </p>
      )}
      {data && data.assessments.length === 0 && <p>{t('assessment.none')}</p>}
      {data && data.assessments.length > 0 && <InForce data={data} />}
      {data && data.assessments.length > 1 && (
        <details>
          <summary>{t('assessment.history', { count: data.assessments.length - 1 })}</summary>
          <ul>
            {data.assessments.slice(1).map((a) => (
              <li key={a.id}>
                {formatDate(a.assessedOn)} · {t(`assessment.reasons.${a.reason}`)} · {a.assessedBy} ·{' '}
                {t(`assessment.bands.${a.band}`)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {serving && (
        <p>
          <Link to={newUrl}>{t('assessment.new')}</Link>
        </p>
      )}
    </section>
  );
}

function InForce({ data }: { data: AssessmentList }) {
  const { t } = useTranslation();
  const a: AssessmentView = data.assessments[0];
  const before = data.assessments[1];
  return (
    <div className="stack">
      <h3>{t('assessment.inForce')}</h3>
      <p>
        {t('assessment.by', { date: formatDate(a.assessedOn), name: a.assessedBy })} ·{' '}
        {t(`assessment.reasons.${a.reason}`)} ·{' '}
        {a.withPerson ? t('assessment.withPerson') : t('assessment.withoutPerson')}
      </p>
      {a.note && <p className="muted">{a.note}</p>}
      <p>{t('assessment.band', { band: t(`assessment.bands.${a.band}`), count: a.needItems })}</p>
      {before && (
        <div>
          <h3>{t('assessment.changes')}</h3>
          {data.changes.length === 0 ? (
            <p>{t('assessment.noChanges')}</p>
          ) : (
            <ul>
              {data.changes.map((c) => (
                <li key={c.item}>
                  {t(`assessment.items.${c.item}`)}: {c.from} → {c.to}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <TableWrap label={t('assessment.inForce')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('assessment.item')}</th>
              <th scope="col">{t('assessment.score')}</th>
              {before && <th scope="col">{t('assessment.previous')}</th>}
            </tr>
          </thead>
          <tbody>
            {assessmentItems.map((item) => (
              <tr key={item}>
                <th scope="row">{t(`assessment.items.${item}`)}</th>
                <td>{t(`assessment.scores.${a.scores[item]}`)}</td>
                {before && <td>{before.scores[item]}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
