import type { ReportingRegister } from '@tillit/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';
import { RegisterItem } from './RegisterItem.tsx';
import { NameItemForm } from './NameItemForm.tsx';

/**
 * «Meningssamlingen»: reports, forms and rules that cost time, visible to everyone in the
 * municipality, with the hours named, saved and left. Anyone names one; teams estimate their
 * hours; leaders and teams decide together.
 */
export function ReportingPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useApi<ReportingRegister>('/api/reporting');
  const [status, setStatus] = useState('');
  const done = async (message: string) => {
    setStatus(message);
    await reload();
  };

  return (
    <div className="stack">
      <h1>{t('reporting.heading')}</h1>
      <p className="muted">{t('reporting.intro')}</p>
      <ErrorMessage error={error} />
      {data && (
        <section aria-labelledby="register-totals" className="card">
          <h2 id="register-totals">{t('reporting.totalsHeading')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('reporting.hoursNamed')}</dt>
              <dd>{t('reporting.hours', { count: data.totals.hoursNamed })}</dd>
            </div>
            <div>
              <dt>{t('reporting.hoursSaved')}</dt>
              <dd data-testid="hours-saved">{t('reporting.hours', { count: data.totals.hoursSaved })}</dd>
            </div>
            <div>
              <dt>{t('reporting.hoursLeft')}</dt>
              <dd>{t('reporting.hours', { count: data.totals.hoursLeft })}</dd>
            </div>
          </dl>
        </section>
      )}
      <p role="status" className="small">
        {status}
      </p>
      {data && data.items.length === 0 && <p>{t('reporting.empty')}</p>}
      {data?.items.map((item) => (
        <RegisterItem key={item.id} item={item} onDone={done} />
      ))}
      <NameItemForm onNamed={() => done(t('reporting.named'))} />
    </div>
  );
}
