import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../generator.ts';
import { compile, resolveWeights } from './instance.ts';
import { Search } from './search.ts';

/** Opens the protected relabelling moves and counters to the test. */
class Probe extends Search {
  groupList() {
    return this.groups;
  }
  relabel(g: number) {
    this.beginIteration();
    return this.relabelGroup(g);
  }
  /** Moves the contents of the group's routes one place round (a rotation, not a swap). */
  rotate(g: number) {
    const group = this.groups[g];
    const contents = group.map((r) => this.routes[r]);
    for (let i = 0; i < group.length; i++) this.routes[group[(i + 1) % group.length]] = contents[i];
    this.recomputeTotals();
  }
  counters() {
    return { cont: this.cont, bal: this.bal, travel: this.travel };
  }
}

describe('relabelling a swap group', () => {
  const problem = generateDistrict({ people: 40, days: 3, seed: 3 });
  const inst = compile(problem, resolveWeights(problem));

  it('undoes a rotation of the lists and keeps every counter equal to a recount', () => {
    const probe = new Probe(inst, 1);
    probe.run({ seed: 1, iterations: 3000, timeMs: Infinity, scheduleBy: 'iterations' });
    const rotatable = probe
      .groupList()
      .map((g, i) => [g, i] as const)
      .filter(([g]) => g.length >= 3 && g.filter((r) => probe.routes[r].length > 0).length >= 3);
    expect(rotatable.length).toBeGreaterThan(0);
    let restored = 0;
    for (const [group, g] of rotatable) {
      const before = probe.cost();
      const travel = probe.travel;
      const original = group.map((r) => probe.routes[r].slice());
      probe.rotate(g);
      const scrambled = probe.cost();
      if (scrambled <= before + 1e-9) continue; // the rotation happened not to cost anything
      expect(probe.relabel(g)).toBe(true);
      const after = probe.cost();
      expect(after).toBeLessThan(scrambled);
      expect(probe.travel).toBeCloseTo(travel, 6); // same base and shift: travel unchanged
      const incremental = probe.counters();
      probe.recomputeTotals();
      expect(probe.counters().cont).toBeCloseTo(incremental.cont, 6);
      expect(probe.counters().bal).toBeCloseTo(incremental.bal, 6);
      if (after <= before + 1e-9) restored++;
      // every list is still whole: the group holds the same lists, possibly relabelled
      const now = group.map((r) => probe.routes[r].join(',')).sort();
      expect(now).toEqual(original.map((s) => s.join(',')).sort());
    }
    expect(restored).toBeGreaterThan(0);
  });

  it('relabels a swap group of more than twelve helpers (one base, a city district) by the assignment method', () => {
    const city = generateDistrict({
      people: 90,
      staff: 30,
      days: 2,
      seed: 5,
      teams: false,
      preferred: false,
      mix: 'heavy',
    });
    const ci = compile(city, resolveWeights(city));
    const probe = new Probe(ci, 1);
    probe.run({ seed: 1, iterations: 2000, timeMs: Infinity, scheduleBy: 'iterations' });
    const large = probe
      .groupList()
      .map((g, i) => [g, i] as const)
      .filter(([g]) => g.length > 12 && g.filter((r) => probe.routes[r].length > 0).length >= 3);
    expect(large.length).toBeGreaterThan(0);
    let relabelled = 0;
    for (const [group, g] of large) {
      const original = group.map((r) => probe.routes[r].join(',')).sort();
      const travel = probe.travel;
      probe.rotate(g);
      const scrambled = probe.cost();
      if (!probe.relabel(g)) continue;
      relabelled++;
      expect(probe.cost()).toBeLessThan(scrambled);
      expect(probe.travel).toBeCloseTo(travel, 6);
      const incremental = probe.counters();
      probe.recomputeTotals();
      expect(probe.counters().cont).toBeCloseTo(incremental.cont, 6);
      expect(group.map((r) => probe.routes[r].join(',')).sort()).toEqual(original);
    }
    // before the assignment method, groups above twelve were never relabelled as a whole
    expect(relabelled).toBeGreaterThan(0);
  });
});
