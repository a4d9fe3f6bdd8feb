import type { HandoverKind } from '@tillit/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { validOn } from '../../time/sql.ts';
import { dosesNotGiven } from '../medicines/index.ts';

/** What a source is asked: one team's shift, as instants and as its Oslo date. */
export interface SourceWindow {
  teamId: string;
  from: Date;
  to: Date;
  date: string;
}

/** One thing the next shift should know, before the reader's own «Lest» is added. */
export interface SourceItem {
  kind: HandoverKind;
  key: string;
  recipientId: string;
  person: string;
  at: string;
  text: string;
  by: string | null;
}

export type HandoverSource = (db: DbOrTx, w: SourceWindow) => Promise<SourceItem[]>;

const person = sql`r.given_name || ' ' || r.family_name`;
/** The people the team serves on the shift's date: only they come into its handover. */
const served = (w: SourceWindow) =>
  sql`(SELECT rt.recipient_id FROM recipient_team rt WHERE rt.team_id = ${w.teamId} AND ${validOn('rt', w.date)})`;
const within = (column: SQL, w: SourceWindow) =>
  sql`${column} >= ${w.from.toISOString()}::timestamptz AND ${column} < ${w.to.toISOString()}::timestamptz`;
/** A visit's agreed start as an instant (its date and minute are on Oslo's clock). */
const visitStart = sql`((v.date + v.window_start * interval '1 minute') AT TIME ZONE 'Europe/Oslo')`;

const select = async (db: DbOrTx, query: SQL) =>
  rowsOf<SourceItem>(await db.execute(query)).map((i) => ({ ...i, at: new Date(i.at).toISOString() }));

/** Changes in condition flagged during the shift (care: condition_change). */
const conditionChanges: HandoverSource = (db, w) =>
  select(
    db,
    sql`SELECT 'condition_change' AS kind, c.id::text AS key, r.id AS "recipientId", ${person} AS person,
               to_json(c.created_at) #>> '{}' AS at, c.text, u.display_name AS by
          FROM condition_change c JOIN recipient r ON r.id = c.recipient_id JOIN user_account u ON u.id = c.created_by
         WHERE ${within(sql`c.created_at`, w)} AND c.recipient_id IN ${served(w)}`,
  );

/** Measures documented as not done during the shift, with the reason given. */
const measuresNotDone: HandoverSource = (db, w) =>
  select(
    db,
    sql`SELECT 'measure_not_done' AS kind, v.id::text || ':' || m.id::text AS key, r.id AS "recipientId", ${person} AS person,
               to_json(v.checked_out_at) #>> '{}' AS at, m.title || ': ' || COALESCE(vm.reason, '') AS text, NULL AS by
          FROM visit_measure vm JOIN visit v ON v.id = vm.visit_id JOIN measure m ON m.id = vm.measure_id
          JOIN recipient r ON r.id = v.recipient_id
         WHERE vm.outcome = 'not_done' AND ${within(sql`v.checked_out_at`, w)} AND v.recipient_id IN ${served(w)}`,
  );

/** Visits of the shift that were cancelled (so nobody came). */
const visitsCancelled: HandoverSource = (db, w) =>
  select(
    db,
    sql`SELECT 'visit_cancelled' AS kind, v.id::text AS key, r.id AS "recipientId", ${person} AS person,
               to_json(${visitStart}) #>> '{}' AS at,
               COALESCE((SELECT string_agg(m.title, ', ' ORDER BY m.title) FROM visit_measure vm JOIN measure m ON m.id = vm.measure_id
                          WHERE vm.visit_id = v.id), '') AS text, NULL AS by
          FROM visit v JOIN recipient r ON r.id = v.recipient_id
         WHERE v.status = 'cancelled' AND ${within(visitStart, w)} AND v.recipient_id IN ${served(w)}`,
  );

/** People the team started serving on the shift's date. */
const newPeople: HandoverSource = (db, w) =>
  select(
    db,
    sql`SELECT 'new_person' AS kind, rt.id::text AS key, r.id AS "recipientId", ${person} AS person,
               to_json(${w.from.toISOString()}::timestamptz) #>> '{}' AS at, r.address_line AS text, NULL AS by
          FROM recipient_team rt JOIN recipient r ON r.id = rt.recipient_id
         WHERE rt.team_id = ${w.teamId} AND rt.valid_from = ${w.date}::date`,
  );

/** Visit notes the helper marked «til rapport», written during the shift. */
const notesForHandover: HandoverSource = (db, w) =>
  select(
    db,
    sql`SELECT 'note' AS kind, v.id::text AS key, r.id AS "recipientId", ${person} AS person,
               to_json(v.checked_out_at) #>> '{}' AS at, v.note AS text, NULL AS by
          FROM visit v JOIN recipient r ON r.id = v.recipient_id
         WHERE v.note_for_handover AND v.note IS NOT NULL AND ${within(sql`v.checked_out_at`, w)}
           AND v.recipient_id IN ${served(w)}`,
  );

/**
 * Doses of the shift that were refused, not given or missed (the medicines module decides which;
 * it names no person, so the names are read here, for the people the team serves on the date).
 * A missed dose has no row of its own: its key is the medication's planned moment.
 */
const dosesNotGivenInShift: HandoverSource = async (db, w) => {
  const doses = await dosesNotGiven(db, { teamId: w.teamId, from: w.from, to: w.to });
  if (doses.length === 0) return [];
  const ids = [...new Set(doses.map((d) => d.recipientId))];
  const names = new Map(
    rowsOf<{ id: string; person: string }>(
      await db.execute(sql`SELECT r.id, ${person} AS person FROM recipient r
                            WHERE r.id IN ${served(w)} AND r.id IN (${sql.join(
                              ids.map((id) => sql`${id}::uuid`),
                              sql`, `,
                            )})`),
    ).map((r) => [r.id, r.person]),
  );
  return doses
    .filter((d) => names.has(d.recipientId))
    .map((d) => ({
      kind: 'dose_not_given' as const,
      key: d.administrationId ?? `${d.recipientId}:${d.drugName}:${d.plannedAt}`,
      recipientId: d.recipientId,
      person: names.get(d.recipientId)!,
      at: d.plannedAt,
      text: d.reason ? `${d.drugName}: ${d.status} (${d.reason})` : `${d.drugName}: ${d.status}`,
      by: null,
    }));
};

/**
 * Every source of the handover, in one list: a new source (doses not given, from the medicines
 * module) is one more entry here and one more kind in contracts/handover.ts.
 */
export const HANDOVER_SOURCES: HandoverSource[] = [
  conditionChanges,
  measuresNotDone,
  visitsCancelled,
  newPeople,
  notesForHandover,
  dosesNotGivenInShift,
];
