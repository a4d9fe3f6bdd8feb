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
  /**
   * Soft late window: the visit may start up to this many minutes after `latest`, each
   * minute late priced by `objective.tardiness` (default 1 travel-minute). Absent = 0: `latest` is hard.
   */
  maxLate?: number;
}

/**
 * Two visits whose starts depend on each other: start(second) − start(first) must lie in
 * [minGap, maxGap] minutes, counted across days (a day is 1,440 minutes). Medication with
 * an interval, or the two parts of a double service at different times; minGap = maxGap = 0
 * is a simultaneous double service by two people with different competences.
 */
export interface Dependency {
  first: string;
  second: string;
  minGap: number;
  maxGap: number;
  /** The two visits must be done by different helpers. */
  distinctStaff?: boolean;
}

/** Weights of the problem's own objective terms (travel minutes per unit). */
export interface ObjectiveTerms {
  travel?: number;
  /** Per minute of tardiness summed over visits (soft late windows). */
  tardiness?: number;
  /** Per minute of the largest tardiness of any visit. */
  maxTardiness?: number;
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
  /** Set by the Solomon and Mankowska readers (their objectives: distance within the fleet; travel and tardiness). */
  kind?: 'homecare' | 'solomon' | 'mankowska';
  /** Interdependent visits (min/max gap between their starts). */
  dependencies?: Dependency[];
  /** The problem's weights of travel and tardiness (Mankowska: one third each of travel, total and maximal tardiness). */
  objective?: ObjectiveTerms;
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
  /** Each person's helper set (recipient id -> staff ids, primary contact first), when the plan was built by sets. */
  helperSets?: Record<string, string[]>;
  /** Why a visit is done by a helper outside the person's set (visit id -> reason). */
  outsideSet?: Record<string, OutsideReason>;
  solver?: Record<string, unknown>;
}

/**
 * Why a visit left its person's helper set: nobody of the set works that day (`off_duty`),
 * none of them on duty is qualified or has a shift that reaches it (`not_qualified`), a
 * two-helper visit with fewer than two of the set able (`two_helpers`), the set's routes have
 * no room in its window (`no_room`), or it costs `minutes` more travel in the set (`less_travel`).
 * `text` says the same in English; the fields let an app say it in its own words.
 */
export interface OutsideReason {
  code: 'off_duty' | 'not_qualified' | 'two_helpers' | 'no_room' | 'less_travel';
  text: string;
  day: number;
  skills?: string[];
  /** Helpers of the set able to do it that day (two_helpers). */
  able?: number;
  /** The visit's window, minutes of the day (no_room). */
  from?: number;
  to?: number;
  /** Extra travel-minutes in the set (less_travel). */
  minutes?: number;
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
  /** Per minute late (soft late windows). Default: `objective.tardiness` or 1. */
  tardiness: number;
  /** Per minute of the largest lateness of any visit. Default: `objective.maxTardiness` or 0. */
  maxTardiness: number;
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
  /**
   * Inter-route local search (relocate, exchange, 2-opt*, SWAP* over each visit's nearest
   * visits): 'best' polishes new best plans and the final plan, 'accept' the routes of every
   * accepted iteration, 'final' the final plan only, 'off' none. Never on problems with soft late windows.
   */
  localSearch?: 'off' | 'best' | 'accept' | 'final';
  /** Advanced search parameters (relative start/end temperatures, average ruin size). */
  tuning?: {
    t0?: number;
    /** Local search: fewest iterations between two polishes of a new best plan (default 100). */
    lsGap?: number;
    /** Local search: share of the run after which new best plans are polished (default 0). */
    lsFrom?: number;
    /** Local search: neighbours per visit (default 15). */
    lsK?: number;
    tf?: number;
    cBar?: number;
    warmStart?: number;
    contRamp?: number;
    /** First plan: helper sets (phase 1, the default for home care with continuity), series, or greedy insertion. */
    construction?: 'zones' | 'sets' | 'series' | 'greedy';
    /** Care zones: helpers per zone (default 6). */
    zoneStaff?: number;
    /** Care zones: neighbouring zones on either side whose helpers a visit may also get (default 1). */
    zoneReach?: number;
    /** Care zones: price of another helper of the zone and of a neighbouring zone, in continuity weights. */
    zonePrice?: number;
    nearPrice?: number;
    /** Care zones: price of a helper of a zone further away (only with zoneOpen). */
    farPrice?: number;
    /** Care zones: keep every helper eligible (priced by zone) instead of the own and neighbouring zones only. */
    zoneOpen?: boolean;
    /**
     * Care zones, restricted (zoneOpen false): a visit that no route of its own and
     * neighbouring zones can take may go to any helper able to serve it (default false).
     */
    zoneFallback?: boolean;
    /** Care zones, the fallback: only routes holding one of the visit's k nearest visits of the day, or empty (0 = any route; default 0). */
    fallbackK?: number;
    /** Care zones: share of the run restricted to the own and neighbouring zones before every helper is eligible (default 0: open throughout). */
    zoneOpenAt?: number;
    /** Care zones: phase 1 places visits person by person (default) or the narrowest windows first. */
    zoneOrder?: 'person' | 'tight';
    repair?: number;
    routeRuin?: number;
    /** Helper sets: the price of a helper outside the set, in continuity weights (default 1.6). */
    outside?: number;
    /** Helper sets: the most helpers phase 1 gives a set before ordinary insertion takes the rest. */
    maxSet?: number;
    /** Granular insertion: a visit is offered to a new helper only where that helper's route holds one of its k nearest visits (or is empty); default 0 = every eligible route. */
    granular?: number;
    /** Helper sets: weight of travel in phase 1's choice of a helper (0 = average detour only; default 0). */
    setTravel?: number;
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
  /** Minutes started after `latest` (soft late windows): summed over served visits, and the largest. */
  tardiness: { total: number; max: number };
  /** The problem's objective (`problem.objective`): travel, total and maximal tardiness weighted. */
  objective?: number;
}

export interface CheckResult {
  feasible: boolean;
  errors: string[];
  figures: Figures;
}
