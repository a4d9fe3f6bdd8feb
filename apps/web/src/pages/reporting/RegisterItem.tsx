import type { ReportingItem } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session.tsx';
import { ConfirmDecision, EstimateForm, ProposeForm } from './ItemForms.tsx';

/** One item of the register: what it is, who asks, what it informs, the hours, and its decision. */
export function RegisterItem({ item, onDone }: { item: ReportingItem; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const mySide = me.role === 'member' ? 'team' : 'leadership';
  const headingId = `item-${item.id}`;
  const myTeam = me.role === 'member' ? me.teamIds[0] : undefined;

  return (
    <article className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{item.title}</h2>
      <p className="small">
        {t(`reporting.kind_${item.kind}`)} · {t(`reporting.status_${item.status}`)}
      </p>
      <dl className="facts">
        <dt>{t('reporting.askedBy')}</dt>
        <dd>{item.askedBy}</dd>
        <dt>{t('reporting.informs')}</dt>
        <dd>{item.informs}</dd>
        <dt>{t('reporting.legalBasis')}</dt>
        <dd>{item.legalBasis ?? t('reporting.noLegalBasis')}</dd>
        <dt>{t('reporting.hoursNow')}</dt>
        <dd>
          {t('reporting.hours', { count: item.hoursNow })}
          {item.estimates.length > 0 &&
            ` (${item.estimates.map((e) => `${e.teamName}: ${t('reporting.hours', { count: e.hoursPerMonth })}`).join(', ')})`}
        </dd>
        {item.outcome && (
          <>
            <dt>{item.status === 'decided' ? t('reporting.decision') : t('reporting.proposal')}</dt>
            <dd>
              {t(`reporting.outcome_${item.outcome}`)}: {item.reason}{' '}
              {item.status === 'proposed' && t(`reporting.proposedBy_${item.proposedBySide}`)}
            </dd>
          </>
        )}
      </dl>
      {item.status !== 'decided' && myTeam && <EstimateForm item={item} teamId={myTeam} onDone={onDone} />}
      {item.status === 'proposed' && item.proposedBySide !== mySide && <ConfirmDecision item={item} onDone={onDone} />}
      {item.status !== 'decided' && <ProposeForm item={item} onDone={onDone} />}
    </article>
  );
}
