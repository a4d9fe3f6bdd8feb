import type { IncidentState } from '@tillit/contracts';

/** The one way an incident moves: reported → reviewed (at the board meeting) → closed (what we learned). */
export function nextState(state: IncidentState): IncidentState | null {
  if (state === 'reported') return 'reviewed';
  if (state === 'reviewed') return 'closed';
  return null;
}
