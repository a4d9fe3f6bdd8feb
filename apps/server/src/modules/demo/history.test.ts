import { addDays, MIN_GROUP, osloDate, osloNow, quarterOf } from '@tillit/contracts';
import { describe, expect, it } from 'vitest';
import { isClosed } from '../surveys/quarters.ts';
import { DEMO, generateDistrict, rng } from './generator.ts';
import { checkInMinute } from './history.visits.ts';

const now = new Date('2026-12-02T09:00:00Z');
const today = osloDate(now);
const d = generateDistrict(DEMO, 2016, { now });
const h = d.history!;

describe('the demo’s year of history', () => {
  it('is the same for the same seed and day, and moves with the day', () => {
    const again = generateDistrict(DEMO, 2016, { now });
    expect(again.history!.visits.slice(0, 50)).toEqual(h.visits.slice(0, 50));
    expect(again.history!.survey).toEqual(h.survey);
    const later = generateDistrict(DEMO, 2016, { now: new Date('2027-03-15T09:00:00Z') }).history!;
    expect(later.span.last).toBe('2027-03-14');
    expect(later.visits.every((v) => v.date >= '2026-03-14' && v.date <= '2027-03-14')).toBe(true);
  });

  it('covers the past year up to yesterday, with the plans and care relations older than it', () => {
    expect(h.span).toMatchObject({ first: addDays(today, -365), last: addDays(today, -1) });
    const dates = h.visits.map((v) => v.date).sort();
    expect(dates[0]).toBe(h.span.first);
    expect(dates[dates.length - 1]).toBe(h.span.last);
    expect(d.measures.every((m) => m.validFrom <= h.span.first)).toBe(true);
    expect(d.recipientTeams.every((rt) => rt.validFrom <= h.span.first)).toBe(true);
    expect(h.visits.length).toBeGreaterThan(90_000);
  });

  it('refers only to the district’s own rows (the loader skips the foreign-key checks for it)', () => {
    const teamOf = new Map(d.recipientTeams.map((rt) => [rt.recipientId, rt.teamId]));
    const members = new Set(d.memberships.map((m) => `${m.teamId}|${m.staffId}`));
    const measureOf = new Map(d.measures.map((m) => [m.id, m.recipientId]));
    const visitOf = new Map(h.visits.map((v) => [v.id, v.recipientId]));
    const users = new Set(d.users.map((u) => u.id));
    const wrong = [
      ...h.visits.filter(
        (v) =>
          !teamOf.has(v.recipientId) ||
          [v.staffId, v.secondStaffId].some((s) => s && !members.has(`${teamOf.get(v.recipientId)}|${s}`)),
      ),
      ...h.outcomes.filter((o) => measureOf.get(o.measureId) !== visitOf.get(o.visitId)),
      ...h.flags.filter((f) => visitOf.get(f.visitId) !== f.recipientId || !users.has(f.createdBy)),
    ];
    expect(wrong).toEqual([]);
    expect(new Set(h.decisions.map((x) => x.recipientId)).size).toBe(d.recipients.length);
  });

  it('has realistic punctuality: most check-ins inside the agreed window, the rest mostly late', () => {
    const started = h.visits.filter((v) => v.checkedInAt);
    const minute = (at: Date) => osloNow(at).nowMinute;
    const sample = started.filter((_, i) => i % 50 === 0);
    const inside = sample.filter((v) => {
      const m = minute(v.checkedInAt!);
      return m >= v.windowStart && m <= v.windowEnd;
    }).length;
    expect(inside / sample.length).toBeGreaterThan(0.75);
    expect(inside / sample.length).toBeLessThan(0.97);
    expect(started.length / h.visits.length).toBeGreaterThan(0.8); // the rest documented without a check-in, or cancelled
    const r = rng(1);
    const draws = Array.from({ length: 2000 }, () => checkInMinute(r, 480, 510, 0.5)).filter((m) => m < 480 || m > 510);
    expect(draws.filter((m) => m > 510).length).toBeGreaterThan(draws.filter((m) => m < 480).length);
  });

  it('has survey and pulse answers only in closed quarters, at least five per team and quarter', () => {
    const quarters = [...new Set(h.survey.map((a) => a.quarter))].sort();
    expect(quarters).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3']);
    for (const q of quarters) expect(isClosed(q, now)).toBe(true);
    expect(quarters).not.toContain(quarterOf(today));
    for (const q of quarters)
      for (const team of d.teams) {
        expect(h.survey.filter((a) => a.quarter === q && a.teamId === team.id).length).toBeGreaterThanOrEqual(
          MIN_GROUP,
        );
        expect(h.pulse.filter((a) => a.quarter === q && a.teamId === team.id).length).toBeGreaterThanOrEqual(MIN_GROUP);
      }
    // One pulse answer per person and quarter, like the receipts.
    expect(new Set(h.pulse.map((a) => `${a.userId}|${a.quarter}`)).size).toBe(h.pulse.length);
  });
});

describe('the demo’s functional assessments', () => {
  it('gives everyone a first assessment by a staff member, all 17 scores, and leaves some changes unanswered', () => {
    const staff = new Set(d.staff.map((s) => s.id));
    const flagOf = new Map(h.flags.map((f) => [f.id, f.recipientId]));
    expect(new Set(h.assessments.filter((a) => a.reason === 'first').map((a) => a.recipientId)).size).toBe(
      d.recipients.length,
    );
    expect(h.assessments.filter((a) => !staff.has(a.assessedBy))).toEqual([]);
    expect(
      h.assessments.filter((a) => a.conditionChangeId && flagOf.get(a.conditionChangeId) !== a.recipientId),
    ).toEqual([]);
    expect(h.assessmentScores.length).toBe(17 * h.assessments.length);
    expect(h.assessments.every((a) => a.assessedOn < today)).toBe(true);
    // A change in condition newer than the person's latest assessment: the record asks for a new one.
    const latest = new Map<string, number>();
    for (const a of h.assessments)
      latest.set(a.recipientId, Math.max(latest.get(a.recipientId) ?? 0, a.createdAt.getTime()));
    const prompted = new Set(
      h.flags.filter((f) => f.createdAt.getTime() > latest.get(f.recipientId)!).map((f) => f.recipientId),
    );
    expect(prompted.size).toBeGreaterThan(5);
    expect(prompted.size).toBeLessThan(d.recipients.length / 2);
  });
});
