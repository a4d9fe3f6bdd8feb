import type { VisitDose, VisitDoses } from '@tillit/contracts';
import { prefixList } from './medicines.sql.ts';
import { isHighRisk, timesInWindow } from './medicines.rules.ts';

export interface MedRow {
  id: string;
  drugName: string;
  strength: string;
  dose: string;
  form: string;
  route: string;
  times: number[];
  asNeeded: boolean;
  maxPer24h: number | null;
  atcCode: string | null;
  highRisk: boolean;
}
export interface AdminRow {
  id: string;
  medicationId: string;
  minute: number | null;
  status: VisitDose['status'];
  notGivenReason: VisitDose['notGivenReason'];
  givenBy: string | null;
  secondBy: string | null;
  needsSecond: boolean;
}
export interface VisitData {
  recipientId: string;
  date: string;
  windowStart: number;
  windowEnd: number;
  status: string;
  meds: MedRow[];
  recorded: AdminRow[];
  prnCounts: Record<string, number>;
  prefixes: unknown;
}

/** The doses a visit holds: each scheduled time in its window, with what was recorded for it. */
export function dosesOfVisit(visitId: string, d: VisitData): VisitDoses {
  const prefixes = prefixList(d.prefixes);
  const doses: VisitDose[] = [];
  for (const m of d.meds.filter((x) => !x.asNeeded)) {
    const highRisk = isHighRisk(m.atcCode, m.highRisk, prefixes);
    for (const time of timesInWindow(m.times, d.windowStart, d.windowEnd)) {
      const a = d.recorded.find((x) => x.medicationId === m.id && x.minute === time);
      doses.push({
        medicationId: m.id,
        drugName: m.drugName,
        strength: m.strength,
        dose: m.dose,
        form: m.form,
        route: m.route,
        time,
        highRisk,
        administrationId: a?.id ?? null,
        status: a?.status ?? null,
        notGivenReason: a?.notGivenReason ?? null,
        givenBy: a?.givenBy ?? null,
        secondSignedBy: a?.secondBy ?? null,
        awaitingSecond: Boolean(a?.needsSecond && !a.secondBy),
      });
    }
  }
  doses.sort((a, b) => a.time - b.time || a.drugName.localeCompare(b.drugName));
  const asNeeded = d.meds
    .filter((m) => m.asNeeded)
    .map((m) => ({
      medicationId: m.id,
      drugName: m.drugName,
      strength: m.strength,
      dose: m.dose,
      maxPer24h: m.maxPer24h ?? 0,
      givenLast24h: Number(d.prnCounts[m.id] ?? 0),
    }));
  return { visitId, recipientId: d.recipientId, date: d.date, doses, asNeeded };
}
