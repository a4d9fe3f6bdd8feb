import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { competenceTypes, staff } from '../organisation/organisation.tables.ts';
import { recipients } from '../recipients/recipients.tables.ts';

/**
 * «Hva er viktig for deg?» — a statement in the person's own words. The record opens on
 * these. FHIR: Goal.description / Observation of preferences (kept verbatim).
 */
export const whatMatters = pgTable(
  'what_matters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    statement: text('statement').notNull(),
    /** Who else was there when it was said (the person alone, a daughter, …). */
    present: text('present'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('what_matters_recipient_idx').on(t.recipientId)],
);

export const goalStatusEnum = pgEnum('goal_status', ['active', 'achieved', 'paused', 'ended']);

/** Mål, linked to what matters; reviewed on a date agreed with the person. FHIR: Goal. */
export const goals = pgTable(
  'goal',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    whatMattersId: uuid('what_matters_id').references(() => whatMatters.id),
    description: text('description').notNull(),
    reviewDate: date('review_date').notNull(),
    status: goalStatusEnum('status').notNull().default('active'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('goal_recipient_idx').on(t.recipientId)],
);

export const measureStatusEnum = pgEnum('measure_status', ['active', 'paused', 'ended']);

/**
 * Tiltak: a planned piece of help with its agreed days and time window. Linked to a goal or
 * to a documented professional need (DESIGN principle 1). FHIR: CarePlan.activity.
 */
export const measures = pgTable(
  'measure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').references(() => goals.id),
    professionalNeed: text('professional_need'),
    title: text('title').notNull(),
    how: text('how').notNull().default(''),
    /** ISO weekdays 1 (Monday) … 7 (Sunday). */
    days: smallint('days').array().notNull(),
    /** 1 = every week, 2 = every other week, … counted from validFrom's week. */
    everyWeeks: smallint('every_weeks').notNull().default(1),
    /** The agreed window: minutes after midnight ("kommer mellom 08:00 og 08:30"). */
    windowStart: smallint('window_start').notNull(),
    windowEnd: smallint('window_end').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    requiredCompetence: text('required_competence').references(() => competenceTypes.code),
    twoHelpers: boolean('two_helpers').notNull().default(false),
    usualStaffId: uuid('usual_staff_id').references(() => staff.id),
    validFrom: date('valid_from').notNull().default(sql`current_date`),
    status: measureStatusEnum('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('measure_recipient_idx').on(t.recipientId),
    check('measure_reason', sql`${t.goalId} IS NOT NULL OR ${t.professionalNeed} IS NOT NULL`),
    check('measure_window', sql`${t.windowEnd} > ${t.windowStart}`),
  ],
);

/** Every version of a measure: who, when, why, and whether it was decided with the person. */
export const measureVersions = pgTable(
  'measure_version',
  {
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason').notNull(),
    decidedWithPerson: boolean('decided_with_person').notNull(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.version] })],
);

export const visitStatusEnum = pgEnum('visit_status', ['planned', 'started', 'done', 'cancelled']);

/** One planned or performed visit. FHIR: Encounter. */
export const visits = pgTable(
  'visit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    windowStart: smallint('window_start').notNull(),
    windowEnd: smallint('window_end').notNull(),
    staffId: uuid('staff_id').references(() => staff.id),
    secondStaffId: uuid('second_staff_id').references(() => staff.id),
    /** Planned start (minutes after midnight) set when a plan is published; null = only the window. */
    plannedStart: smallint('planned_start'),
    /** True once a published plan covers the visit: later changes are then shown to the helpers. */
    published: boolean('published').notNull().default(false),
    status: visitStatusEnum('status').notNull().default('planned'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
    /**
     * The check-in as a minute of the Norwegian clock, computed once when written (the trust
     * indicators compare it with the agreed window for hundreds of thousands of visits).
     */
    checkInMinute: smallint('check_in_minute').generatedAlwaysAs(
      sql`((extract(epoch FROM (checked_in_at AT TIME ZONE 'Europe/Oslo')::time) / 60)::int)::smallint`,
    ),
    note: text('note'),
    /** The helper marked the note «til rapport»: the next shift's handover shows it (modules/handover). */
    noteForHandover: boolean('note_for_handover').notNull().default(false),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('visit_staff_date_idx').on(t.staffId, t.date),
    index('visit_recipient_date_idx').on(t.recipientId, t.date),
    // One planned visit per person, day and agreed window: measures of the same window share it,
    // and generations racing on PostgreSQL cannot both make it (visits.generate.ts).
    uniqueIndex('visit_planned_slot_idx')
      .on(t.recipientId, t.date, t.windowStart, t.windowEnd)
      .where(sql`status = 'planned'`),
  ],
);

export const measureOutcomeEnum = pgEnum('measure_outcome', ['done', 'not_done', 'changed']);

/** The measures a visit is for, and what happened to each. */
export const visitMeasures = pgTable(
  'visit_measure',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    outcome: measureOutcomeEnum('outcome'),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.measureId] }), index('visit_measure_measure_idx').on(t.measureId)],
);

export const observationKindEnum = pgEnum('observation_kind', [
  'blood_pressure',
  'pulse',
  'temperature',
  'weight',
  'spo2',
  'respiratory_rate',
  'news2',
]);

/** Vital signs and measurements with UCUM units. FHIR: Observation. */
export const observations = pgTable(
  'observation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id').references(() => visits.id),
    kind: observationKindEnum('kind').notNull(),
    value: doublePrecision('value').notNull(),
    /** Diastolic pressure for blood_pressure. */
    value2: doublePrecision('value2'),
    unit: text('unit').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('observation_recipient_idx').on(t.recipientId, t.recordedAt)],
);

/** «Endring i tilstand»: a flag the team must act on; shown on the team board until closed. */
export const conditionChanges = pgTable(
  'condition_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id').references(() => visits.id),
    text: text('text').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    takenBy: uuid('taken_by').references(() => users.id),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closingNote: text('closing_note'),
  },
  (t) => [index('condition_change_open_idx').on(t.recipientId, t.closedAt)],
);

/**
 * Samvalg: a decision made with the person at the visit — the question, the options
 * discussed, what they chose and why — and the plan change it made, applied at once.
 */
export const sharedDecisions = pgTable(
  'shared_decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id').references(() => visits.id),
    question: text('question').notNull(),
    options: jsonb('options').$type<string[]>().notNull(),
    chosen: text('chosen').notNull(),
    why: text('why').notNull(),
    /** What it changed: { action: 'pause' | 'window' | 'add', measureId?, ... }. */
    planChange: jsonb('plan_change').$type<Record<string, unknown>>().notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('shared_decision_recipient_idx').on(t.recipientId)],
);
