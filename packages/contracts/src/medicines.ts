/**
 * Medicines (legemiddelhåndtering): the person's medication list, the doses at the visits,
 * second signatures, pill organisers and reconciliation after a hospital stay. Every endpoint's
 * input, shared by the server (validation) and the web app (types).
 */
import { z } from 'zod';
import { rowVersion } from './common.ts';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5)));

export const dosageForms = [
  'tablet',
  'capsule',
  'liquid',
  'injection',
  'patch',
  'inhaler',
  'drops',
  'cream',
  'other',
] as const;
export const routes = [
  'oral',
  'subcutaneous',
  'intramuscular',
  'transdermal',
  'inhaled',
  'topical',
  'eye',
  'rectal',
  'other',
] as const;
/** How the doses come: multidose bags from the pharmacy, a pill organiser filled by a nurse, original packs. */
export const dispensings = ['multidose', 'pill_organiser', 'original_packs'] as const;
/** Where a change on the list came from. */
export const medicationSources = ['gp_letter', 'discharge_summary', 'e_prescription', 'pharmacy', 'other'] as const;
export const doseStatuses = ['given', 'self_taken', 'not_given'] as const;
export const notGivenReasons = ['refused', 'asleep', 'not_home', 'missing', 'other'] as const;

/** ATC code (WHO): a letter, two digits, then up to four more letters/digits, e.g. A10AB05. */
const atcCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{2}([A-Z]([A-Z](\d{2})?)?)?$/, 'Not an ATC code (e.g. A10AB05)');

const medicationFields = {
  drugName: z.string().trim().min(2).max(200),
  form: z.enum(dosageForms),
  strength: z.string().trim().min(1).max(100),
  dose: z.string().trim().min(1).max(100),
  /** Times of day (HH:MM) the dose is given; empty for as-needed medicines. */
  times: z.array(hhmm).max(8).default([]),
  route: z.enum(routes),
  indication: z.string().trim().min(2).max(300),
  prescriber: z.string().trim().min(2).max(200),
  startDate: z.iso.date(),
  stopDate: z.iso.date().nullable().optional(),
  asNeeded: z.boolean().default(false),
  /** For as-needed medicines: the most doses within 24 hours. */
  maxPer24h: z.number().int().min(1).max(24).nullable().optional(),
  dispensing: z.enum(dispensings),
  atcCode: atcCode.nullable().optional(),
  /** The team marks a drug high-risk beyond the municipality's list (e.g. a controlled drug without ATC code). */
  highRisk: z.boolean().default(false),
};

const changeSource = {
  source: z.enum(medicationSources),
  sourceNote: z.string().trim().max(300).optional(),
  reason: z.string().trim().min(2).max(500),
};

/** POST /api/recipients/:id/medications */
export const prescribeBody = z
  .object({ ...medicationFields, ...changeSource })
  .strict()
  .superRefine((m, ctx) => {
    if (m.stopDate && m.stopDate < m.startDate)
      ctx.addIssue({ code: 'custom', path: ['stopDate'], message: 'The stop date cannot be before the start date' });
    if (m.asNeeded && !m.maxPer24h)
      ctx.addIssue({
        code: 'custom',
        path: ['maxPer24h'],
        message: 'An as-needed medicine needs a maximum per 24 hours',
      });
    if (!m.asNeeded && m.times.length === 0)
      ctx.addIssue({ code: 'custom', path: ['times'], message: 'Give at least one time of day' });
    if (new Set(m.times).size !== m.times.length)
      ctx.addIssue({ code: 'custom', path: ['times'], message: 'The same time is given twice' });
  });
export type PrescribeInput = z.infer<typeof prescribeBody>;

/** PATCH /api/medications/:id: a change (or a stop) names the version it was based on, its source and why. */
export const medicationPatch = z
  .object({
    version: rowVersion,
    dose: medicationFields.dose.optional(),
    strength: medicationFields.strength.optional(),
    times: z.array(hhmm).max(8).optional(),
    stopDate: z.iso.date().nullable().optional(),
    maxPer24h: z.number().int().min(1).max(24).nullable().optional(),
    dispensing: z.enum(dispensings).optional(),
    atcCode: atcCode.nullable().optional(),
    highRisk: z.boolean().optional(),
    ...changeSource,
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.times && new Set(m.times).size !== m.times.length)
      ctx.addIssue({ code: 'custom', path: ['times'], message: 'The same time is given twice' });
  });
