import { z } from 'zod';

/**
 * The version a change was based on (optimistic locking). Versions are PostgreSQL integers:
 * a larger number is refused here as bad input, naming `version`, instead of reaching the
 * database as a 500 (found by the fuzzer).
 */
export const rowVersion = z.number().int().positive().max(2_147_483_647);

/**
 * A date or moment in an answer, as JSON carries it. The drivers hand some columns over as Date
 * objects and some as text; either leaves as the text JSON.stringify would write.
 */
export const jsonDate = z.union([z.date(), z.string()]).transform((v) => (v instanceof Date ? v.toISOString() : v));
