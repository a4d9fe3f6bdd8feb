/**
 * @tillit/optimizer — continuity-first home-care scheduler (pure TypeScript core, no I/O).
 */
export type {
  Problem,
  Solution,
  Route,
  Stop,
  Staff,
  Shift,
  Recipient,
  Visit,
  Location,
  TravelModel,
  Weights,
  SolveOptions,
  Progress,
  Figures,
  CheckResult,
  OutsideReason,
} from './model.ts';
export {
  InputError,
  validateProblem,
  parseProblemJson,
  parseSolomon,
  readProblem,
  parseSolutionJson,
  validateSolution,
} from './readers.ts';
export { checkSolution, formatFigures, quantile } from './checker.ts';
export { travelMatrix, haversineKm } from './travel.ts';
export { solve, findUnassignable, type SolveResult } from './solver/solve.ts';
export { solveParallel, type ParallelOptions } from './solver/parallel.ts';
export { generateDistrict, type GeneratorOptions } from './generator.ts';
