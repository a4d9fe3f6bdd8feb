import { type ImportColumn, IMPORT_MAX_ROWS } from '@tillit/contracts';
import { CsvError, parse } from 'csv-parse/sync';
import { badInput } from '../../http/errors.ts';

/** One data row of the file: its line (the header is line 1) and its cells by column name. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
  /** The row had more or fewer cells than the header names. */
  width: number;
}

/**
 * Norwegian Excel saves «CSV» with `;` (the comma is the decimal mark), others with `,`: the
 * header line decides, as it holds no quoted commas or semicolons of its own.
 */
export function delimiterOf(text: string): ';' | ',' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const semicolons = header.split(';').length;
  const commas = header.split(',').length;
  return semicolons >= commas ? ';' : ',';
}

const fileProblem = (code: string, message: string) => badInput([{ field: 'csv', code, message }]);

/**
 * Parses the file with csv-parse (quotes, doubled quotes, line breaks inside quotes, a BOM) and
 * checks the header against the kind's columns: an unknown or missing required column refuses
 * the whole file (400 naming `csv`), since every row would be wrong in the same way.
 */
export function parseCsv(text: string, columns: ImportColumn[]): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    throw fileProblem('csv.unreadable', `The file could not be read as CSV near line ${line ?? '?'}: ${err.code}`);
  }
  if (records.length === 0) throw fileProblem('csv.empty', 'The file is empty');
  const header = records[0].record.map((h) => h.toLowerCase());
  const known = new Set(columns.map((c) => c.name));
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length) throw fileProblem('csv.unknown_column', `Unknown column: ${unknown.join(', ')}`);
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw fileProblem('csv.duplicate_column', `The column ${h} appears twice`);
    seen.add(h);
  }
  const missing = columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (missing.length) throw fileProblem('csv.missing_column', `Missing column: ${missing.join(', ')}`);
  const rows = records.slice(1);
  if (rows.length === 0) throw fileProblem('csv.no_rows', 'The file has a header but no rows');
  if (rows.length > IMPORT_MAX_ROWS)
    throw fileProblem('csv.too_many_rows', `A file may hold at most ${IMPORT_MAX_ROWS} rows; split it`);
  return rows.map(({ record, info }) => {
    // The line the record ends on: its own line unless a quoted field spans several.
    const line = info.lines;
    const cells = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
    return { line, cells, width: record.length === header.length ? 0 : record.length };
  });
}
