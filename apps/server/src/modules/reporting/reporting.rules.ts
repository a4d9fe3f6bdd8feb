/**
 * The register's pure rules: who is on which side of a decision, what a proposal must say, and
 * the hours named, saved and left.
 */
export type Outcome = 'keep' | 'simplify' | 'derive' | 'remove';
export type Side = 'team' | 'leadership';

/** Team members are the team's side; leaders and administrators the leadership's (citizens never reach the register: the gate). */
export const sideOf = (role: 'member' | 'leader' | 'admin' | 'citizen'): Side =>
  role === 'member' ? 'team' : 'leadership';

/**
 * The hours per month an item still costs after the outcome: nothing when removed or derived
 * automatically, all of it when kept, and the estimate given when simplified (which must be
 * below what it costs now, or it is not a simplification). A problem names the field.
 */
export function hoursAfterFor(
  outcome: Outcome,
  hoursNow: number,
  given: number | undefined,
): { hours: number } | { field: string; message: string } {
  if (outcome === 'remove' || outcome === 'derive') return { hours: 0 };
  if (outcome === 'keep') return { hours: hoursNow };
  if (given === undefined) return { field: 'hoursAfter', message: 'Say how many hours a month it costs simplified' };
  if (given >= hoursNow && hoursNow > 0)
    return { field: 'hoursAfter', message: 'A simplification costs fewer hours than today' };
  return { hours: given };
}

export interface ItemHours {
  status: 'open' | 'proposed' | 'decided';
  hoursNow: number;
  hoursAfter: number | null;
}

/** Named: what every item costs today. Saved: what decided items no longer cost. Left: the rest. */
export function registerTotals(items: ItemHours[]) {
  let named = 0;
  let saved = 0;
  for (const item of items) {
    named += item.hoursNow;
    if (item.status === 'decided' && item.hoursAfter !== null) saved += Math.max(0, item.hoursNow - item.hoursAfter);
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return { hoursNamed: round(named), hoursSaved: round(saved), hoursLeft: round(named - saved) };
}
