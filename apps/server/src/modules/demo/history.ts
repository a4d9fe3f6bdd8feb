/**
 * «A demo with a past»: the demo district as it stands after a year of use, relative to the
 * clock's today (Europe/Oslo), so it is always the past year. Pure and seeded: the same seed and
 * day give the same history. Each part draws from its own random stream, so the district itself
 * (people, staff, plans) stays what it is without a history.
 */
import { generateAssessments } from './history.assessments.ts';
import { osloDate, quarterOf } from '@tillit/contracts';
import { rng } from './random.ts';
import { generateCareHistory, generateDecisions } from './history.care.ts';
import { historySpan } from './history.calendar.ts';
import { pastPulseAnswers, pastSurveyAnswers } from './history.surveys.ts';
import { generateVisitHistory, type HistoryVisit } from './history.visits.ts';
import type { DemoRotaEntry } from './rota.ts';

/** What the history needs of the district (generator.ts). */
export interface DistrictBase {
  district: { id: string };
  teams: { id: string }[];
  staff: { id: string; profession: string }[];
  memberships: { teamId: string; staffId: string }[];
  competences: { staffId: string; competenceCode: string; validFrom: string; validUntil: string | null }[];
  users: { id: string; role: string; staffId: string | null }[];
  recipients: { id: string; primaryContactStaffId: string | null }[];
  recipientTeams: { recipientId: string; teamId: string; validFrom: string }[];
  whatMatters: { recipientId: string; statement: string }[];
  measures: {
    id: string;
    recipientId: string;
    how: string;
    days: number[];
    windowStart: number;
    windowEnd: number;
    durationMinutes: number;
    requiredCompetence: string | null;
    twoHelpers: boolean;
    usualStaffId: string | null;
    validFrom: string;
  }[];
  rotaEntries: DemoRotaEntry[];
}

/** The closed quarters of the past year, oldest first (the quarter just ended may not have settled: the loader checks). */
export function pastQuarters(today: string): string[] {
  const quarters: string[] = [];
  for (let m = 12; m >= 3; m -= 3) {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - m, 1);
    quarters.push(quarterOf(d.toISOString().slice(0, 10)));
  }
  return quarters.filter((q) => q < quarterOf(today));
}

function teamsOf(d: DistrictBase) {
  const userOfStaff = new Map(d.users.filter((u) => u.staffId).map((u) => [u.staffId!, u.id]));
  const profession = new Map(d.staff.map((s) => [s.id, s.profession]));
  const members = (teamId: string) => d.memberships.filter((m) => m.teamId === teamId).map((m) => m.staffId);
  const nurses = new Map(d.teams.map((t) => [t.id, members(t.id).filter((s) => profession.get(s) === 'sykepleier')]));
  const teamOf = new Map(d.recipientTeams.map((rt) => [rt.recipientId, rt.teamId]));
  // The plan is changed by the person's primary contact, or else the team's first nurse.
  const plannerOf = new Map(
    d.recipients.map((p) => [p.id, userOfStaff.get(p.primaryContactStaffId ?? nurses.get(teamOf.get(p.id)!)![0])!]),
  );
  return { userOfStaff, members, nurses, teamOf, plannerOf };
}

/** A year of history for a generated district, up to yesterday of `now` (Oslo); the district's plans start before it. */
export function generateHistory(d: DistrictBase, seed: number, now: Date) {
  const today = osloDate(now);
  const span = historySpan(today);
  const { userOfStaff, members, nurses, teamOf, plannerOf } = teamsOf(d);
  const carerRota = new Set(d.rotaEntries.map((e) => e.staffId));
  const carers = new Map(
    d.teams.map((t) => [
      t.id,
      members(t.id)
        .filter((s) => carerRota.has(s))
        .map((id) => ({
          id,
          competences: d.competences.filter((c) => c.staffId === id).map((c) => ({ ...c, code: c.competenceCode })),
        })),
    ]),
  );
  const { visits, outcomes } = generateVisitHistory(rng(seed + 10), {
    first: span.first,
    last: span.last,
    teams: d.teams,
    measures: d.measures,
    recipientTeams: d.recipientTeams,
    carers,
    rota: d.rotaEntries,
  });
  const visitsByPerson = new Map<string, HistoryVisit[]>();
  for (const v of visits) {
    const list = visitsByPerson.get(v.recipientId);
    if (list) list.push(v);
    else visitsByPerson.set(v.recipientId, [v]);
  }
  const { flags, changes } = generateCareHistory(rng(seed + 11), {
    now,
    epoch: span.epoch,
    visitsByPerson,
    measures: d.measures,
    userOfStaff,
    plannerOf,
  });
  const statement = new Map(d.whatMatters.map((w) => [w.recipientId, w.statement]));
  const decisions = generateDecisions(rng(seed + 12), {
    epoch: span.epoch,
    people: d.recipients.map((p) => {
      const team = teamOf.get(p.id)!;
      const cosigner = nurses
        .get(team)!
        .map((s) => userOfStaff.get(s)!)
        .find((u) => u !== plannerOf.get(p.id))!;
      return { recipientId: p.id, teamId: team, statement: statement.get(p.id)!, cosigner };
    }),
    measures: d.measures,
    plannerOf,
  });
  const hoursOf = new Map<string, number>();
  for (const x of decisions) hoursOf.set(x.recipientId, (hoursOf.get(x.recipientId) ?? 0) + Number(x.hoursPerWeek));
  const { assessments, assessmentScores } = generateAssessments(rng(seed + 14), {
    epoch: span.epoch,
    today,
    people: d.recipients.map((p) => ({
      recipientId: p.id,
      assessorStaffId: p.primaryContactStaffId ?? nurses.get(teamOf.get(p.id)!)![0],
      hoursPerWeek: hoursOf.get(p.id) ?? 0,
    })),
    flags,
  });
  const quarters = pastQuarters(today);
  const r = rng(seed + 13);
  const survey = pastSurveyAnswers(
    r,
    quarters,
    d.teams.map((t) => ({
      id: t.id,
      people: d.recipientTeams.filter((rt) => rt.teamId === t.id).map((rt) => rt.recipientId),
      askers: members(t.id)
        .map((s) => userOfStaff.get(s)!)
        .filter(Boolean),
    })),
  );
  const leaders = d.users.filter((u) => u.role === 'leader').map((u) => u.id);
  const pulse = pastPulseAnswers(r, quarters, d.district.id, [
    ...d.teams.map((t) => ({
      teamId: t.id,
      users: members(t.id)
        .map((s) => userOfStaff.get(s)!)
        .filter(Boolean),
    })),
    { teamId: null, users: leaders },
  ]);
  return { now, span, visits, outcomes, flags, changes, decisions, assessments, assessmentScores, survey, pulse };
}

export type History = ReturnType<typeof generateHistory>;
