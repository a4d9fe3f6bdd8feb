/**
 * Functional assessments (IPLOS) for the demo history: each person's first assessment when the
 * history starts, a new one after most changes in condition the team has closed (reason
 * `condition_change`, the day after), and none yet after the open ones, so the record shows
 * «Ny funksjonsvurdering?» for those people. The need of help follows the decided hours loosely,
 * so the equal-treatment figure has something to show.
 */
import { addDays, assessmentItems, osloDate } from '@tillit/contracts';
import { dayClock } from './history.calendar.ts';
import type { rng } from './random.ts';

type Rng = ReturnType<typeof rng>;

export interface AssessmentInput {
  epoch: string;
  today: string;
  people: { recipientId: string; assessorStaffId: string; hoursPerWeek: number }[];
  flags: { id: string; recipientId: string; createdAt: Date; closedAt: Date | null }[];
}

function scores(r: Rng, need: number) {
  const order = [...assessmentItems].sort(() => r.next() - 0.5);
  return new Map(order.map((item, i) => [item, i < need ? r.int(3, 5) : r.next() < 0.05 ? 9 : r.int(1, 2)]));
}

export function generateAssessments(r: Rng, input: AssessmentInput) {
  const assessments: {
    id: string;
    recipientId: string;
    assessedOn: string;
    assessedBy: string;
    withPerson: boolean;
    reason: string;
    note: string | null;
    conditionChangeId: string | null;
    createdAt: Date;
  }[] = [];
  const assessmentScores: { assessmentId: string; item: string; score: number }[] = [];
  const flagsOf = new Map<string, AssessmentInput['flags']>();
  for (const f of input.flags) flagsOf.set(f.recipientId, [...(flagsOf.get(f.recipientId) ?? []), f]);
  for (const p of input.people) {
    let need = Math.max(0, Math.min(15, Math.round(p.hoursPerWeek * 1.3 + r.int(-2, 2))));
    const add = (assessedOn: string, createdAt: Date, reason: string, conditionChangeId: string | null) => {
      const id = r.uuid();
      const withPerson = r.next() < 0.9;
      assessments.push({
        id,
        recipientId: p.recipientId,
        assessedOn,
        assessedBy: p.assessorStaffId,
        withPerson,
        reason,
        note: withPerson ? null : 'Personen var for sliten i dag; vurdert med datteren til stede.',
        conditionChangeId,
        createdAt,
      });
      for (const [item, score] of scores(r, need)) assessmentScores.push({ assessmentId: id, item, score });
    };
    add(input.epoch, dayClock(input.epoch)(600), 'first', null);
    const flags = (flagsOf.get(p.recipientId) ?? []).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    for (const f of flags) {
      if (!f.closedAt || r.next() < 0.3) continue;
      need = Math.min(17, need + r.int(0, 2));
      const on = addDays(osloDate(f.createdAt), 1);
      if (on >= input.today) continue;
      add(on, dayClock(on)(660), 'condition_change', f.id);
    }
  }
  return { assessments, assessmentScores };
}
