import { osloToday } from '@tillit/contracts';
import { locale } from '../i18n/index.ts';

/** Minutes after midnight → "08:30". */
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** Today in Oslo, wherever the browser is (the server's day lists and plans use the same day). */
export const todayIso = () => osloToday();
/** A calendar date (YYYY-MM-DD) in the reader's language, e.g. «7. des. 2026». */
export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
