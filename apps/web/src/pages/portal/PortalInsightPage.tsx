import type { AccessLog, PortalConsents, PortalMe } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDateTime } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { Whose } from './PortalPage.tsx';

/**
 * «Innsyn og nedlasting» (/min-side/innsyn): who has read the record and why (the right to
 * know who accessed it), the downloads, and — for the person themself — their next of kin's consents.
 */
export function PortalInsightPage() {
  const { t } = useTranslation();
  const me = useApi<PortalMe>('/api/portal/me');
  useEffect(() => {
    document.title = `${t('portal.insightTitle')} – Tillit`;
  }, [t]);
  return (
    <div className="stack large-print">
      <h1>{t('portal.insightTitle')}</h1>
      <ErrorMessage error={me.error} />
      {me.data && <Whose me={me.data} />}
      {me.data?.consent && (
        <>
          <AccessLogSection />
          <section aria-labelledby="portal-download" className="card">
            <h2 id="portal-download">{t('portal.download.title')}</h2>
            <p>{t('portal.download.intro')}</p>
            <ul className="plain stack-tight">
              <li>
                <a href="/api/portal/export.json" download="mine-data.json">
                  {t('portal.download.json')}
                </a>
              </li>
              <li>
                <a href="/api/portal/export.pdf" download="mine-data.pdf">
                  {t('portal.download.pdf')}
                </a>
              </li>
            </ul>
          </section>
          {me.data.viewer === 'self' && <ConsentSection />}
        </>
      )}
    </div>
  );
}

function AccessLogSection() {
  const { t } = useTranslation();
  const { data, error } = useApi<AccessLog>('/api/portal/access-log');
  const role = (r: string | null) => (r === 'nextOfKin' ? t('portal.log.nextOfKin') : r);
  return (
    <section aria-labelledby="portal-log" className="card">
      <h2 id="portal-log">{t('portal.log.title')}</h2>
      <p>{t('portal.log.intro')}</p>
      <ErrorMessage error={error} />
      {data && data.rows.length === 0 && <p>{t('portal.log.none')}</p>}
      {data && data.rows.length > 0 && (
        <TableWrap label={t('portal.log.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('portal.log.when')}</th>
                <th scope="col">{t('portal.log.who')}</th>
                <th scope="col">{t('portal.log.what')}</th>
                <th scope="col">{t('portal.log.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r, i) => (
                <tr key={i}>
                  <td>{formatDateTime(r.at)}</td>
                  <td>
                    {r.who}
                    {r.role && ` (${role(r.role)})`}
                  </td>
                  <td>{t(`portal.log.whats.${r.what}`)}</td>
                  <td>
                    {t(`portal.log.bases.${r.basis}`)}
                    {r.emergencyReason && <div>{t('portal.log.reason', { reason: r.emergencyReason })}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function ConsentSection() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { data, error, setData } = useApi<PortalConsents>('/api/portal/consents');
  const [failed, setFailed] = useState<ApiError | null>(null);
  const change = async (nextOfKinId: string, given: boolean) => {
    try {
      setData(await api<PortalConsents>('POST', '/api/portal/consents', { nextOfKinId, given }));
      setFailed(null);
      announce(t('portal.consents.changed'));
    } catch (err) {
      setFailed(err as ApiError);
    }
  };
  return (
    <section aria-labelledby="portal-consents" className="card">
      <h2 id="portal-consents">{t('portal.consents.title')}</h2>
      <p>{t('portal.consents.intro')}</p>
      <ErrorMessage error={error ?? failed} />
      {data && data.consents.length === 0 && <p>{t('portal.consents.none')}</p>}
      <ul className="plain stack">
        {data?.consents.map((c) => (
          <li key={c.nextOfKinId}>
            <strong>{c.name}</strong> ({c.relation}):{' '}
            {c.givenAt ? t('portal.consents.given') : t('portal.consents.notGiven')}{' '}
            <button type="button" onClick={() => change(c.nextOfKinId, !c.givenAt)}>
              {c.givenAt ? t('portal.consents.revoke', { name: c.name }) : t('portal.consents.give', { name: c.name })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
