import { formatTime } from './time.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import type { Renewed } from '@tillit/contracts';
import { useAnnounce } from './Announcer.tsx';

/** How long before the end the warning shows: time to finish a sentence and press the button. */
export const WARN_SECONDS = 5 * 60;

/**
 * Warns before the session ends, in the user's language, with a button that extends it (WCAG
 * 2.2.1), and says so when it has ended. The end is counted on this device from the seconds the
 * server said were left, so a device clock that is wrong does not matter.
 */
export function SessionTimer({ secondsLeft, onEnded }: { secondsLeft: number; onEnded: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [deadline, setDeadline] = useState(() => Date.now() + secondsLeft * 1000);
  const [now, setNow] = useState(() => Date.now());
  const [failed, setFailed] = useState(false);
  const left = Math.max(0, Math.round((deadline - now) / 1000));
  const warning = left <= WARN_SECONDS;

  useEffect(() => {
    // Every 15 s is enough until the warning; then every second, so the end is not missed.
    const id = window.setInterval(() => setNow(Date.now()), warning ? 1000 : 15_000);
    return () => window.clearInterval(id);
  }, [warning]);
  useEffect(() => {
    if (left === 0) onEnded();
  }, [left, onEnded]);

  if (!warning || left === 0) return null;
  const until = (ms: number) => formatTime(new Date(ms).toISOString());
  const extend = async () => {
    try {
      const renewed = await api<Renewed>('POST', '/api/auth/session/renew');
      const end = Date.now() + renewed.sessionSecondsLeft * 1000;
      setDeadline(end);
      setNow(Date.now());
      setFailed(false);
      // The button goes away: focus returns to the page's heading and the live region says why.
      announce(t('a11y.session.extended', { time: until(end) }), 'main h1');
    } catch {
      setFailed(true);
    }
  };
  return (
    <section className="alert alert-warn session-warning" role="alert" aria-labelledby="session-warning-title">
      <h2 id="session-warning-title">{t('a11y.session.warningTitle')}</h2>
      <p>{t('a11y.session.warning', { time: until(deadline) })}</p>
      {failed && <p>{t('a11y.session.extendFailed')}</p>}
      <button type="button" className="primary" onClick={() => void extend()}>
        {t('a11y.session.extend')}
      </button>
    </section>
  );
}
