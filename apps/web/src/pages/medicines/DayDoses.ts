import { api } from '../../api.ts';
import { useApi } from '../../components/useApi.ts';

export interface DayDose {
  visitId: string;
  planned: number;
  recorded: number;
}

/** «Min dag»: how many doses each of my visits on `date` holds, and how many are recorded. */
export function useDayDoses(date: string) {
  const { data, reload } = useApi<DayDose[]>(`/api/me/doses?date=${date}`);
  const byVisit = new Map((data ?? []).map((d) => [d.visitId, d]));
  return { byVisit, reload };
}

/**
 * «Alt utført som planlagt» on a visit with doses gives its open doses as planned first (signed by
 * the helper, who needs a valid delegation); only then is the visit completed, so a refused dose
 * stops the confirmation with its message instead of a visit done with doses left open.
 */
export async function giveOpenDoses(visitId: string, dose: DayDose | undefined) {
  if (dose && dose.recorded < dose.planned) await api('POST', `/api/visits/${visitId}/doses`, { allAsPlanned: true });
}
