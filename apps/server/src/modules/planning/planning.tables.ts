import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { visits } from '../care/care.tables.ts';
import { staff, teams } from '../organisation/organisation.tables.ts';
import { nextOfKin, recipients } from '../recipients/recipients.tables.ts';

export const shiftKindEnum = pgEnum('shift_kind', ['day', 'evening', 'night']);

/**
 * Turnus: a recurring shift pattern of one helper in one team ("day shift Monday–Friday",
 * "every third weekend, day"). Several entries make a helper's rota; they may not overlap.
 * A split shift is two entries on the same days; a night shift ends past midnight
 * (`end_minute` above 1440: 22:00–07:00 is 1320–1860) and belongs to the day it starts.
 */
export const rotaEntries = pgTable(
  'rota_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    kind: shiftKindEnum('kind').notNull(),
    /** ISO weekdays 1 (Monday) … 7 (Sunday). */
    weekdays: smallint('weekdays').array().notNull(),
    /** 1 = every week, 3 = every third week (weekend rotation). */
    everyWeeks: smallint('every_weeks').notNull().default(1),
    /** Which week of the cycle: weeks counted from Monday 1970-01-05, mod everyWeeks (rota.ts). */
    weekOffset: smallint('week_offset').notNull().default(0),
    startMinute: smallint('start_minute').notNull(),
    endMinute: smallint('end_minute').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rota_entry_team_idx').on(t.teamId),
    check(
      'rota_entry_time',
      sql`${t.startMinute} >= 0 AND ${t.startMinute} < 1440 AND ${t.endMinute} > ${t.startMinute} AND ${t.endMinute} <= ${t.startMinute} + 1440`,
    ),
    check(
      'rota_entry_cycle',
      sql`${t.everyWeeks} BETWEEN 1 AND 4 AND ${t.weekOffset} >= 0 AND ${t.weekOffset} < ${t.everyWeeks}`,
    ),
  ],
);

export const absenceReasonEnum = pgEnum('absence_reason', ['sick', 'leave', 'course', 'other']);

/** Fravær: the helper has no shifts on these dates, whatever the rota says. */
export const absences = pgTable(
  'absence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    reason: absenceReasonEnum('reason').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('absence_staff_idx').on(t.staffId, t.fromDate),
    check('absence_dates', sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

export const planRunKindEnum = pgEnum('plan_run_kind', ['period', 'sick_day']);
export const planRunStatusEnum = pgEnum('plan_run_status', [
  'queued',
  'running',
  'done',
  'failed',
  'published',
  'discarded',
]);

/**
 * «Lag forslag»: one optimizer run over a team's period. The problem and solution are kept in
 * the shared formats (tillit-homecare/1, tillit-solution/1) so any plan can be checked
 * independently; publishing writes the solution to the visits.
 */
export const planRuns = pgTable(
  'plan_run',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    kind: planRunKindEnum('kind').notNull(),
    fromDate: date('from_date').notNull(),
    days: smallint('days').notNull(),
    status: planRunStatusEnum('status').notNull().default('queued'),
    timeLimitSeconds: smallint('time_limit_seconds').notNull(),
    /** «Kjør på nytt»: the proposal this run starts from (the optimizer's baseline), so a re-run changes little beyond the locks. */
    basedOn: uuid('based_on'),
    progress: jsonb('progress'),
    problem: jsonb('problem'),
    solution: jsonb('solution'),
    figures: jsonb('figures'),
    /** Why the run failed, for operators (server side only; never holds people's data). */
    error: text('error'),
    /** Why the run failed, as a code the page translates: `failed`, `not_queued`, `interrupted`. */
    errorCode: text('error_code'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('plan_run_team_idx').on(t.teamId, t.createdAt)],
);

/**
 * A lock the team sets before re-running: a visit kept with a named helper (which also
 * expresses "move this visit to her"), or a helper's whole day kept as it is.
 */
export const planLocks = pgTable(
  'plan_lock',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    visitId: uuid('visit_id').references(() => visits.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    /** Set for a helper-day lock; null for a visit lock. */
    date: date('date'),
    lockedBy: uuid('locked_by')
      .notNull()
      .references(() => users.id),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_lock_visit_unique').on(t.visitId),
    uniqueIndex('plan_lock_staff_day_unique').on(t.staffId, t.date),
    check('plan_lock_target', sql`(${t.visitId} IS NULL) <> (${t.date} IS NULL)`),
  ],
);

export const planChangeKindEnum = pgEnum('plan_change_kind', ['added', 'removed', 'retimed']);

/** A change to a published plan, shown to the helper it affects until they have seen it. */
export const planChanges = pgTable(
  'plan_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    runId: uuid('run_id').references(() => planRuns.id),
    kind: planChangeKindEnum('kind').notNull(),
    date: date('date').notNull(),
    plannedStart: smallint('planned_start'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp('seen_at', { withTimezone: true }),
  },
  (t) => [index('plan_change_staff_idx').on(t.staffId, t.seenAt)],
);

/**
 * «Hvem kommer?»: a link the team gives the person or one next of kin; it shows the coming
 * visits' times and the helpers' first names, nothing else, not even the person's name.
 * Stored as a SHA-256 of the token. It works only while it has not expired, the team that
 * made it still serves the person, and — for next of kin — the person's consent to share
 * with next of kin stands (and that next of kin is still registered).
 */
export const visitingLinks = pgTable(
  'visiting_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    /** The serving team that made the link; the link ends with that team's care relation. */
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    /** Null: for the person themself; else the next of kin it was given to. */
    nextOfKinId: uuid('next_of_kin_id').references(() => nextOfKin.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('visiting_link_recipient_idx').on(t.recipientId)],
);
