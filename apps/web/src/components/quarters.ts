import { monthStart, osloToday, quarterOf } from '@tillit/contracts';

/**
 * The last `n` quarters that are over, newest first (Oslo's calendar): results are only ever
 * shown for a quarter that is over (the server says so for one still running).
 */
export const closedQuarters = (n: number) =>
  Array.from({ length: n }, (_, i) => quarterOf(monthStart(osloToday(), -3 * (i + 1))));
