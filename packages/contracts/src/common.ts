import { z } from 'zod';

/**
 * The version a change was based on (optimistic locking). Versions are PostgreSQL integers:
 * a larger number is refused here as bad input, naming `version`, instead of reaching the
 * database as a 500 (found by the fuzzer).
 */
export const rowVersion = z.number().int().positive().max(2_147_483_647);
