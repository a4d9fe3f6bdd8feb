/**
 * Decomposition of a large district into parts that are planned apart (in worker threads,
 * solve-parts.ts) and merged. The cut follows the care zones (zones.ts): zones are contiguous
 * sectors round the base, numbered in sweep order, and every helper belongs to one zone, so a
 * run of neighbouring zones is a part with its own people, their visits and its own helpers.
 * Each person's helper set lies inside their zone, hence inside one part: the cut separates
 * no one from their familiar faces. Visits that depend on each other stay together (their
 * people are put into one part), and so does a pinned visit with its helper.
 */
import type { Problem, Solution } from '../model.ts';
import { compile, resolveWeights } from './instance.ts';
import { buildZones } from './zones.ts';

export interface Partition {
  /** One sub-problem per part (same locations and travel model, a share of people, visits and staff). */
  parts: Problem[];
  /** Part of each recipient and each helper (indexes of the full problem). */
  recPart: Int32Array;
  staffPart: Int32Array;
  /** The full district's zones, in sweep order (the border repair prices by them). */
  recZone: Int32Array;
  staffZone: Int32Array;
  nZones: number;
}

/** Cuts `problem` into `n` parts of neighbouring care zones (at most one part per zone). */
export function partitionProblem(problem: Problem, n: number, seed: number): Partition {
  const inst = compile(problem, resolveWeights(problem));
  const zones = buildZones(inst, seed);
  const k = zones.nZones;
  const parts = Math.max(1, Math.min(n, k));
  // zone z of k goes to part floor(z·parts/k): runs of neighbouring zones of about equal size
  const zonePart = (z: number) => Math.floor((z * parts) / k);
  const recPart = Int32Array.from(zones.recZone, zonePart);
  const staffPart = Int32Array.from(zones.staffZone, zonePart);
  keepTogether(problem, recPart, staffPart);
  return {
    parts: Array.from({ length: parts }, (_, p) => subProblem(problem, p, recPart, staffPart)),
    recPart,
    staffPart,
    recZone: zones.recZone,
    staffZone: zones.staffZone,
    nZones: k,
  };
}

/**
 * Interdependent visits of different people: the second person joins the first's part (until
 * nothing moves; a chain ends in one part). A pinned visit takes its helper into its part.
 */
function keepTogether(problem: Problem, recPart: Int32Array, staffPart: Int32Array): void {
  const recIdx = new Map(problem.recipients.map((r, i) => [r.id, i]));
  const staffIdx = new Map(problem.staff.map((s, i) => [s.id, i]));
  const visitRec = new Map(problem.visits.map((v) => [v.id, recIdx.get(v.recipient)!]));
  let moved = true;
  while (moved) {
    moved = false;
    for (const d of problem.dependencies ?? []) {
      const a = visitRec.get(d.first);
      const b = visitRec.get(d.second);
      if (a === undefined || b === undefined || recPart[a] === recPart[b]) continue;
      recPart[b] = recPart[a];
      moved = true;
    }
  }
  for (const v of problem.visits) {
    if (!v.pinned) continue;
    const s = staffIdx.get(v.pinned);
    if (s !== undefined) staffPart[s] = recPart[recIdx.get(v.recipient)!];
  }
}

function subProblem(problem: Problem, p: number, recPart: Int32Array, staffPart: Int32Array): Problem {
  const recipients = problem.recipients.filter((_, i) => recPart[i] === p);
  const ids = new Set(recipients.map((r) => r.id));
  const visits = problem.visits.filter((v) => ids.has(v.recipient));
  const vids = new Set(visits.map((v) => v.id));
  const sub: Problem = {
    ...problem,
    name: `${problem.name} part ${p + 1}`,
    staff: problem.staff.filter((_, i) => staffPart[i] === p),
    recipients,
    visits,
  };
  if (problem.dependencies) sub.dependencies = problem.dependencies.filter((d) => vids.has(d.first));
  return sub;
}

/**
 * The parts' plans as one plan of the whole district: routes side by side (every helper is in
 * one part), the unassigned visits of every part, the helper sets and the reasons for visits
 * outside a set. Visits a part could not place are for the border repair (solve-parts.ts).
 */
export function mergeParts(problem: Problem, plans: Solution[]): Solution {
  const merged: Solution = {
    format: 'tillit-solution/1',
    problem: problem.name,
    routes: plans.flatMap((s) => s.routes),
    unassigned: plans.flatMap((s) => s.unassigned),
  };
  const sets = plans.filter((s) => s.helperSets);
  if (sets.length > 0) merged.helperSets = Object.assign({}, ...sets.map((s) => s.helperSets));
  const outside = plans.filter((s) => s.outsideSet);
  if (outside.length > 0) merged.outsideSet = Object.assign({}, ...outside.map((s) => s.outsideSet));
  return merged;
}
