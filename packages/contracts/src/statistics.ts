/**
 * The KPR data set (kommunalt pasient- og brukerregister, «KPR helse og omsorg») for home
 * services, derived from the record: the export's input and output schemas, the CSV layout,
 * and the record sections where a missing item is fixed. The definition of each item (name in
 * the register, type, source in the record) is `kprDataset` in statistics.dataset.ts.
 */
import { z } from 'zod';
import { assessmentItems } from './assessment.items.ts';
import { serviceType } from './decisions.ts';

/** A period of at most a year and a day (a year, a quarter, a month). */
export const kprQuery = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'the period is at most one year',
    path: ['to'],
  });
export type KprQuery = z.infer<typeof kprQuery>;

/** One service of the person in the period, from a service decision (vedtak) in force in it. */
export const kprService = z.object({
  /** The register's service code (tjenestekode): 1, 2, 6 or 15. */
  code: z.number().int(),
  type: serviceType,
  /** When the decision took effect (decided within the frame, or co-signed beyond it). */
  decidedOn: z.string(),
  from: z.string(),
  /** The last day in force: the decision's own end, or the day before a later decision of the service took over. */
  to: z.string().nullable(),
  /** Hours a week granted; null for a safety alarm (the register asks no hours for it). */
  hoursPerWeek: z.number().nullable(),
});

export const kprAssessment = z.object({
  assessedOn: z.string(),
  /** Score per item (1–5, 9 = not relevant); an item the assessment lacks is absent. */
  items: z.partialRecord(z.enum(assessmentItems), z.number().int()),
});

/** The data set for one person (the register's items only; no internal id). */
export const kprPerson = z.object({
  nationalId: z.string(),
  /** F = fødselsnummer, D = D-nummer. */
  idType: z.enum(['F', 'D']),
  birthYear: z.number().int().nullable(),
  /** 1 = male, 2 = female (the register's code), from the national identity number's ninth digit. */
  sex: z.union([z.literal(1), z.literal(2)]).nullable(),
  /** Kommunenummer of residence. */
  municipalityNumber: z.string(),
  services: z.array(kprService),
  /** The assessment in force at the end of the period: the latest made on or before its last day. */
  assessment: kprAssessment.nullable(),
});
export type KprPerson = z.infer<typeof kprPerson>;

/** Record sections a validation problem points to (anchors on /people/:id). */
export const recordSections = {
  personal: 'personal-heading',
  decisions: 'decisions-heading',
  assessment: 'funksjon',
  team: 'team-heading',
} as const;
export type RecordSection = keyof typeof recordSections;

export const kprProblemCodes = [
  'nationalId.invalid',
  'birthDate.mismatch',
  'decision.missing',
  'decision.noHours',
  'decision.tooManyHours',
  'decision.awaitingCosign',
  'assessment.missing',
  'assessment.incomplete',
  'assessment.outdated',
] as const;
export type KprProblemCode = (typeof kprProblemCodes)[number];

export const kprProblem = z.object({
  recipientId: z.uuid(),
  name: z.string(),
  team: z.string().nullable(),
  code: z.enum(kprProblemCodes),
  /** `error`: the register would refuse or lack the item; `warning`: worth fixing, the row still goes. */
  severity: z.enum(['error', 'warning']),
  /** The data-set item concerned. */
  item: z.string(),
  section: z.enum(['personal', 'decisions', 'assessment', 'team']),
  /** Where in the record to fix it, e.g. /people/<id>#funksjon. */
  fixAt: z.string(),
});
export type KprProblem = z.infer<typeof kprProblem>;

export const kprDistrict = z.object({ id: z.uuid(), name: z.string(), municipalityNumber: z.string() });
/** GET /api/districts: the districts the actor may report for. */
export const kprDistrictsResponse = z.array(kprDistrict);
export type KprDistrict = z.infer<typeof kprDistrict>;

export const kprExportResponse = z.object({
  exportId: z.uuid(),
  district: kprDistrict,
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  persons: z.array(kprPerson),
  validation: z.array(kprProblem),
  counts: z.object({
    persons: z.number().int(),
    services: z.number().int(),
    /** Lines of the CSV (a person's services each, or one line for a person without one). */
    rows: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
});
export type KprExport = z.infer<typeof kprExportResponse>;

/** The CSV's columns, in order: the person, one service, the assessment's date and its 17 items. */
export const kprCsvColumns = [
  'nationalId',
  'idType',
  'birthYear',
  'sex',
  'municipalityNumber',
  'serviceCode',
  'serviceType',
  'decidedOn',
  'serviceFrom',
  'serviceTo',
  'hoursPerWeek',
  'assessedOn',
  ...assessmentItems,
] as const;

const cell = (v: string | number | null | undefined) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The CSV: one line per person and service, the person's items repeated; a person without a
 * service in the period gets one line with the service columns empty. Semicolons (the
 * separator Norwegian spreadsheets expect), CRLF, UTF-8.
 */
export function kprCsv(persons: KprPerson[]): string {
  const lines = [kprCsvColumns.join(';')];
  for (const p of persons) {
    const head = [p.nationalId, p.idType, p.birthYear, p.sex, p.municipalityNumber];
    const tail = [p.assessment?.assessedOn, ...assessmentItems.map((i) => p.assessment?.items[i])];
    const services = p.services.length > 0 ? p.services : [null];
    for (const s of services)
      lines.push(
        [...head, s?.code, s?.type, s?.decidedOn, s?.from, s?.to, s?.hoursPerWeek, ...tail].map(cell).join(';'),
      );
  }
  return `${lines.join('\r\n')}\r\n`;
}
