import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../generator.ts';
import { compile, resolveWeights } from './instance.ts';
import { Search } from './search.ts';

/** Scripts the units the tournament samples and opens the pick to the test. */
class Probe extends Search {
  pick(units: number[]): number {
    let i = 0;
    const real = this.rng.int.bind(this.rng);
    this.rng.int = () => units[i++];
    try {
      return this.crowdedRecipient();
    } finally {
      this.rng.int = real;
    }
  }
}

describe('person picked for the helper and helper-set ruins', () => {
  const problem = generateDistrict({ people: 40, days: 7, seed: 2 });
  const inst = compile(problem, resolveWeights(problem));
  const probe = new Probe(inst, 1);
  probe.run({ seed: 1, iterations: 1500, timeMs: Infinity, scheduleBy: 'iterations' });
  /** A served unit of each person, by their number of helpers. */
  const unitOf = new Map<number, number>();
  for (let u = 0; u < inst.nUnits; u++)
    if (probe.uRoute[u] >= 0 && !unitOf.has(inst.uRec[u])) unitOf.set(inst.uRec[u], u);
  const people = [...unitOf.keys()].sort((a, b) => probe.nDist[b] - probe.nDist[a]);

  it('is the one furthest above their helper floor, not the one with most helpers', () => {
    const most = people[0];
    const fewer = people.find((r) => probe.nDist[r] >= 2 && probe.nDist[r] < probe.nDist[most])!;
    expect(fewer).toBeDefined();
    const floor = Int32Array.from(inst.recFloor);
    try {
      inst.recFloor[most] = probe.nDist[most]; // every face needed
      inst.recFloor[fewer] = probe.nDist[fewer] - 1; // one to spare
      expect(probe.pick([unitOf.get(most)!, unitOf.get(fewer)!, unitOf.get(most)!])).toBe(fewer);
      expect(probe.pick([unitOf.get(fewer)!, unitOf.get(most)!, unitOf.get(most)!])).toBe(fewer);
      // equal excess: the one with more helpers
      inst.recFloor[fewer] = probe.nDist[fewer];
      expect(probe.pick([unitOf.get(fewer)!, unitOf.get(most)!, unitOf.get(fewer)!])).toBe(most);
    } finally {
      inst.recFloor.set(floor);
    }
  });

  it('is none when the picked person has a single helper', () => {
    const single = people.find((r) => probe.nDist[r] === 1);
    expect(single).toBeDefined();
    const u = unitOf.get(single!)!;
    expect(probe.pick([u, u, u])).toBe(-1);
  });
});
