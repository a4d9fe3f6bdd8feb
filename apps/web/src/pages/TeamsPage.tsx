import type { TeamSummary } from '@tillit/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useApi } from '../components/useApi.ts';

export function TeamsPage() {
  const { t } = useTranslation();
  const { data, error } = useApi<TeamSummary[]>('/api/teams');
  useEffect(() => {
    document.title = `${t('teams.title')} – Tillit`;
  }, [t]);
  return (
    <section>
      <h1>{t('teams.title')}</h1>
      <ErrorMessage error={error} />
      {!data && !error && <p>{t('common.loading')}</p>}
      <ul className="cards">
        {data?.map((team) => (
          <li key={team.id} className="card">
            <h2>
              <Link to={`/teams/${team.id}`}>{team.name}</Link>
            </h2>
            <p className="muted">{team.districtName}</p>
            <p>
              {t('teams.members', { count: team.memberCount })} · {t('teams.served', { count: team.recipientCount })}
            </p>
            <Link to={`/teams/${team.id}/trust`} aria-label={`${t('nav.trust')}: ${team.name}`}>
              {t('nav.trust')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