export type MedicationPatch = z.infer<typeof medicationPatch>;

/** POST /api/visits/:id/doses: the visit's doses, one by one or all as planned. */
export const recordDosesBody = z
  .object({
    allAsPlanned: z.boolean().default(false),
    doses: z
      .array(
        z
          .object({
            medicationId: z.uuid(),
            time: hhmm,
            status: z.enum(doseStatuses),
            notGivenReason: z.enum(notGivenReasons).optional(),
            note: z.string().trim().max(300).optional(),
          })
          .strict(),
      )
      .max(40)
      .default([]),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.allAsPlanned && b.doses.length === 0)
      ctx.addIssue({ code: 'custom', path: ['doses'], message: 'Say what happened to a dose, or use «all given»' });
    b.doses.forEach((d, i) => {
      if (d.status === 'not_given' && !d.notGivenReason)
        ctx.addIssue({ code: 'custom', path: ['doses', i, 'notGivenReason'], message: 'Say why it was not given' });
    });
  });
export type RecordDoses = z.infer<typeof recordDosesBody>;

/** POST /api/recipients/:id/prn-doses: an as-needed dose with its reason. */
export const prnBody = z
  .object({
    medicationId: z.uuid(),
    reason: z.string().trim().min(2).max(300),
    visitId: z.uuid().nullable().optional(),
  })
  .strict();
export type PrnInput = z.infer<typeof prnBody>;

/** POST /api/doses/:id/effect: what an as-needed dose did, written later. */
export const effectBody = z.object({ effect: z.string().trim().min(2).max(500) }).strict();

/** POST /api/recipients/:id/pill-organiser-fills */
export const fillBody = z
  .object({ periodFrom: z.iso.date(), periodTo: z.iso.date(), note: z.string().trim().max(300).optional() })
  .strict()
  .refine((f) => f.periodTo >= f.periodFrom, { path: ['periodTo'], message: 'The period must end after it starts' });

/** POST /api/recipients/:id/medication-reconciliations: each current medicine kept or stopped, and confirmed. */
export const reconcileBody = z
  .object({
    source: z.enum(medicationSources),
    sourceNote: z.string().trim().max(300).optional(),
    decisions: z.array(z.object({ medicationId: z.uuid(), version: rowVersion, keep: z.boolean() }).strict()).max(60),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type ReconcileInput = z.infer<typeof reconcileBody>;

/** One dose at a visit, as the visit screen shows it. */
export interface VisitDose {
  medicationId: string;
  drugName: string;
  strength: string;
  dose: string;
  form: string;
  route: string;
  time: number;
  highRisk: boolean;
  administrationId: string | null;
  status: (typeof doseStatuses)[number] | null;
  notGivenReason: (typeof notGivenReasons)[number] | null;
  givenBy: string | null;
  secondSignedBy: string | null;
  /** A high-risk dose given and waiting for its second signature. */
  awaitingSecond: boolean;
}

export interface PrnMedication {
  medicationId: string;
  drugName: string;
  strength: string;
  dose: string;
  maxPer24h: number;
  givenLast24h: number;
}

export interface VisitDoses {
  visitId: string;
  recipientId: string;
  date: string;
  doses: VisitDose[];
  asNeeded: PrnMedication[];
}

/** GET /api/teams/:id/medicines/board: the board's medicine columns. */
export interface DoseBoardRow {
  recipientId: string;
  person: string;
  administrationId: string | null;
  drugName: string;
  plannedAt: string;
  status: 'refused' | 'not_given' | 'missed';
  reason: string | null;
}
export interface MedicineBoard {
  notGiven: DoseBoardRow[];
  awaitingSecond: {
    administrationId: string;
    recipientId: string;
    person: string;
    drugName: string;
    givenBy: string;
    plannedAt: string;
  }[];
}

/** POST /api/admin/high-risk-drugs: the municipality's list of high-risk drugs as ATC prefixes (replaces the default). */
export const highRiskBody = z
  .object({
    drugs: z
      .array(
        z
          .object({
            atcPrefix: z
              .string()
              .trim()
              .toUpperCase()
              .regex(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/, 'Not an ATC code or prefix (e.g. A10A)'),
            label: z.string().trim().min(2).max(200),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();
export type HighRiskInput = z.infer<typeof highRiskBody>;
