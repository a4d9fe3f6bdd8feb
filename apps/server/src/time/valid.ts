/**
 * The "valid from … until" pattern for rows already in memory (a helper's competences, a rota
 * entry): the same rule as `validOn` in time/sql.ts, both ends included, no end = open.
 */
export interface ValidPeriod {
  validFrom: string;
  validUntil: string | null;
}

/** Whether the row is valid on `date` (ISO dates compare as strings). */
export const validOnDate = (row: ValidPeriod, date: string): boolean =>
  row.validFrom <= date && (row.validUntil === null || date <= row.validUntil);
