/**
 * Compiles a Problem into flat typed arrays for the search. A visit that needs two helpers
 * becomes two linked "units" that must be served on the same day by different helpers
 * with the same start time.
 */
import type { Problem, Solution, Visit, Weights } from '../model.ts';
import { travelMatrix } from '../travel.ts';
import { helperFloor } from './helper-floor.ts';

export interface Instance {
  problem: Problem;
  solomon: boolean;
  nLoc: number;
  tm: Float64Array;
  // units
  nUnits: number;
  uVisit: Int32Array;
  uPartner: Int32Array;
  uLoc: Int32Array;
  uE: Float64Array; // original window
  /** Hard latest start: `latest`, plus `maxLate` for a soft late window. */
  uL: Float64Array;
  /** Soft latest start (`latest`): starting later costs `weights.tardiness` per minute. */
  uDue: Float64Array;
  uDur: Float64Array;
  uDem: Float64Array;
  uRec: Int32Array;
  uDay: Int32Array;
  uRoutes: Int32Array[]; // eligible routes
  /**
   * Every route able to serve each unit, where `uRoutes` has been narrowed to the person's own
   * and neighbouring care zones (zones.ts): a visit that finds no place there may still go to
   * any of these (the fallback in insertion.ts). Null = uRoutes is not narrowed.
   */
  uRoutesAll?: Int32Array[] | null;
  uNeighbors: Int32Array[]; // nearby units on the same day (by travel)
  // visits
  nVisits: number;
  vUnits: Int32Array[]; // units of each visit
  /**
   * 1 for a pinned visit: a person decided it (a lock, a kept visit's helper, a break). The
   * search never leaves one unassigned to serve another visit (search.ts).
   */
  vPinned: Uint8Array;
  /**
   * Interdependent visits: the other visit of v's dependency (-1 = none), and the gap of its
   * start after v's start, [vGapMin, vGapMax], in the minutes of each visit's own day.
   */
  vDep: Int32Array;
  vGapMin: Float64Array;
  vGapMax: Float64Array;
  /** The dependency asks for two different helpers. */
  vDepDistinct: Uint8Array;
  /**
   * Linked visits, whose units are pinned to their start while served: two-helper visits and
   * dependent visits (their partners' feasibility relies on that start not moving).
   */
  vLinked: Uint8Array;
  /**
   * Series: visits of one person that recur with the same window, duration, skills and
   * helper count on different days (e.g. the 08:00 morning help). vSeries[v] = series index.
   */
  vSeries: Int32Array;
  series: Int32Array[];
  unassignable: Map<number, string>; // visit index -> reason
  // routes (staff x day with a shift)
  nRoutes: number;
  rStaff: Int32Array;
  rDay: Int32Array;
  rStartLoc: Int32Array;
  rEndLoc: Int32Array;
  rStart: Float64Array;
  rEnd: Float64Array;
  rCap: Float64Array;
  // staff / recipients
  nStaff: number;
  nRec: number;
  staffAvail: Float64Array; // total shift minutes over the horizon
  /** Cost of recipient r getting helper s at all: pairCost[r * nStaff + s]. */
  pairCost: Float64Array;
  /** Cost per visit of recipient r done by helper s. */
  visitCost: Float64Array;
  /** Head start of a preferred helper in the continuity-first construction (primary contact most). */
  prefBonus: Float64Array;
  /** Lower bound of pairCost + visitCost over all helpers, per recipient (insertion skips routes by it). */
  newHelperMin: Float64Array;
  /**
   * Each person's helper set (phase 1, helper-sets.ts), primary first; empty without sets.
   * Insertion tries the set's routes first, then others only if the cheapest outside helper
   * (outsideMin) could still win.
   */
  recSet: Int32Array[];
  outsideMin: Float64Array;
  /** Extra cost when a recipient's number of distinct helpers goes from k to k+1: distinctStep[k]. */
  distinctStep: Float64Array;
  /**
   * Helpers each person needs at least, roughly: a greedy cover of the person's visits by
   * helpers who are qualified and on shift then, capacity ignored (greedy, so it can be one
   * above the exact minimum). Continuity ruins pick people by how far they are above it.
   */
  recFloor: Int32Array;
  weights: Weights;
  /** Travel obeys the triangle inequality (haversine, Euclidean): an insertion never lowers travel. */
  metric: boolean;
  /**
   * Baseline helpers of each visit (staff indexes, -1 = none): a unit of visit v done by
   * helper s costs `weights.change / units` unless s is one of them. Only for visits the
   * baseline served.
   */
  vBaseA: Int32Array;
  vBaseB: Int32Array;
  /** Some visit has a soft late window and tardiness is priced: insertion evaluates pushes (insertion.ts). */
  soft: boolean;
  /** The fleet is homogeneous with no continuity terms (Solomon): empty routes are interchangeable. */
  symmetricEmpty: boolean;
  maxRoutes: number;
}

