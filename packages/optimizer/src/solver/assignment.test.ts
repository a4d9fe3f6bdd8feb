import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minCostAssignment } from './assignment.ts';

/** The cheapest total over every permutation (n ≤ 7), Infinity if none is allowed. */
function bruteForce(cost: Float64Array, n: number): number {
  let best = Infinity;
  const used = new Uint8Array(n);
  const go = (i: number, acc: number) => {
    if (i === n) {
      best = Math.min(best, acc);
      return;
    }
    for (let j = 0; j < n; j++) {
      if (used[j] || !Number.isFinite(cost[i * n + j])) continue;
      used[j] = 1;
      go(i + 1, acc + cost[i * n + j]);
      used[j] = 0;
    }
  };
  go(0, 0);
  return best;
}

const matrix = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.tuple(
    fc.constant(n),
    fc.array(fc.oneof(fc.integer({ min: -50, max: 200 }), fc.constant(Number.POSITIVE_INFINITY)), {
      minLength: n * n,
      maxLength: n * n,
    }),
  ),
);

describe('minCostAssignment', () => {
  it('finds the cheapest permutation, or null when every one uses a forbidden entry', () => {
    fc.assert(
      fc.property(matrix, ([n, cells]) => {
        const cost = Float64Array.from(cells);
        const best = bruteForce(cost, n);
        const col = minCostAssignment(cost, n);
        if (best === Infinity) {
          expect(col).toBeNull();
          return;
        }
        expect(col).not.toBeNull();
        expect(new Set(col).size).toBe(n);
        let total = 0;
        for (let i = 0; i < n; i++) total += cost[i * n + col![i]];
        expect(total).toBe(best);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('keeps an allowed diagonal when nothing else is allowed (the current labels of a swap group)', () => {
    const n = 30;
    const cost = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < n; i++) cost[i * n + i] = i;
    expect(Array.from(minCostAssignment(cost, n)!)).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
