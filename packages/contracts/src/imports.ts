/**
 * CSV import of staff and of people served (issue #24 item 5): the columns each kind of file
 * has, the request and the answer. An administrator tries a file first (dry run: every row it
 * would refuse and why), then imports it; a real run writes every row or none.
 * docs/IMPORT.md documents the columns; docs/examples/ has a file of each kind.
 */
import { z } from 'zod';

export const importKinds = ['staff', 'recipients'] as const;
export const importKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKind>;

/** One column of an import file: its header, whether a row must fill it, and how. */
export interface ImportColumn {
  name: string;
  required: boolean;
  format: string;
  example: string;
}

const DATE = 'date: YYYY-MM-DD or DD.MM.YYYY';
const YES_NO = 'ja/nei (also yes/no, true/false, 1/0)';

/** Staff: one row per staff member, placed in one team from the start date. */
export const staffColumns: ImportColumn[] = [
  { name: 'given_name', required: true, format: 'text, at most 100 characters', example: 'Kari' },
  { name: 'family_name', required: true, format: 'text, at most 100 characters', example: 'Nordmann' },
  {
    name: 'profession',
    required: true,
    format: 'sykepleier, helsefagarbeider, assistent, ergoterapeut, fysioterapeut, saksbehandler or leder',
    example: 'sykepleier',
  },
  {
    name: 'competences',
    required: false,
    format: 'competence codes (competence_type), separated by space, comma or a vertical bar',
    example: 'legemiddelhandtering sarstell',
  },
  { name: 'team', required: true, format: "the team's name (or its id)", example: 'Team Nord' },
  { name: 'start_date', required: true, format: DATE, example: '2026-01-05' },
  {
    name: 'username',
    required: false,
    format: 'letters, digits, . _ - (2–100); creates a disabled local login',
    example: 'kari.n',
  },
  { name: 'email', required: false, format: 'an e-mail address', example: 'kari@example.no' },
  { name: 'phone', required: false, format: '8–15 digits, optionally starting with +', example: '+47 900 00 001' },
];

/** People served: one row per person, served by one team from the start of the care relation. */
export const recipientColumns: ImportColumn[] = [
  {
    name: 'national_id',
    required: true,
    format: '11 digits: fødselsnummer or D-nummer, check digits valid',
    example: '01814012324',
  },
  { name: 'given_name', required: true, format: 'text, at most 100 characters', example: 'Petter' },
  { name: 'family_name', required: true, format: 'text, at most 100 characters', example: 'Hansen' },
  { name: 'address', required: true, format: 'street and number, at most 200 characters', example: 'Tøyengata 1' },
  { name: 'postcode', required: true, format: 'four digits', example: '0650' },
  { name: 'city', required: true, format: 'text, at most 100 characters', example: 'Oslo' },
  { name: 'lat', required: true, format: 'latitude in degrees, 57–72 (. or , as decimal mark)', example: '59.9139' },
  { name: 'lon', required: true, format: 'longitude in degrees, 4–32 (. or , as decimal mark)', example: '10.7522' },
  {
    name: 'birth_date',
    required: false,
    format: `${DATE}; derived from the national id when empty, must agree when given`,
    example: '1940-01-01',
  },
  { name: 'phone', required: false, format: '8–15 digits, optionally starting with +', example: '22 00 00 00' },
  { name: 'team', required: true, format: "the serving team's name (or its id)", example: 'Team Nord' },
  { name: 'start_date', required: true, format: `${DATE}: the care relation starts`, example: '2025-09-01' },
  { name: 'next_of_kin_name', required: false, format: 'text; with next_of_kin_relation', example: 'Lise Hansen' },
  { name: 'next_of_kin_relation', required: false, format: 'text, e.g. datter', example: 'datter' },
  {
    name: 'next_of_kin_phone',
    required: false,
    format: '8–15 digits, optionally starting with +',
    example: '90000002',
  },
  { name: 'consent_share_with_next_of_kin', required: true, format: YES_NO, example: 'ja' },
  { name: 'reservation_against_sharing', required: false, format: `${YES_NO}; empty = nei`, example: 'nei' },
];

export const importColumns: Record<ImportKind, ImportColumn[]> = { staff: staffColumns, recipients: recipientColumns };

/** The largest file accepted (the request body limit is a little larger, for the JSON around it). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The most rows one file may hold. */
export const IMPORT_MAX_ROWS = 10_000;

/** POST /api/imports/:kind */
export const importParams = z.object({ kind: importKind }).strict();
export const importBody = z
  .object({
    csv: z.string().min(1, 'Choose a file').max(IMPORT_MAX_BYTES, 'The file is larger than 5 MB'),
    dryRun: z.boolean(),
  })
  .strict();
export type ImportRequest = z.infer<typeof importBody>;

/** One problem with one field of a row, in plain words (`code` for the web app's own texts). */
export const importProblem = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  /** The cell as written, where showing it helps (never a national identity number). */
  value: z.string().optional(),
  /** For a duplicate inside the file: the line that had it first. */
  firstLine: z.number().int().optional(),
});
export type ImportProblem = z.infer<typeof importProblem>;

/** One row of the file: its line in the file (the header is line 1), and its problems if refused. */
export const importRow = z.object({
  line: z.number().int(),
  status: z.enum(['ok', 'refused']),
  /** Names the row for the administrator: the person's or staff member's name, never an id number. */
  label: z.string(),
  problems: z.array(importProblem),
});
export type ImportRow = z.infer<typeof importRow>;

/**
 * The answer (200 for a dry run and a real run that imported, 422 for a real run that refused):
 * every row, the counts, and how many were written (0 unless a real run imported the file).
 */
export const importReport = z.object({
  kind: importKind,
  dryRun: z.boolean(),
  counts: z.object({ rows: z.number().int(), ok: z.number().int(), refused: z.number().int() }),
  imported: z.number().int(),
  rows: z.array(importRow),
});
export type ImportReport = z.infer<typeof importReport>;
