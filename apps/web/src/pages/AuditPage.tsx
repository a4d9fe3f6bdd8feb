import type {
  AuditRow,
  AuditVerify as Verify,
  EmergencyAccessView as Emergency,
  FollowUpInput,
} from '@tillit/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { formatDate, formatDateTime } from '../components/time.ts';
import { actionText } from './auditActions.ts';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { useApi } from '../components/useApi.ts';

/** Administrators: emergency accesses to follow up, and the access log with its chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [applied, setApplied] = useState('');
  const emergencies = useApi<Emergency[]>('/api/emergency-accesses?open=true');
  // A name or national identity number: the server finds the person and logs the search.
  const log = useApi<AuditRow[]>(`/api/audit?limit=100${applied ? `&person=${encodeURIComponent(applied)}` : ''}`);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    document.title = `${t('audit.title')} – Tillit`;
  }, [t]);

  const followUp = async (id: string, note: string) => {
    try {
      await api('POST', `/api/emergency-accesses/${id}/follow-up`, { note } satisfies FollowUpInput);
      setError(null);
      await emergencies.reload();
    } catch (err) {
      setError(err as ApiError);
    }
  };

  return (
    <div className="stack">
      <h1>{t('audit.title')}</h1>
      <section aria-labelledby="emergency-heading" className="card">
        <h2 id="emergency-heading">{t('audit.emergencyTitle')}</h2>
        <ErrorMessage error={emergencies.error ?? error} labels={{ note: t('audit.note') }} />
        {emergencies.data?.length === 0 && <p>{t('audit.noEmergency')}</p>}
        <ul className="plain stack">
          {emergencies.data?.map((e) => (
            <li key={e.id} className="emergency">
              <p>
                <strong>{e.userName}</strong> · {formatDateTime(e.grantedAt)} · {t('audit.person')}:{' '}
                <code>{e.recipientId}</code>
              </p>
              <p>
                {t('audit.reason')}: «{e.reason}»
              </p>
              <FollowUpForm id={e.id} onSubmit={followUp} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="log-heading" className="card">
        <h2 id="log-heading">{t('audit.title')}</h2>
        <div className="row">
          <button type="button" onClick={async () => setVerify(await api<Verify>('GET', '/api/audit/verify'))}>
            {t('audit.verify')}
          </button>
          {verify && (
            <p role="status" className={verify.ok ? 'alert alert-ok' : 'alert alert-error'}>
              {verify.ok
                ? t('audit.intact', { rows: verify.rows })
                : t('audit.broken', { seq: verify.firstBrokenSeq ?? `${verify.chain}:${verify.chainSeq}` })}
            </p>
          )}
        </div>
        <form
          className="inline-form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setApplied(filter.trim());
          }}
        >
          <div>
            <label htmlFor="audit-filter">{t('audit-log.search')}</label>
            <input
              id="audit-filter"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              aria-describedby="audit-filter-help"
              autoComplete="off"
            />
            <p id="audit-filter-help" className="small muted">
              {t('audit-log.searchHelp')}
            </p>
          </div>
          <button type="submit">{t('audit-log.searchShow')}</button>
        </form>
        <ErrorMessage error={log.error} labels={{ person: t('audit-log.search') }} />
        {applied && log.data?.length === 0 && <p role="status">{t('audit-log.noneFound')}</p>}
        <TableWrap label={t('audit.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.basis')}</th>
                <th scope="col">{t('audit.person')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data?.map((row) => (
                <tr key={row.seq}>
                  <td>{row.seq}</td>
                  <td>{formatDateTime(row.at)}</td>
                  <td>{row.actorName}</td>
                  <td>{actionText(t, row.action)}</td>
                  <td>{t(`audit.basis_${row.basis}`)}</td>
                  <td>
                    {row.person ? (
                      `${row.person.name} (${formatDate(row.person.birthDate)})`
                    ) : row.recipientId ? (
                      <code>{row.recipientId.slice(0, 8)}</code>
                    ) : (
                      t('audit-log.several', { count: (row.details.recipients as string[] | undefined)?.length ?? 0 })
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </div>
  );
}

function FollowUpForm({ id, onSubmit }: { id: string; onSubmit: (id: string, note: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(id, note);
      }}
    >
      <label htmlFor={`note-${id}`}>{t('audit.note')}</label>
      <input id={`note-${id}`} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit">{t('audit.followUp')}</button>
    </form>
  );
}
