import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../generator.ts';
import { compile, resolveWeights } from './instance.ts';
import { Search } from './search.ts';

/**
 * Every phase watches the one deadline: the clock is injected and advances one "ms" per
 * reading, so the test counts steps (clock readings), never wall-clock time.
 */
function tickingClock() {
  let t = 0;
  const clock = () => ++t;
  return { clock, now: () => t };
}

describe('the run deadline', () => {
  const problem = generateDistrict({ people: 30, days: 3, seed: 4 });
  const inst = compile(problem, resolveWeights(problem));

  it('the final relabelling polish runs when there is time and stops at the deadline', () => {
    // iteration cap only: no deadline, so the polish walks every swap group
    const free = new Search(inst, 1);
    free.run({ seed: 1, iterations: 32, timeMs: Infinity, scheduleBy: 'iterations' });
    expect(free.polishSteps).toBeGreaterThan(0);
    // the same run with a deadline the search loop reaches (clock read every 16 iterations)
    const c = tickingClock();
    const timed = new Search(inst, 1);
    timed.run({ seed: 1, iterations: 1e9, timeMs: 3, scheduleBy: 'iterations', clock: c.clock, localSearch: 'best' });
    expect(timed.polishSteps).toBe(0);
    // the loop stops at the deadline (t0 = 1, deadline 4); the local search of the last best
    // plan and the polish each read the clock once more and stop
    expect(c.now()).toBeLessThanOrEqual(4 + 4);
  });

  it('the construction of a large first plan stops at the deadline and leaves the rest unassigned', () => {
    const big = generateDistrict({ people: 60, days: 3, seed: 2 });
    const I = compile(big, { ...resolveWeights(big), continuity: 0 });
    const c = tickingClock();
    const s = new Search(I, 1);
    const res = s.run({ seed: 1, iterations: 1e9, timeMs: 5, scheduleBy: 'iterations', clock: c.clock });
    // recreate reads the clock every 32 visits: a handful of readings, then it stops
    expect(c.now()).toBeLessThanOrEqual(1 + 5 + 2);
    expect(res.unassignedVisits.length).toBeGreaterThan(big.visits.length / 4);
    expect(res.iterations).toBe(0);
    // without a deadline every visit someone can do gets a place or a try
    const free = new Search(I, 1).run({ seed: 1, iterations: 1, timeMs: Infinity, scheduleBy: 'iterations' });
    expect(free.unassignedVisits.length).toBeLessThan(res.unassignedVisits.length);
  });
});
