import type { ImportProblem } from '@tillit/contracts';

/**
 * Readers for one cell each: they add a problem in plain words to the row's list and return
 * the cleaned value (or undefined). Pure, shared by both kinds of file.
 */
export class RowReader {
  readonly problems: ImportProblem[] = [];
  constructor(private readonly cells: Record<string, string>) {}

  problem(field: string, code: string, message: string, extra: Pick<ImportProblem, 'value' | 'firstLine'> = {}) {
    this.problems.push({ field, code, message, ...extra });
  }

  /** Adds the problem; its value is undefined, so a reader can `return this.fail(…)`. */
  fail(field: string, code: string, message: string, extra: Pick<ImportProblem, 'value'> = {}): undefined {
    this.problem(field, code, message, extra);
  }

  raw(field: string): string {
    return (this.cells[field] ?? '').trim();
  }

  text(field: string, required: boolean, max: number): string | undefined {
    const v = this.raw(field);
    if (v === '') {
      if (required) this.problem(field, 'required', `${field} must be filled in`);
      return undefined;
    }
    if (v.length > max) return this.fail(field, 'too_long', `${field} has more than ${max} characters`);
    return v;
  }

  /** ISO dates, and DD.MM.YYYY as Norwegian spreadsheets write them. */
  date(field: string, required: boolean): string | undefined {
    const v = this.text(field, required, 20);
    if (v === undefined) return undefined;
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const nb = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nb ? [nb[3], nb[2], nb[1]] : ['', '', ''];
    if (!y) return this.fail(field, 'date', `${field} is not a date (YYYY-MM-DD or DD.MM.YYYY): ${v}`, { value: v });
    const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const dt = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(dt.getTime()) || dt.toISOString().slice(0, 10) !== date)
      return this.fail(field, 'date', `${field} is not a real date: ${v}`, { value: v });
    return date;
  }

  phone(field: string): string | undefined {
    const v = this.text(field, false, 30);
    if (v === undefined) return undefined;
    if (!/^\+?[0-9 ]{8,15}$/.test(v))
      return this.fail(field, 'phone', `${field} must have 8–15 digits, optionally starting with +`);
    return v;
  }

  /** ja/nei as written in Norway, and the usual English and spreadsheet spellings. */
  yesNo(field: string, required: boolean): boolean | undefined {
    const v = this.text(field, required, 10)?.toLowerCase();
    if (v === undefined) return required ? undefined : false;
    if (['ja', 'j', 'yes', 'y', 'true', 'sann', '1', 'x'].includes(v)) return true;
    if (['nei', 'n', 'no', 'false', 'usann', '0'].includes(v)) return false;
    this.problem(field, 'yes_no', `${field} must be ja or nei: ${v}`, { value: v });
    return undefined;
  }

  /** A decimal in a range; Norwegian spreadsheets write the decimal mark as a comma. */
  decimal(field: string, min: number, max: number): number | undefined {
    const v = this.text(field, true, 30);
    if (v === undefined) return undefined;
    const n = Number(v.replace(',', '.'));
    if (!/^-?\d+([.,]\d+)?$/.test(v) || n < min || n > max)
      return this.fail(field, 'range', `${field} must be a number from ${min} to ${max}: ${v}`, { value: v });
    return n;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T | undefined {
    const v = this.text(field, true, 100)?.toLowerCase();
    if (v === undefined) return undefined;
    if ((values as readonly string[]).includes(v)) return v as T;
    this.problem(field, 'unknown_value', `${field} must be one of ${values.join(', ')}: ${v}`, { value: v });
    return undefined;
  }
}
