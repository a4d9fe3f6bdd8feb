// The enums' values are the contract's lists (one list each, shared with the API's validation).
import { dispensings, dosageForms, doseStatuses, medicationSources, notGivenReasons, routes } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { visits } from '../care/care.tables.ts';
import { municipalities, staff } from '../organisation/organisation.tables.ts';
import { recipients } from '../recipients/recipients.tables.ts';

export const dosageFormEnum = pgEnum('dosage_form', dosageForms);
export const drugRouteEnum = pgEnum('drug_route', routes);
export const dispensingEnum = pgEnum('dispensing', dispensings);
export const medicationSourceEnum = pgEnum('medication_source', medicationSources);

/**
 * One drug on the person's medication list (legemiddelliste). The GP prescribes; the team keeps
 * the list as the prescriber's letter, a discharge summary or the pharmacy says. FHIR:
 * MedicationRequest (dosageInstruction.timing from `times`, asNeeded + maxDosePerPeriod).
 */
export const medications = pgTable(
  'medication',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    drugName: text('drug_name').notNull(),
    form: dosageFormEnum('form').notNull(),
    strength: text('strength').notNull(),
    dose: text('dose').notNull(),
    /** Minutes after midnight (Oslo) the dose is given; empty for as-needed medicines. */
    times: smallint('times').array().notNull(),
    route: drugRouteEnum('route').notNull(),
    indication: text('indication').notNull(),
    prescriber: text('prescriber').notNull(),
    /** Start and stop (last day given, inclusive): read with validOn. */
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    asNeeded: boolean('as_needed').notNull().default(false),
    maxPer24h: smallint('max_per_24h'),
    dispensing: dispensingEnum('dispensing').notNull(),
    /** ATC code, ready for the national drug catalogue (FEST). */
    atcCode: text('atc_code'),
    /** High-risk by the team's judgement, beyond the municipality's list. */
    highRisk: boolean('high_risk').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('medication_recipient_idx').on(t.recipientId),
    check('medication_period', sql`${t.validUntil} IS NULL OR ${t.validUntil} >= ${t.validFrom}`),
    check('medication_prn_max', sql`NOT ${t.asNeeded} OR ${t.maxPer24h} IS NOT NULL`),
  ],
);

/** Every version of a medication: who changed it, when, from which source and why. */
export const medicationVersions = pgTable(
  'medication_version',
  {
    medicationId: uuid('medication_id')
      .notNull()
      .references(() => medications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    source: medicationSourceEnum('source').notNull(),
    sourceNote: text('source_note'),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.medicationId, t.version] })],
);

export const doseStatusEnum = pgEnum('dose_status', doseStatuses);
export const notGivenReasonEnum = pgEnum('not_given_reason', notGivenReasons);

/**
 * A dose given, taken or not given (utdeling/administrering), signed by a holder of a valid
 * medication delegation; a high-risk drug's dose waits for a second, independent signature.
 * Scheduled doses are keyed by (medication, date, time): one row per planned dose, whatever races.
 */
export const doseAdministrations = pgTable(
  'dose_administration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    medicationId: uuid('medication_id')
      .notNull()
      .references(() => medications.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id').references(() => visits.id),
    /** The planned day and minute (Oslo) of a scheduled dose; an as-needed dose has no minute. */
    date: date('date').notNull(),
    plannedMinute: smallint('planned_minute'),
    asNeeded: boolean('as_needed').notNull().default(false),
    status: doseStatusEnum('status').notNull(),
    notGivenReason: notGivenReasonEnum('not_given_reason'),
    /** A note, or an as-needed dose's reason. */
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedByStaff: uuid('recorded_by_staff').references(() => staff.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    needsSecond: boolean('needs_second').notNull().default(false),
    secondBy: uuid('second_by').references(() => users.id),
    secondByStaff: uuid('second_by_staff').references(() => staff.id),
    secondAt: timestamp('second_at', { withTimezone: true }),
    effect: text('effect'),
    effectBy: uuid('effect_by').references(() => users.id),
    effectAt: timestamp('effect_at', { withTimezone: true }),
  },
  (t) => [
    index('dose_administration_recipient_idx').on(t.recipientId, t.date),
    uniqueIndex('dose_administration_planned_idx')
      .on(t.medicationId, t.date, t.plannedMinute)
      .where(sql`NOT as_needed`),
    check('dose_second_not_same', sql`${t.secondBy} IS NULL OR ${t.secondBy} <> ${t.recordedBy}`),
    check('dose_planned_minute', sql`${t.asNeeded} OR ${t.plannedMinute} IS NOT NULL`),
  ],
);

/** Filling a pill organiser (dosett) for a period: its own task, checked by a second person. */
export const pillOrganiserFills = pgTable(
  'pill_organiser_fill',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    note: text('note'),
    filledBy: uuid('filled_by')
      .notNull()
      .references(() => users.id),
    filledAt: timestamp('filled_at', { withTimezone: true }).notNull().defaultNow(),
    checkedBy: uuid('checked_by').references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('pill_organiser_fill_period_idx').on(t.recipientId, t.periodFrom),
    check('pill_organiser_fill_checker', sql`${t.checkedBy} IS NULL OR ${t.checkedBy} <> ${t.filledBy}`),
  ],
);

/** «Avstemt etter sykehusopphold»: the team compared the list with a new source and confirmed it. */
export const medicationReconciliations = pgTable(
  'medication_reconciliation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => recipients.id, { onDelete: 'cascade' }),
    source: medicationSourceEnum('source').notNull(),
    sourceNote: text('source_note'),
    note: text('note'),
    /** Each medicine on the list then: kept or stopped, at which version. */
    decisions: jsonb('decisions').$type<{ medicationId: string; version: number; keep: boolean }[]>().notNull(),
    confirmedBy: uuid('confirmed_by')
      .notNull()
      .references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('medication_reconciliation_recipient_idx').on(t.recipientId)],
);

/**
 * The municipality's list of high-risk drugs (insulin, controlled drugs, …) as ATC prefixes: a
 * dose of a drug whose ATC code starts with one needs a second signature. A municipality without
 * rows uses the national default list (medicines.rules.ts).
 */
export const highRiskDrugs = pgTable(
  'high_risk_drug',
  {
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    atcPrefix: text('atc_prefix').notNull(),
    label: text('label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.atcPrefix] })],
);
