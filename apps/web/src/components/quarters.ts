import { monthStart, osloToday, quarterOf } from '@tillit/contracts';

/**
 * The last `n` quarters that are over, newest first (Oslo's calendar): results are only ever
 * shown for a quarter that is over (the server says so for one still running).
 */
export const closedQuarters = (n: number) =>
  Array.from({ length: n }, (_, i) => quarterOf(monthStart(osloToday(), -3 * (i + 1))));

/** "2027-01-01" → "1. januar 2027" in the chosen language. */
export const formatDay = (iso: string, localeTag: string) =>
  new Date(`${iso}T12:00:00`).toLocaleDateString(localeTag, { day: 'numeric', month: 'long', year: 'numeric' });
