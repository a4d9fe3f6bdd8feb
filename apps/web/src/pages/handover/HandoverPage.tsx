import { formatDate, formatTime } from '../../components/time.ts';
import { type Handover, type HandoverItem, SHIFTS, type ShiftName } from '@tillit/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';

/**
 * «Rapport»: the handover at the change of shift, built from the shift's documentation, grouped by
 * person; the next shift taps «Lest» on each item. Without a choice it shows the shift that ended last.
 */
export function HandoverPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [asked, setAsked] = useState<{ date: string; shift: ShiftName } | null>(null);
  const url = `/api/teams/${id}/handover${asked ? `?date=${asked.date}&shift=${asked.shift}` : ''}`;
  const { data, error, reload } = useApi<Handover>(url);
  const [date, setDate] = useState('');
  const [shift, setShift] = useState<ShiftName>('day');
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    document.title = `${t('handover.title')} – Tillit`;
  }, [t]);
  useEffect(() => {
    if (data && !date) {
      setDate(data.date);
      setShift(data.shift);
    }
  }, [data, date]);

  const choose = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ date, shift });
  };
  const markRead = async (item: HandoverItem) => {
    if (!data) return;
    try {
      await api('POST', `/api/teams/${id}/handover/read`, {
        date: data.date,
        shift: data.shift,
        kind: item.kind,
        key: item.key,
      });
      setActionError(null);
      setStatus(t('handover.readItem', { kind: t(`handover.kinds.${item.kind}`), person: item.person }));
      await reload();
    } catch (err) {
      setActionError(err as ApiError);
    }
  };
  return (
    <div className="stack">
      <h1>
        {t('handover.title')}
        {data ? ` – ${t(`handover.shifts.${data.shift}`)} ${formatDate(data.date)}` : ''}
      </h1>
      <p>{t('handover.intro')}</p>
      <form onSubmit={choose} className="inline-form">
        <label htmlFor="handover-date">{t('handover.date')}</label>
        <input id="handover-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <label htmlFor="handover-shift">{t('handover.shift')}</label>
        <select id="handover-shift" value={shift} onChange={(e) => setShift(e.target.value as ShiftName)}>
          {SHIFTS.map((s) => (
            <option key={s} value={s}>
              {t(`handover.shifts.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('handover.show')}</button>
      </form>
      <ErrorMessage error={error ?? actionError} labels={{ date: t('handover.date'), shift: t('handover.shift') }} />
      <p role="status" className="small">
        {status}
      </p>
      {data && data.people.length === 0 && <p>{t('handover.empty')}</p>}
      {data?.people.map((p) => (
        <section key={p.recipientId} aria-labelledby={`person-${p.recipientId}`} className="card stack">
          <h2 id={`person-${p.recipientId}`}>
            <Link to={`/people/${p.recipientId}`}>{p.person}</Link>
          </h2>
          <ul className="plain stack">
            {p.items.map((i) => (
              <Item key={`${i.kind}-${i.key}`} item={i} onRead={markRead} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Item({ item: i, onRead }: { item: HandoverItem; onRead: (i: HandoverItem) => Promise<void> }) {
  const { t } = useTranslation();
  const time = (iso: string) => formatTime(iso);
  return (
    <li className="board-card">
      <p>
        <strong>{t(`handover.kinds.${i.kind}`)}</strong> {time(i.at)}
      </p>
      {i.text && <p>{i.text}</p>}
      {i.by && <p className="small muted">{t('handover.by', { who: i.by })}</p>}
      <p className="small muted">{t('handover.readBy', { count: i.readBy })}</p>
      {i.readAt ? (
        <p className="small">{t('handover.readAt', { when: time(i.readAt) })}</p>
      ) : (
        <button
          type="button"
          onClick={() => void onRead(i)}
          aria-label={t('handover.readItem', { kind: t(`handover.kinds.${i.kind}`), person: i.person })}
        >
          {t('handover.read')}
        </button>
      )}
    </li>
  );
}