/**
 * Default continuity weight (travel minutes per distinct helper): 4 on districts of a team
 * or two, 5 on larger ones, where the portfolio also ramps continuity in (parallel.ts) —
 * measured: 120 people +14 % travel over the travel-only plan at weight 5 with the ramp
 * against +18 % at 4 without it (12 and 13 runs), median 3–4 either way; at 60 people
 * weight 5 cost travel (+14 % against +11.5 %). On the largest districts (more than 5,000
 * visits, about 250 people and up) weight 3: once the continuity ruins picked people by
 * their excess over the helper floor, weight 5 there bought 0.2 fewer faces per person
 * for 4–6 points more travel (300 people, two districts: +16.8 % and +22.3 % against
 * +12.3 % and +16.5 % at weight 3, solver seeds 1–5 and 1–2; median 3 and p90 6–7 either way).
 */
export const DEFAULT_CONTINUITY = 4;
export const DEFAULT_CONTINUITY_LARGE = 5;
export const DEFAULT_CONTINUITY_XL = 3;
/** Visits above which a home-care problem is a large district (several teams). */
export const LARGE_DISTRICT = 2000;
/** Visits above which a home-care problem is one of the largest districts (weight 3). */
export const XL_DISTRICT = 5000;

/** The default continuity weight of a home-care problem with this many visits. */
export function defaultContinuity(visits: number): number {
  if (visits > XL_DISTRICT) return DEFAULT_CONTINUITY_XL;
  return visits > LARGE_DISTRICT ? DEFAULT_CONTINUITY_LARGE : DEFAULT_CONTINUITY;
}
/** Minutes per day: dependency gaps are counted across days. */
export const DAY = 1440;

/**
 * Whether a travel matrix obeys the triangle inequality (within a rounding tolerance), so
 * that insertion may skip routes by a lower bound. Checked for matrices of up to 400
 * locations (O(n³)); larger ones are taken as not metric.
 */
function isMetric(tm: Float64Array, n: number): boolean {
  if (n > 400) return false;
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const ik = tm[i * n + k];
      for (let j = 0; j < n; j++) if (ik + tm[k * n + j] < tm[i * n + j] - 1e-6) return false;
    }
  return true;
}

/** Minutes-equivalent of one visit moved to another helper in a re-plan. */
export const DEFAULT_CHANGE = 60;

/**
 * Whether route r is eligible for unit u. uRoutes[u] is ascending (routes are listed by
 * day in index order), so a binary search replaces the linear `includes` that the
 * continuity ruins used to call per candidate helper and visit.
 */
export function eligible(I: Instance, u: number, r: number): boolean {
  return holds(I.uRoutes[u], r);
}

/**
 * Whether route r may hold unit u at all: eligible, or among every route able to serve it
 * where the eligible routes are narrowed to care zones (a visit the fallback placed outside
 * them stays allowed where it is, so relabelling keeps it a valid label).
 */
export function servable(I: Instance, u: number, r: number): boolean {
  if (eligible(I, u, r)) return true;
  const all = I.uRoutesAll?.[u];
  return all !== undefined && holds(all, r);
}

