import type { CompetenceType, Team, TeamRecipient } from '@tillit/contracts';
import { useEffect, useMemo, useState } from 'react';
import { formatDate } from '../components/time.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { useApi } from '../components/useApi.ts';
import { useSession } from '../session.tsx';
import { CompetenceForm } from './CompetenceForm.tsx';
import { GenerateVisits } from './GenerateVisits.tsx';

/** Kept for pages that still import it from here; the shape lives in packages/contracts (organisation.ts). */
export type { CompetenceType } from '@tillit/contracts';

export function TeamPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const team = useApi<Team>(`/api/teams/${id}`);
  const people = useApi<TeamRecipient[]>(team.data?.canSeeRecipients ? `/api/teams/${id}/recipients` : null);
  const types = useApi<CompetenceType[]>('/api/competence-types');
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (team.data) document.title = `${team.data.name} – Tillit`;
  }, [team.data]);

  const competenceName = (code: string) => {
    const c = types.data?.find((x) => x.code === code);
    return c ? (i18n.language === 'en' ? c.nameEn : c.nameNb) : code;
  };
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (people.data ?? []).filter(
      (p) => !q || `${p.givenName} ${p.familyName} ${p.addressLine}`.toLowerCase().includes(q),
    );
  }, [people.data, query]);

  if (team.error) return <ErrorMessage error={team.error} />;
  if (!team.data) return <p>{t('common.loading')}</p>;
  const data = team.data;

  return (
    <div className="stack">
      <h1>{data.name}</h1>
      <p className="muted">{t('team.area', { area: data.areaName })}</p>
      <p>
        <Link to={`/teams/${data.id}/staffing`}>{t('staffing.link')}</Link>
        {data.canSeeRecipients && (
          <>
            {' · '}
            <Link to={`/teams/${data.id}/requests`}>{t('requests.link_nav')}</Link>
          </>
        )}
      </p>
      {data.canSeeRecipients && <GenerateVisits teamId={data.id} />}

      <section aria-labelledby="served-heading">
        <h2 id="served-heading">{t('team.served')}</h2>
        <p>{t('team.servedCount', { count: data.recipientCount })}</p>
        {!data.canSeeRecipients && me.role === 'leader' && <p className="muted">{t('team.leaderNote')}</p>}
        {data.canSeeRecipients && (
          <>
            <p>
              <Link to={`/teams/${data.id}/people/new`} className="button-link">
                {t('people.newLink')}
              </Link>
            </p>
            <label htmlFor="people-search">{t('team.search')}</label>
            <input id="people-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            <ErrorMessage error={people.error} />
            <ul className="people-list">
              {shown.map((p) => (
                <li key={p.id}>
                  <Link to={`/people/${p.id}`} className="person-row">
                    <span className="person-name">
                      {p.givenName} {p.familyName}
                    </span>
                    <span className="muted">{p.addressLine}</span>
                    <span className="muted small">
                      {t('team.primaryContact')}: {p.primaryContactName ?? '–'}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            {people.data && shown.length === 0 && <p>{t('team.none')}</p>}
          </>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('team.members')}</h2>
        <TableWrap label={t('team.members')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('team.name')}</th>
                <th scope="col">{t('team.profession')}</th>
                <th scope="col">{t('team.competences')}</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.staffId}>
                  <td>{m.name}</td>
                  <td>{t(`profession.${m.profession}`)}</td>
                  <td>
                    {m.competences.length === 0
                      ? t('team.noCompetence')
                      : m.competences
                          .map(
                            (c) =>
                              competenceName(c.code) +
                              (c.validUntil ? ` (${t('team.until', { date: formatDate(c.validUntil) })})` : ''),
                          )
                          .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      {(me.role === 'leader' || me.role === 'admin') && types.data && (
        <CompetenceForm members={data.members} types={types.data} onSaved={() => void team.reload()} />
      )}
    </div>
  );
}
