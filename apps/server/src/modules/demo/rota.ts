/**
 * Demo turnus for each team: most carers on day shifts (07:30–15:00), the rest on evening
 * shifts (15:00–22:00), every other weekend in two alternating groups; one in four part-time
 * with a weekend position (Tuesday–Thursday and every weekend); therapists on weekdays only;
 * the peak helpers (peak.ts) every weekend by day or evening, mornings 07:30–13:00 (weekdays or weekends), or weekday evenings.
 * Deterministic.
 */
import type { RotaPattern } from '@tillit/contracts';

/** A demo staff member's profession (the generator draws them; the turnus depends on them). */
export type Profession =
  | 'sykepleier'
  | 'helsefagarbeider'
  | 'assistent'
  | 'ergoterapeut'
  | 'fysioterapeut'
  | 'saksbehandler'
  | 'leder';

export type DemoRotaEntry = Omit<RotaPattern, 'id' | 'validUntil' | 'kind'> & {
  teamId: string;
  kind: 'day' | 'evening';
};

/** A peak helper's position (peak.ts): every weekend by day or evening, or weekday mornings. */
export type Position = 'weekend-day' | 'weekend-evening' | 'weekend-morning' | 'morning' | 'evening';

const DAY = { startMinute: 450, endMinute: 900 } as const;
/** The morning peak, shopping included (07:30–13:00). */
const MORNING = { startMinute: 450, endMinute: 780 } as const;
const EVENING = { startMinute: 900, endMinute: 1320 } as const;
const CARERS: Profession[] = ['sykepleier', 'helsefagarbeider', 'assistent'];

export function demoRota(
  teamStaff: Map<string, { id: string; profession: Profession }[]>,
  peak: Map<string, { id: string; position: Position }[]> = new Map(),
): DemoRotaEntry[] {
  const out: DemoRotaEntry[] = [];
  for (const [teamId, list] of peak)
    for (const s of list) {
      const base = { teamId, staffId: s.id, everyWeeks: 1, weekOffset: 0, validFrom: '2026-01-05' } as const;
      if (s.position === 'morning') out.push({ ...base, kind: 'day', weekdays: [1, 2, 3, 4, 5], ...MORNING });
      else if (s.position === 'evening') out.push({ ...base, kind: 'evening', weekdays: [1, 2, 3, 4, 5], ...EVENING });
      else if (s.position === 'weekend-morning') out.push({ ...base, kind: 'day', weekdays: [6, 7], ...MORNING });
      else if (s.position === 'weekend-day') out.push({ ...base, kind: 'day', weekdays: [6, 7], ...DAY });
      else out.push({ ...base, kind: 'evening', weekdays: [6, 7], ...EVENING });
    }
  for (const [teamId, list] of teamStaff) {
    const carers = list.filter((s) => CARERS.includes(s.profession));
    carers.forEach((s, i) => {
      // Three in five on days, two in five on evenings; alternate weekends in two groups.
      const kind = i % 5 < 3 ? 'day' : 'evening';
      const hours = kind === 'day' ? DAY : EVENING;
      const base = { teamId, staffId: s.id, kind, validFrom: '2026-01-05', ...hours } as const;
      if (i % 4 === 3) {
        // Part-time with a weekend position (helgestilling): Tuesday–Thursday and every weekend.
        out.push({ ...base, weekdays: [2, 3, 4, 6, 7], everyWeeks: 1, weekOffset: 0 });
      } else {
        out.push({ ...base, weekdays: [1, 2, 3, 4, 5], everyWeeks: 1, weekOffset: 0 });
        out.push({ ...base, weekdays: [6, 7], everyWeeks: 2, weekOffset: i % 2 });
      }
    });
    for (const s of list.filter((x) => x.profession === 'ergoterapeut' || x.profession === 'fysioterapeut')) {
      out.push({
        teamId,
        staffId: s.id,
        kind: 'day',
        weekdays: [1, 2, 3, 4, 5],
        everyWeeks: 1,
        weekOffset: 0,
        validFrom: '2026-01-05',
        startMinute: 480,
        endMinute: 930,
      });
    }
  }
  return out;
}
