/**
 * Independent feasibility checker and figure report for a plan (rules of
 * `tillit-homecare/1`). It recomputes everything from the problem and the plan.
 */
import type { CheckResult, Dependency, Figures, Problem, Solution, Visit } from './model.ts';
import { travelMatrix } from './travel.ts';

const EPS = 1e-6;
const SYNC_EPS = 0.01;
/** Minutes per day: dependency gaps are counted across days. */
const DAY = 1440;

export function quantile(sorted: number[], q: number): number {
  // Linear interpolation between closest ranks (R type 7).
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function checkSolution(problem: Problem, solution: Solution, matrix?: Float64Array): CheckResult {
  const errors: string[] = [];
  const err = (m: string) => {
    if (errors.length < 200) errors.push(m);
  };
  const n = problem.locations.length;
  const tm = matrix ?? travelMatrix(problem);
  const locIdx = new Map(problem.locations.map((l, i) => [l.id, i]));
  const staffById = new Map(problem.staff.map((s) => [s.id, s]));
  const visitById = new Map(problem.visits.map((v) => [v.id, v]));
  const recById = new Map(problem.recipients.map((r) => [r.id, r]));
  const served = new Map<string, { staff: string; start: number }[]>();
  let travel = 0;
  const routeKeys = new Set<string>();
  let nonEmptyRoutes = 0;

  for (const [ri, r] of solution.routes.entries()) {
    const w = `routes[${ri}] (staff "${r.staff}", day ${r.day})`;
    const st = staffById.get(r.staff);
    if (!st) {
      err(`${w}: unknown staff "${r.staff}"`);
      continue;
    }
    const key = `${r.staff}@${r.day}`;
    if (routeKeys.has(key)) err(`${w}: a second route for the same helper and day`);
    routeKeys.add(key);
    if (r.stops.length === 0) continue;
    nonEmptyRoutes++;
    const shift = st.shifts.find((s) => s.day === r.day);
    if (!shift) {
      err(`${w}: the helper has no shift that day`);
      continue;
    }
    let loc = locIdx.get(st.start)!;
    let time = shift.start;
    let load = 0;
    for (const [k, s] of r.stops.entries()) {
      const ws = `${w}.stops[${k}] (visit "${s.visit}")`;
      const v = visitById.get(s.visit);
      if (!v) {
        err(`${ws}: unknown visit`);
        continue;
      }
      if (v.day !== r.day) err(`${ws}: the visit is on day ${v.day}`);
      const vl = locIdx.get(recById.get(v.recipient)!.location)!;
      const tt = tm[loc * n + vl];
      travel += tt;
      const arrival = time + tt;
      if (s.start < arrival - EPS) err(`${ws}: starts at ${s.start.toFixed(2)} before arrival ${arrival.toFixed(2)}`);
      const hardLatest = v.latest + (v.maxLate ?? 0);
      if (s.start < v.earliest - EPS || s.start > hardLatest + EPS)
        err(
          `${ws}: starts at ${s.start.toFixed(2)} outside its window [${v.earliest}, ${v.latest}]${v.maxLate ? ` (late by up to ${v.maxLate} allowed)` : ''}`,
        );
      for (const sk of v.skills ?? []) if (!st.skills.includes(sk)) err(`${ws}: helper lacks skill "${sk}"`);
      if (v.pinned && v.pinned !== r.staff) err(`${ws}: pinned to "${v.pinned}"`);
      load += v.demand ?? 0;
      time = Math.max(arrival, s.start) + v.duration;
      loc = vl;
      const list = served.get(v.id) ?? [];
      list.push({ staff: r.staff, start: s.start });
      served.set(v.id, list);
    }
    const endLoc = locIdx.get(st.end)!;
    const tt = tm[loc * n + endLoc];
    travel += tt;
    if (time + tt > shift.end + EPS) err(`${w}: returns at ${(time + tt).toFixed(2)} after the shift end ${shift.end}`);
    if (st.capacity !== undefined && load > st.capacity + EPS)
      err(`${w}: load ${load} exceeds capacity ${st.capacity}`);
  }
  if (problem.maxRoutes !== undefined && nonEmptyRoutes > problem.maxRoutes)
    err(`plan uses ${nonEmptyRoutes} routes, at most ${problem.maxRoutes} allowed`);

  const unassigned = new Set<string>();
  for (const id of solution.unassigned) {
    if (!visitById.has(id)) err(`unassigned: unknown visit "${id}"`);
    if (unassigned.has(id)) err(`unassigned: "${id}" listed twice`);
    unassigned.add(id);
  }
  for (const v of problem.visits) {
    const list = served.get(v.id);
    const need = v.staff ?? 1;
    if (!list) {
      if (!unassigned.has(v.id)) err(`visit "${v.id}": neither served nor unassigned`);
      continue;
    }
    if (unassigned.has(v.id)) err(`visit "${v.id}": both served and unassigned`);
    if (list.length !== need) err(`visit "${v.id}": served by ${list.length} helpers, needs ${need}`);
    if (new Set(list.map((x) => x.staff)).size !== list.length) err(`visit "${v.id}": the same helper twice`);
    const starts = list.map((x) => x.start);
    if (Math.max(...starts) - Math.min(...starts) > SYNC_EPS)
      err(`visit "${v.id}": helpers start at different times (${starts.map((s) => s.toFixed(2)).join(', ')})`);
  }
  for (const [i, d] of (problem.dependencies ?? []).entries()) checkDependency(d, i, served, visitById, err);

  const figures = computeFigures(problem, served, unassigned.size, travel, nonEmptyRoutes);
  return { feasible: errors.length === 0, errors, figures };
}

/**
 * A dependency holds when both visits are served with start(second) − start(first) in
 * [minGap, maxGap] (minutes across days) and, if asked, by different helpers; a dependency
 * with a visit left unassigned binds nothing.
 */
function checkDependency(
  d: Dependency,
  i: number,
  served: Map<string, { staff: string; start: number }[]>,
  visitById: Map<string, Visit>,
  err: (m: string) => void,
): void {
  const a = served.get(d.first);
  const b = served.get(d.second);
  const va = visitById.get(d.first);
  const vb = visitById.get(d.second);
  if (!a || !b || !va || !vb) return;
  const w = `dependencies[${i}] ("${d.first}" → "${d.second}")`;
  for (const x of a)
    for (const y of b) {
      const gap = vb.day * DAY + y.start - (va.day * DAY + x.start);
      if (gap < d.minGap - SYNC_EPS || gap > d.maxGap + SYNC_EPS)
        err(`${w}: the second starts ${gap.toFixed(2)} min after the first, allowed [${d.minGap}, ${d.maxGap}]`);
      if (d.distinctStaff && x.staff === y.staff) err(`${w}: both done by "${x.staff}", different helpers required`);
    }
}

function computeFigures(
  problem: Problem,
  served: Map<string, { staff: string; start: number }[]>,
  unassigned: number,
  travel: number,
  routes: number,
): Figures {
  const perRec = new Map<string, Map<string, number>>();
  const visitById = new Map(problem.visits.map((v) => [v.id, v]));
  let helperVisits = 0;
  let preferredVisits = 0;
  let withPreferred = 0;
  const recById = new Map(problem.recipients.map((r) => [r.id, r]));
  for (const [vid, list] of served) {
    const v = visitById.get(vid);
    if (!v) continue;
    let m = perRec.get(v.recipient);
    if (!m) {
      m = new Map();
      perRec.set(v.recipient, m);
    }
    const pref = recById.get(v.recipient)?.preferred ?? [];
    for (const x of list) {
      m.set(x.staff, (m.get(x.staff) ?? 0) + 1);
      helperVisits++;
      if (pref.length > 0) {
        withPreferred++;
        if (pref.includes(x.staff)) preferredVisits++;
      }
    }
  }
  const distinct: number[] = [];
  const cocs: number[] = [];
  for (const m of perRec.values()) {
    distinct.push(m.size);
    let N = 0;
    let sq = 0;
    for (const c of m.values()) {
      N += c;
      sq += c * c;
    }
    if (N >= 2) cocs.push((sq - N) / (N * (N - 1)));
  }
  distinct.sort((a, b) => a - b);
  const mean = (a: number[]) => (a.length ? a.reduce((s, x) => s + x, 0) / a.length : 0);
  // tardiness per served visit (a two-helper visit once, at its common start)
  let tardTotal = 0;
  let tardMax = 0;
  for (const [vid, list] of served) {
    const v = visitById.get(vid);
    if (!v || list.length === 0) continue;
    const late = Math.max(0, Math.max(...list.map((x) => x.start)) - v.latest);
    tardTotal += late;
    if (late > tardMax) tardMax = late;
  }
  const o = problem.objective;
  const objective = o
    ? (o.travel ?? 1) * travel + (o.tardiness ?? 0) * tardTotal + (o.maxTardiness ?? 0) * tardMax
    : undefined;
  return {
    unassigned,
    travel,
    routes,
    distinctHelpers: {
      mean: mean(distinct),
      median: quantile(distinct, 0.5),
      p90: quantile(distinct, 0.9),
      max: distinct.length ? distinct[distinct.length - 1] : 0,
    },
    cocMean: mean(cocs),
    preferredShare: withPreferred ? preferredVisits / withPreferred : 0,
    helperVisits,
    tardiness: { total: tardTotal, max: tardMax },
    ...(objective !== undefined ? { objective } : {}),
  };
}

export function formatFigures(f: Figures, solomon = false): string {
  const lines = [
    `unassigned            ${f.unassigned}`,
    `${solomon ? 'distance' : 'travel (min)'}`.padEnd(22) + f.travel.toFixed(2),
    `routes                ${f.routes}`,
  ];
  if (f.tardiness.total > 0 || f.objective !== undefined)
    lines.push(`tardiness             total ${f.tardiness.total.toFixed(2)}  max ${f.tardiness.max.toFixed(2)}`);
  if (f.objective !== undefined) lines.push(`objective             ${f.objective.toFixed(2)}`);
  if (!solomon) {
    lines.push(
      `distinct helpers      mean ${f.distinctHelpers.mean.toFixed(3)}  median ${f.distinctHelpers.median}  p90 ${f.distinctHelpers.p90}  max ${f.distinctHelpers.max}`,
      `COC (Bice–Boxerman)   mean ${f.cocMean.toFixed(4)}`,
      `preferred share       ${f.preferredShare.toFixed(4)}`,
    );
  }
  return lines.join('\n');
}