/** Binary search of an ascending route list. */
function holds(a: Int32Array, r: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = a[mid];
    if (x === r) return true;
    if (x < r) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function resolveWeights(problem: Problem, w: Partial<Weights> = {}, continuityWeight?: number): Weights {
  // benchmark kinds have their own objective: no continuity or balance terms
  const bench = problem.kind === 'solomon' || problem.kind === 'mankowska';
  const continuity = w.continuity ?? continuityWeight ?? (bench ? 0 : defaultContinuity(problem.visits.length));
  const o = problem.objective ?? {};
  return {
    continuity,
    preferredVisit: w.preferredVisit ?? continuity / 60,
    travel: w.travel ?? o.travel ?? 1,
    balance: w.balance ?? (bench ? 0 : 0.05),
    change: w.change ?? DEFAULT_CHANGE,
    tardiness: w.tardiness ?? o.tardiness ?? 1,
    maxTardiness: w.maxTardiness ?? o.maxTardiness ?? 0,
  };
}

/** Routes: one per (helper, day) with a shift, listed by day, then helper. */
function compileRoutes(problem: Problem, locIdx: Map<string, number>) {
  const nStaff = problem.staff.length;
  const routes: { s: number; day: number; start: number; end: number }[] = [];
  problem.staff.forEach((st, s) => {
    for (const sh of st.shifts) routes.push({ s, day: sh.day, start: sh.start, end: sh.end });
  });
  routes.sort((a, b) => a.day - b.day || a.s - b.s);
  const nRoutes = routes.length;
  const rStaff = new Int32Array(nRoutes);
  const rDay = new Int32Array(nRoutes);
  const rStartLoc = new Int32Array(nRoutes);
  const rEndLoc = new Int32Array(nRoutes);
  const rStart = new Float64Array(nRoutes);
  const rEnd = new Float64Array(nRoutes);
  const rCap = new Float64Array(nRoutes);
  const staffAvail = new Float64Array(nStaff);
  routes.forEach((r, i) => {
    const st = problem.staff[r.s];
    rStaff[i] = r.s;
    rDay[i] = r.day;
    rStartLoc[i] = locIdx.get(st.start)!;
    rEndLoc[i] = locIdx.get(st.end)!;
    rStart[i] = r.start;
    rEnd[i] = r.end;
    rCap[i] = st.capacity ?? Infinity;
    staffAvail[r.s] += r.end - r.start;
  });
  const routesByDay = new Map<number, number[]>();
  for (let i = 0; i < nRoutes; i++) {
    const l = routesByDay.get(rDay[i]) ?? [];
    l.push(i);
    routesByDay.set(rDay[i], l);
  }
  return { nRoutes, rStaff, rDay, rStartLoc, rEndLoc, rStart, rEnd, rCap, staffAvail, routesByDay };
}
type Routes = ReturnType<typeof compileRoutes>;

interface Lookup {
  problem: Problem;
  tm: Float64Array;
  nLoc: number;
  locIdx: Map<string, number>;
  staffIdx: Map<string, number>;
  recIdx: Map<string, number>;
}

/**
 * The routes that could take visit v (shift that day, skills, pin, reachable inside its hard
 * window and back by the shift's end, demand within capacity), with the counts that name why
 * none could (unassignableReason).
 */
function eligibleRoutes(L: Lookup, R: Routes, v: Visit, loc: number, pinned: number) {
  const { problem, tm, nLoc } = L;
  const skills = v.skills ?? [];
  const hardLatest = v.latest + (v.maxLate ?? 0);
  const elig: number[] = [];
  let skillOk = 0;
  let shiftOk = 0;
  for (const r of R.routesByDay.get(v.day) ?? []) {
    const st = problem.staff[R.rStaff[r]];
    if (pinned >= 0 && R.rStaff[r] !== pinned) continue;
    if (!skills.every((sk) => st.skills.includes(sk))) continue;
    skillOk++;
    const arr = Math.max(R.rStart[r] + tm[R.rStartLoc[r] * nLoc + loc], v.earliest);
    if (arr > hardLatest + 1e-9) continue;
    if (arr + v.duration + tm[loc * nLoc + R.rEndLoc[r]] > R.rEnd[r] + 1e-9) continue;
    shiftOk++;
    if ((v.demand ?? 0) > R.rCap[r]) continue;
    elig.push(r);
  }
  return { elig, skillOk, shiftOk };
}

/** Why nobody could ever do visit v (or null when enough helpers could). */
function unassignableReason(
  problem: Problem,
  R: Routes,
  v: Visit,
  pinned: number,
  e: ReturnType<typeof eligibleRoutes>,
): string | null {
  const k = v.staff ?? 1;
  const skills = v.skills ?? [];
  const distinctStaff = new Set(e.elig.map((r) => R.rStaff[r])).size;
  if (e.elig.length > 0 && distinctStaff >= k) return null;
  if (pinned >= 0 && !problem.staff[pinned].shifts.some((s) => s.day === v.day))
    return `pinned helper "${v.pinned}" has no shift on day ${v.day}`;
  if (e.skillOk === 0)
    return skills.length
      ? `no helper with skills [${skills.join(', ')}]${pinned >= 0 ? ` (pinned "${v.pinned}")` : ''} has a shift on day ${v.day}`
      : `no helper has a shift on day ${v.day}`;
  if (e.shiftOk === 0)
    return `no qualified helper's shift on day ${v.day} can reach it inside its window [${v.earliest}, ${v.latest + (v.maxLate ?? 0)}] and get back in time`;
  if (e.elig.length === 0) return `its demand ${v.demand} exceeds every vehicle's capacity`;
  return `needs ${k} helpers at once, only ${distinctStaff} qualified helper(s) can do it on day ${v.day}`;
}

/** Units (a two-helper visit is two linked units), their eligible routes, and the visits nobody could do. */
function compileUnits(L: Lookup, R: Routes) {
  const { problem } = L;
  const nVisits = problem.visits.length;
  let nUnits = 0;
  for (const v of problem.visits) nUnits += v.staff ?? 1;
  const uVisit = new Int32Array(nUnits);
  const uPartner = new Int32Array(nUnits).fill(-1);
  const uLoc = new Int32Array(nUnits);
  const uE = new Float64Array(nUnits);
  const uL = new Float64Array(nUnits);
  const uDue = new Float64Array(nUnits);
  const uDur = new Float64Array(nUnits);
  const uDem = new Float64Array(nUnits);
  const uRec = new Int32Array(nUnits);
  const uDay = new Int32Array(nUnits);
  const uRoutes: Int32Array[] = new Array(nUnits);
  const vUnits: Int32Array[] = new Array(nVisits);
  const vPinned = new Uint8Array(nVisits);
  const unassignable = new Map<number, string>();
  let u = 0;
  problem.visits.forEach((v, vi) => {
    const k = v.staff ?? 1;
    const rec = L.recIdx.get(v.recipient)!;
    const loc = L.locIdx.get(problem.recipients[rec].location)!;
    const pinned = v.pinned !== undefined ? L.staffIdx.get(v.pinned)! : -1;
    if (pinned >= 0) vPinned[vi] = 1;
    const e = eligibleRoutes(L, R, v, loc, pinned);
    const units = new Int32Array(k);
    for (let j = 0; j < k; j++) {
      units[j] = u;
      uVisit[u] = vi;
      uLoc[u] = loc;
      uE[u] = v.earliest;
      uL[u] = v.latest + (v.maxLate ?? 0);
      uDue[u] = v.latest;
      uDur[u] = v.duration;
      uDem[u] = v.demand ?? 0;
      uRec[u] = rec;
      uDay[u] = v.day;
      uRoutes[u] = Int32Array.from(e.elig);
      u++;
    }
    if (k === 2) {
      uPartner[units[0]] = units[1];
      uPartner[units[1]] = units[0];
    }
    vUnits[vi] = units;
    const reason = unassignableReason(problem, R, v, pinned, e);
    if (reason !== null) unassignable.set(vi, reason);
  });
  return {
    nUnits,
    uVisit,
    uPartner,
    uLoc,
    uE,
    uL,
    uDue,
    uDur,
    uDem,
    uRec,
    uDay,
    uRoutes,
    nVisits,
    vUnits,
    vPinned,
    unassignable,
  };
}
type Units = ReturnType<typeof compileUnits>;

/** Interdependent visits (each visit in at most one dependency: the reader checks it); linked visits. */
function compileDependencies(problem: Problem, vUnits: Int32Array[]) {
  const nVisits = problem.visits.length;
  const vIdx = new Map(problem.visits.map((v, i) => [v.id, i]));
  const vDep = new Int32Array(nVisits).fill(-1);
  const vGapMin = new Float64Array(nVisits);
  const vGapMax = new Float64Array(nVisits);
  const vDepDistinct = new Uint8Array(nVisits);
  const vLinked = new Uint8Array(nVisits);
  for (const d of problem.dependencies ?? []) {
    const a = vIdx.get(d.first)!;
    const b = vIdx.get(d.second)!;
    // gaps in each visit's own day minutes
    const shift = DAY * (problem.visits[b].day - problem.visits[a].day);
    vDep[a] = b;
    vDep[b] = a;
    vGapMin[a] = d.minGap - shift;
    vGapMax[a] = d.maxGap - shift;
    vGapMin[b] = -(d.maxGap - shift);
    vGapMax[b] = -(d.minGap - shift);
    vDepDistinct[a] = vDepDistinct[b] = d.distinctStaff ? 1 : 0;
    vLinked[a] = vLinked[b] = 1;
  }
  for (let v = 0; v < nVisits; v++) if (vUnits[v].length > 1) vLinked[v] = 1;
  return { vDep, vGapMin, vGapMax, vDepDistinct, vLinked };
}

/** Series of recurring visits (the unit of continuity-first planning). */
function compileSeries(problem: Problem) {
  const vSeries = new Int32Array(problem.visits.length);
  const seriesList: number[][] = [];
  const seriesKey = new Map<string, number>();
  problem.visits.forEach((v, vi) => {
    const key = `${v.recipient}|${v.earliest}|${v.latest}|${v.duration}|${(v.skills ?? []).join(',')}|${v.staff ?? 1}|${v.pinned ?? ''}`;
    let s = seriesKey.get(key);
    if (s === undefined) {
      s = seriesList.length;
      seriesKey.set(key, s);
      seriesList.push([]);
    }
    vSeries[vi] = s;
    seriesList[s].push(vi);
  });
  return { vSeries, series: seriesList.map((l) => Int32Array.from(l)) };
}

/** Each unit's nearest units of the same day by travel, plus a small term for being apart in time. */
function compileNeighbours(U: Units, tm: Float64Array, nLoc: number, neighborCount: number): Int32Array[] {
  const { nUnits, uDay, uE, uDue, uDur, uLoc } = U;
  const uNeighbors: Int32Array[] = new Array(nUnits);
  const byDay = new Map<number, number[]>();
  for (let i = 0; i < nUnits; i++) {
    const l = byDay.get(uDay[i]) ?? [];
    l.push(i);
    byDay.set(uDay[i], l);
  }
  for (const list of byDay.values()) {
    const m = list.length;
    const d = new Float64Array(m);
    const idx = new Int32Array(m);
    for (let a = 0; a < m; a++) {
      const ua = list[a];
      for (let b = 0; b < m; b++) {
        const ub = list[b];
        // distance plus a small time-window mismatch term so that neighbours are also close in time
        const gap = Math.max(0, uE[ub] - uDue[ua] - uDur[ua], uE[ua] - uDue[ub] - uDur[ub]);
        d[b] = ub === ua ? -1 : tm[uLoc[ua] * nLoc + uLoc[ub]] + 0.1 * gap;
        idx[b] = ub;
      }
      const order = Array.from(idx.keys()).sort((x, y) => d[x] - d[y]);
      const k = Math.min(m, neighborCount + 1);
      const out: number[] = [];
      for (let q = 0; q < m && out.length < k; q++) out.push(idx[order[q]]);
      uNeighbors[ua] = Int32Array.from(out); // includes the unit itself first
    }
  }
  return uNeighbors;
}

/** Continuity costs per (person, helper), the preferred helpers' head start, and the convex step per extra face. */
function compileContinuity(problem: Problem, weights: Weights, staffIdx: Map<string, number>) {
  const nStaff = problem.staff.length;
  const nRec = problem.recipients.length;
  const W = weights.continuity;
  const pairCost = new Float64Array(nRec * nStaff);
  const visitCost = new Float64Array(nRec * nStaff);
  const prefBonus = new Float64Array(nRec * nStaff);
  const newHelperMin = new Float64Array(nRec);
  problem.recipients.forEach((r, ri) => {
    const pref = (r.preferred ?? []).map((id) => staffIdx.get(id)!);
    const hist = r.history ?? {};
    for (let s = 0; s < nStaff; s++) {
      // Every distinct helper costs about the same (few faces is the goal); preferred helpers
      // and helpers with history are slightly cheaper, and visits by non-preferred helpers cost extra.
      let f = 1;
      const pi = pref.indexOf(s);
      if (pi >= 0) f = 0.8 + 0.03 * Math.min(pi, 3);
      const h = hist[problem.staff[s].id] ?? 0;
      if (h > 0) f = Math.min(f, 0.92 - Math.min(0.05, h / 200));
      pairCost[ri * nStaff + s] = W * f;
      visitCost[ri * nStaff + s] = pref.length > 0 && pi < 0 ? weights.preferredVisit : 0;
      prefBonus[ri * nStaff + s] = pi >= 0 ? W * Math.max(0.5, 2 - 0.5 * pi) : 0;
      const c = pairCost[ri * nStaff + s] + visitCost[ri * nStaff + s];
      if (s === 0 || c < newHelperMin[ri]) newHelperMin[ri] = c;
    }
  });
  const maxK = nStaff + 2;
  const distinctStep = new Float64Array(maxK);
  // A convex extra beyond 3 helpers pushes the tail (p90) down.
  for (let k = 0; k < maxK; k++) distinctStep[k] = k >= 2 ? W * 0.5 * (k - 1) * (k - 1) : 0;
  return { pairCost, visitCost, prefBonus, newHelperMin, distinctStep };
}

/** Baseline helpers of each visit (re-planning): unknown visits and helpers are skipped. */
function compileBaseline(problem: Problem, staffIdx: Map<string, number>, baseline?: Solution) {
  const nVisits = problem.visits.length;
  const vBaseA = new Int32Array(nVisits).fill(-1);
  const vBaseB = new Int32Array(nVisits).fill(-1);
  if (baseline) {
    const visitIdx = new Map(problem.visits.map((v, i) => [v.id, i]));
    for (const route of baseline.routes) {
      const s = staffIdx.get(route.staff);
      if (s === undefined) continue;
      for (const stop of route.stops) {
        const v = visitIdx.get(stop.visit);
        if (v === undefined) continue;
        if (vBaseA[v] < 0) vBaseA[v] = s;
        else if (vBaseA[v] !== s) vBaseB[v] = s;
      }
    }
  }
  return { vBaseA, vBaseB };
}

export function compile(problem: Problem, weights: Weights, neighborCount = 40, baseline?: Solution): Instance {
  const solomon = problem.kind === 'solomon';
  const nLoc = problem.locations.length;
  const tm = travelMatrix(problem);
  const L: Lookup = {
    problem,
    tm,
    nLoc,
    locIdx: new Map(problem.locations.map((l, i) => [l.id, i])),
    staffIdx: new Map(problem.staff.map((s, i) => [s.id, i])),
    recIdx: new Map(problem.recipients.map((r, i) => [r.id, i])),
  };
  const nStaff = problem.staff.length;
  const nRec = problem.recipients.length;
  const { routesByDay: _byDay, ...R } = compileRoutes(problem, L.locIdx);
  const U = compileUnits(L, { ...R, routesByDay: _byDay });
  const C = compileContinuity(problem, weights, L.staffIdx);
  const recFloor = helperFloor(nRec, U.nVisits, nStaff, U.vUnits, U.uRec, U.uRoutes, R.rStaff, U.unassignable);
  return {
    problem,
    solomon,
    nLoc,
    tm,
    ...U,
    uNeighbors: compileNeighbours(U, tm, nLoc, neighborCount),
    ...compileDependencies(problem, U.vUnits),
    ...compileSeries(problem),
    ...R,
    nStaff,
    nRec,
    ...C,
    recSet: Array.from({ length: nRec }, () => new Int32Array(0)),
    outsideMin: Float64Array.from(C.newHelperMin),
    recFloor,
    weights,
    metric: (problem.travel.model !== 'matrix' || isMetric(tm, nLoc)) && weights.travel >= 0,
    soft: (weights.tardiness > 0 || weights.maxTardiness > 0) && problem.visits.some((v) => (v.maxLate ?? 0) > 0),
    ...compileBaseline(problem, L.staffIdx, baseline),
    symmetricEmpty: solomon,
    maxRoutes: problem.maxRoutes ?? R.nRoutes,
  };
}
