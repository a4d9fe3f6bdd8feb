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
    // the loop stops at the deadline (t0 = 1, deadline 4; the construction reads the clock every
    // 32 visits too); the local search of the last best plan and the polish read it once more and stop
    expect(c.now()).toBeLessThanOrEqual(12);
  });

  it('the construction of a large first plan stops once it has taken its budget again past the deadline', () => {
    const big = generateDistrict({ people: 60, days: 3, seed: 2 });
    const I = compile(big, { ...resolveWeights(big), continuity: 0 });
    // each reading advances 400 ms: the run's deadline is at 1 + 5, the construction's at 1 + 5 + 1000
    let t = 0;
    const clock = () => (t += 400);
    const s = new Search(I, 1);
    const res = s.run({ seed: 1, iterations: 1e9, timeMs: 5, scheduleBy: 'iterations', clock });
    // recreate reads the clock every 32 visits: readings at 800 and 1200 (past 1006), then it stops;
    // the search loop and the polish read it once each and stop
    expect(t).toBeLessThanOrEqual(400 * 6);
    expect(res.unassignedVisits.length).toBeGreaterThan(big.visits.length / 2);
    expect(res.iterations).toBe(0);
    // without a deadline every visit someone can do gets a place or a try
    const free = new Search(I, 1).run({ seed: 1, iterations: 1, timeMs: Infinity, scheduleBy: 'iterations' });
    expect(free.unassignedVisits.length).toBeLessThan(res.unassignedVisits.length);
  });
});
