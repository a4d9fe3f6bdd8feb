import { addDays, type StaffingWeek } from '@tillit/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { teamForActor } from '../access/index.ts';
import { datesInRange } from '../care/index.ts';
import { loadPlanningData, shiftsOn } from '../planning/index.ts';
import { type Cell, smallestChange, staffingWeek, weekdayOf } from './staffing.rules.ts';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const asHours = <T extends Cell>({ neededMinutes, staffedMinutes, ...rest }: T) => ({
  ...rest,
  neededHours: hours(neededMinutes),
  staffedHours: hours(staffedMinutes),
});

/**
 * A team's staffing week, for the team, the leaders of its district and administrators
 * (team-level figures: teamForActor refuses others and logs it). It reads the planning data the
 * planner reads, so the hours needed are the visits the plans will hold.
 */
export async function teamStaffingWeek(db: Db, actor: Actor, teamId: string, from?: string): Promise<StaffingWeek> {
  await teamForActor(db, actor, teamId, 'team.staffing');
  const monday = from ?? addDays(actor.today, 1 - weekdayOf(actor.today));
  const dates = datesInRange(monday, 7);
  const data = await loadPlanningData(db, teamId, monday, 7, { today: actor.today, nowMinute: 0 });
  const staff = data.staff.map((s) => ({
    competences: s.competences,
    shiftsOn: (date: string) => shiftsOn(s.rota, s.absences, date),
  }));
  const visits = data.visits
    .filter((v) => v.status !== 'cancelled')
    .map((v) => ({
      date: v.date,
      windowStart: v.windowStart,
      duration: v.duration,
      competences: v.competences,
      twoHelpers: v.twoHelpers,
      unstaffed: v.status === 'planned' && (!v.staffId || (v.twoHelpers && !v.secondStaffId)),
    }));
  const week = staffingWeek(dates, staff, visits);
  const change = smallestChange(visits.filter((v) => v.unstaffed));
  return {
    teamId,
    from: monday,
    to: dates[6],
    cells: week.cells.map(asHours),
    competences: week.competenceCells.map(asHours),
    gaps: week.gaps.map(asHours),
    unstaffed: {
      visits: change.of,
      suggestions: change.suggestions,
    },
  };
}
