import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/time.ts';

export interface SharedDecision {
  id: string;
  question: string;
  options: string[];
  chosen: string;
  why: string;
  decidedAt: string;
}

/**
 * The decisions made together with the person (samvalg), newest first: what was asked, what they
 * chose and why, so the next helper does not ask again as if nothing had been said.
 */
export function PastSharedDecisions({ name, decisions }: { name: string; decisions: SharedDecision[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="past-decisions-heading" className="card">
      <h2 id="past-decisions-heading">{t('own-words.pastDecisions', { name })}</h2>
      {decisions.length === 0 ? (
        <p className="muted">{t('own-words.noDecisions')}</p>
      ) : (
        <ul className="plain stack-tight">
          {decisions.map((d) => (
            <li key={d.id}>
              <strong>{t('own-words.decision', { date: formatDate(d.decidedAt), question: d.question })}</strong>
              <br />
              {t('own-words.chosen')}: «{d.chosen}» · {t('own-words.why')}: {d.why}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
