import { osloToday } from '@tillit/contracts';

/** Minutes after midnight → "08:30". */
export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** Today in Oslo, wherever the browser is (the server's day lists and plans use the same day). */
export const todayIso = () => osloToday();
