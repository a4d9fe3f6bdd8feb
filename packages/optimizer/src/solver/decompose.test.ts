import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import { generateDistrict } from '../generator.ts';
import type { Problem } from '../model.ts';
import { mergeParts, partitionProblem } from './decompose.ts';
import { resolveWeights } from './instance.ts';
import { solveParallel } from './parallel.ts';
import { solve } from './solve.ts';
import { defaultParts, partCount, repairBorders } from './solve-parts.ts';

const district = () =>
  generateDistrict({ people: 48, staff: 16, days: 7, seed: 5, teams: false, preferred: false, mix: 'heavy' });

function countOnce(all: string[], lists: string[][]): void {
  const seen = new Map<string, number>();
  for (const l of lists) for (const id of l) seen.set(id, (seen.get(id) ?? 0) + 1);
  expect(seen.size).toBe(all.length);
  for (const id of all) expect(seen.get(id)).toBe(1);
}

describe('decomposition into parts of neighbouring care zones', () => {
  it('puts every visit, person and helper into exactly one part, with the same locations', () => {
    const problem = district();
    const { parts } = partitionProblem(problem, 2, 1);
    expect(parts).toHaveLength(2);
    countOnce(
      problem.visits.map((v) => v.id),
      parts.map((p) => p.visits.map((v) => v.id)),
    );
    countOnce(
      problem.staff.map((s) => s.id),
      parts.map((p) => p.staff.map((s) => s.id)),
    );
    countOnce(
      problem.recipients.map((r) => r.id),
      parts.map((p) => p.recipients.map((r) => r.id)),
    );
    for (const p of parts) {
      expect(p.locations).toBe(problem.locations);
      expect(p.staff.length).toBeGreaterThan(0);
      const people = new Set(p.recipients.map((r) => r.id));
      for (const v of p.visits) expect(people.has(v.recipient)).toBe(true);
    }
  });

  it('keeps interdependent visits of two people and a pinned visit with its helper in one part', () => {
    const problem = district();
    const first = partitionProblem(problem, 2, 1);
    const partOf = (id: string) => first.recPart[problem.recipients.findIndex((r) => r.id === id)];
    const a = problem.visits.find((v) => partOf(v.recipient) === 0)!;
    const b = problem.visits.find((v) => partOf(v.recipient) === 1)!;
    const helperOfOther = problem.staff[first.staffPart.indexOf(1)];
    const linked: Problem = {
      ...problem,
      visits: problem.visits.map((v) => (v.id === a.id ? { ...v, pinned: helperOfOther.id } : v)),
      dependencies: [{ first: a.id, second: b.id, minGap: 0, maxGap: 600 }],
    };
    const { parts } = partitionProblem(linked, 2, 1);
    const holder = parts.find((p) => p.visits.some((v) => v.id === a.id))!;
    expect(holder.visits.some((v) => v.id === b.id)).toBe(true);
    expect(holder.staff.some((s) => s.id === helperOfOther.id)).toBe(true);
    expect(holder.dependencies).toEqual(linked.dependencies);
  });

  it('asks for parts only on large home-care districts when automatic', () => {
    const problem = district();
    expect(partCount(problem, undefined, 2)).toBe(1);
    expect(partCount(problem, 'auto', 2)).toBe(1);
    expect(partCount(problem, 3, 2)).toBe(3);
    expect(partCount({ ...problem, kind: 'solomon' }, 3, 2)).toBe(1);
  });

  it('decomposes by default only a continuity plan of more than 15,000 visits with threads for it', () => {
    const problem = district();
    const large = { ...problem, visits: Array.from({ length: 15001 }, () => problem.visits[0]) };
    expect(defaultParts(problem, {}, 2)).toBeUndefined();
    expect(defaultParts(large, {}, 2)).toBe('auto');
    expect(partCount(large, defaultParts(large, {}, 2), 2)).toBe(2);
    // the travel-only plan, one thread, a re-plan and the benchmark kinds stay whole
    expect(defaultParts(large, { continuityWeight: 0 }, 2)).toBeUndefined();
    expect(defaultParts(large, { weights: { continuity: 0 } }, 2)).toBeUndefined();
    expect(defaultParts(large, {}, 1)).toBeUndefined();
    expect(defaultParts(large, { baseline: {} }, 2)).toBeUndefined();
    expect(defaultParts({ ...large, kind: 'solomon' }, {}, 2)).toBeUndefined();
    // a district with named contacts (the series construction, not care zones) was not measured
    const named = {
      ...large,
      recipients: large.recipients.map((r, i) => (i === 0 ? { ...r, preferred: [large.staff[0].id] } : r)),
    };
    expect(defaultParts(named, {}, 2)).toBeUndefined();
  });
});

describe('border repair', () => {
  it('places visits the parts left over and returns a plan the checker accepts', () => {
    const problem = district();
    const partition = partitionProblem(problem, 2, 1);
    const weights = resolveWeights(problem);
    const plans = partition.parts.map((p) => solve(p, { iterations: 300, seed: 1, weights }).solution);
    const merged = mergeParts(problem, plans);
    expect(checkSolution(problem, merged).feasible).toBe(true);
    // take every visit of the first route of each part out, as if the part had no room for them
    const dropped: string[] = [];
    for (const plan of plans) {
      const route = merged.routes.find((r) => plan.routes.includes(r))!;
      dropped.push(...route.stops.map((s) => s.visit));
      route.stops = [];
    }
    merged.unassigned.push(...dropped);
    const before = merged.unassigned.length;
    const res = repairBorders(problem, merged, partition, weights, { seed: 1, timeMs: Infinity, iterations: 200 });
    const check = checkSolution(problem, res.solution);
    expect(check.errors).toEqual([]);
    expect(check.figures.unassigned).toBeLessThan(before);
    const placed = new Set(res.solution.routes.flatMap((r) => r.stops.map((s) => s.visit)));
    expect(dropped.filter((id) => placed.has(id)).length).toBeGreaterThan(dropped.length / 2);
    expect(res.solution.helperSets).toEqual(merged.helperSets);
  });

  it('solveParallel with parts: a feasible plan of the whole district, every visit once', async () => {
    const problem = district();
    const res = await solveParallel(problem, { iterations: 200, seed: 2, threads: 2, parts: 2 });
    const check = checkSolution(problem, res.solution);
    expect(check.errors).toEqual([]);
    expect(res.solution.solver?.parts).toBe(2);
    countOnce(
      problem.visits.map((v) => v.id),
      // a two-helper visit is a stop in two routes: served once
      [[...new Set(res.solution.routes.flatMap((r) => r.stops.map((s) => s.visit)))], res.solution.unassigned],
    );
  });
});
