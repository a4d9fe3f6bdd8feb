import { describe, expect, it } from 'vitest';
import { checkSolution } from '../checker.ts';
import type { Problem } from '../model.ts';
import { solveParallel } from './parallel.ts';
import { solve } from './solve.ts';

/**
 * One helper with room for one visit of two that want the same hour. The free visit is the
 * cheaper one (its person prefers the helper and has had her before); the other is pinned to
 * her — a lock the team set, a kept visit's helper, or a break in a split shift.
 */
function contested(): Problem {
  return {
    format: 'tillit-homecare/1',
    name: 'pinned-first',
    days: 1,
    travel: { model: 'haversine', speedKmh: 25, detourFactor: 1.4 },
    locations: [
      { id: 'base', lat: 59.91, lon: 10.75 },
      { id: 'a', lat: 59.912, lon: 10.752 },
      { id: 'b', lat: 59.913, lon: 10.753 },
    ],
    staff: [{ id: 'kari', skills: [], start: 'base', end: 'base', shifts: [{ day: 0, start: 470, end: 560 }] }],
    recipients: [
      { id: 'free', location: 'a', preferred: ['kari'], history: { kari: 20 } },
      { id: 'locked', location: 'b' },
    ],
    visits: [
      { id: 'v-free', recipient: 'free', day: 0, earliest: 480, latest: 480, duration: 60 },
      { id: 'v-locked', recipient: 'locked', day: 0, earliest: 480, latest: 480, duration: 60, pinned: 'kari' },
    ],
  };
}

describe('pinned visits come first', () => {
  it('never leaves a pinned visit unassigned to serve another, whatever it costs', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { solution, unassignedPinned } = solve(contested(), { iterations: 300, seed });
      expect(solution.unassigned).toEqual(['v-free']);
      expect(unassignedPinned).toBe(0);
      expect(checkSolution(contested(), solution).feasible).toBe(true);
    }
  });

  it('keeps a locked visit when re-planning from a baseline that served the other one', async () => {
    const baseline = {
      format: 'tillit-solution/1' as const,
      problem: 'pinned-first',
      routes: [{ staff: 'kari', day: 0, stops: [{ visit: 'v-free', start: 480 }] }],
      unassigned: ['v-locked'],
    };
    const { solution } = await solveParallel(contested(), { iterations: 300, seed: 1, threads: 2, baseline });
    expect(solution.routes[0].stops.map((s) => s.visit)).toEqual(['v-locked']);
  });
});
