/**
 * Plain data types of the scheduler: the `tillit-homecare/1` problem, the `tillit-solution/1`
 * plan, and solver options. Solomon VRPTW instances are read into the same Problem type
 * (one day, Euclidean travel, demand and capacity).
 */

export type TravelModel =
  | { model: 'haversine'; speedKmh: number; detourFactor: number }
  | { model: 'matrix'; minutes: number[][] }
  /** Extension used for Solomon instances: Euclidean distance of (x, y), speed 1. */
  | { model: 'euclidean' };

export interface Location {
  id: string;
  lat?: number;
  lon?: number;
  /** Planar coordinates, used by the `euclidean` travel model. */
  x?: number;
  y?: number;
}

export interface Shift {
  day: number;
  start: number;
  end: number;
}

export interface Staff {
  id: string;
  skills: string[];
  start: string;
  end: string;
  shifts: Shift[];
  /** Solomon: vehicle capacity. Absent = unlimited. */
  capacity?: number;
}

export interface Recipient {
  id: string;
  location: string;
  preferred?: string[];
  history?: Record<string, number>;
}

export interface Visit {
  id: string;
  recipient: string;
  day: number;
  earliest: number;
  latest: number;
  duration: number;
  skills?: string[];
  staff?: number;
  pinned?: string;
  /** Solomon: demand. Absent = 0. */
  demand?: number;
}

export interface Problem {
  format: 'tillit-homecare/1';
  name: string;
  days: number;
  travel: TravelModel;
  locations: Location[];
  staff: Staff[];
  recipients: Recipient[];
  visits: Visit[];
  /** Solomon: the maximum number of non-empty routes (vehicles). Absent = no limit beyond staff shifts. */
  maxRoutes?: number;
  /** Set by the Solomon reader; the objective is then total distance within the fleet. */
  kind?: 'homecare' | 'solomon';
}

export interface Stop {
  visit: string;
  start: number;
}

export interface Route {
  staff: string;
  day: number;
  stops: Stop[];
}

export interface Solution {
  format: 'tillit-solution/1';
  problem: string;
  routes: Route[];
  unassigned: string[];
  /** Optional reasons for visits nobody could ever do (visit id -> reason). */
  unassignable?: Record<string, string>;
  solver?: Record<string, unknown>;
}

/** Weights of the objective. Unassigned visits always come first (lexicographic). */
export interface Weights {
  /** Continuity: cost (in travel minutes) of each distinct helper a person gets over the horizon. */
  continuity: number;
  /** Cost per visit done by a helper outside the person's preferred list (scaled by continuity weight / 60). */
  preferredVisit: number;
  /** Travel minutes (or Solomon distance) weight. */
  travel: number;
  /** Workload balance: weight of Σ work²/available over helpers (work = visit minutes). */
  balance: number;
  /**
   * Re-planning: cost (in travel minutes) of each visit whose helper(s) differ from the
   * baseline plan (`SolveOptions.baseline`). Default 60; ignored without a baseline.
   */
  change: number;
}

export interface SolveOptions {
  /** Wall-clock limit in seconds (anytime: the best plan found so far is returned). */
  timeLimit?: number;
  /** Iteration cap of the search; with a cap and no time pressure the result is fully deterministic. */
  iterations?: number;
  seed?: number;
  /** Shortcut for weights.continuity; 0 = travel-only plan. Default 4 (home care; 5 above 2,000 visits), 0 (Solomon). */
  continuityWeight?: number;
  weights?: Partial<Weights>;
  /**
   * A previous plan of the same problem (e.g. the published week) to change as little as
   * possible: it is the starting point where still feasible, and every visit done by other
   * helper(s) than in the baseline costs `weights.change`. Visits and helpers that no longer
   * exist in the problem are ignored, so a baseline from before a sick call-in is fine.
   */
  baseline?: Solution;
  /** Advanced search parameters (relative start/end temperatures, average ruin size). */
  tuning?: {
    t0?: number;
    tf?: number;
    cBar?: number;
    warmStart?: number;
    contRamp?: number;
    construction?: 'series' | 'greedy';
    repair?: number;
    routeRuin?: number;
  };
  /** Progress callback (called at most a few times a second). */
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  iteration: number;
  seconds: number;
  unassigned: number;
  cost: number;
  travel: number;
  worker?: number;
}

export interface Figures {
  unassigned: number;
  travel: number;
  routes: number;
  distinctHelpers: { mean: number; median: number; p90: number; max: number };
  cocMean: number;
  /** Share of helper-visits, among recipients with a preferred list, done by a preferred helper. */
  preferredShare: number;
  /** Helper-visits served in total (a two-helper visit counts twice). */
  helperVisits: number;
}

export interface CheckResult {
  feasible: boolean;
  errors: string[];
  figures: Figures;
}
