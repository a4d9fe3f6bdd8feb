import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { RequestWaitRow } from './requests.indicators.ts';

const uuids = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * Each team's service requests that had arrived by `end` (an Oslo date), with the decision
 * answering them and the first visit after it, as Oslo dates (sessions run on Oslo's clock, so a
 * timestamp cast to a date is the Norwegian day). Reads the requests, decisions and care read models.
 */
export async function loadRequestWaits(db: Db, teamIds: string[], end: string) {
  const rows = rowsOf<RequestWaitRow & { teamId: string }>(
    await db.execute(sql`SELECT w.team_id AS "teamId", w.arrived::text AS "arrivedOn", w.decision_id AS "decisionId",
        w.decided::text AS "decidedOn", w.start::text AS "startOn",
        (SELECT min(v.date) FROM visit v WHERE v.recipient_id = w.recipient_id AND v.status = 'done' AND v.date >= w.start)::text AS "firstVisitOn"
      FROM (SELECT sr.team_id, sr.arrived_at::date AS arrived, sd.id AS decision_id, sd.recipient_id, d.decided,
                   -- GREATEST skips NULLs: a decision not yet in force has no start at all.
                   CASE WHEN d.decided IS NULL THEN NULL ELSE GREATEST(d.decided, sd.valid_from) END AS start
              FROM service_request sr
              LEFT JOIN service_decision sd ON sd.id = sr.decision_id
              LEFT JOIN LATERAL (SELECT CASE WHEN sd.status = 'awaiting_cosign' THEN NULL
                                             ELSE COALESCE(sd.cosigned_at, sd.decided_at)::date END AS decided) d ON true
             WHERE sr.team_id = ANY(${uuids(teamIds)}::uuid[]) AND sr.arrived_at::date <= ${end}::date) w`),
  );
  const byTeam = new Map<string, RequestWaitRow[]>(teamIds.map((id) => [id, []]));
  for (const { teamId, ...row } of rows) byTeam.get(teamId)!.push(row);
  return byTeam;
}
