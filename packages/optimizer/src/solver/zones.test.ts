import { describe, expect, it } from 'vitest';
import { generateDistrict } from '../generator.ts';
import { compile, resolveWeights } from './instance.ts';
import { applyZones, buildZones, zoneNeighbours } from './zones.ts';

const district = () =>
  generateDistrict({ people: 48, staff: 16, days: 14, seed: 5, teams: false, preferred: false, mix: 'heavy' });

describe('care zones (phase 1)', () => {
  it('gives every zone helpers and people, and each person a set of up to four helpers of their own zone', () => {
    const problem = district();
    const I = compile(problem, resolveWeights(problem));
    const z = buildZones(I, 3, { zoneStaff: 4 });
    expect(z.nZones).toBe(4);
    for (let k = 0; k < z.nZones; k++) {
      expect(z.staffZone.includes(k)).toBe(true);
      expect(z.recZone.includes(k)).toBe(true);
    }
    let nonEmpty = 0;
    z.sets.forEach((set, rec) => {
      expect(set.length).toBeLessThanOrEqual(4);
      for (const s of set) expect(z.staffZone[s]).toBe(z.recZone[rec]);
      if (set.length > 0) nonEmpty++;
    });
    expect(nonEmpty).toBe(48);
    // a unit phase 1 gave a helper goes to a helper of the person's set
    for (let u = 0; u < I.nUnits; u++)
      if (z.unitHelper[u] >= 0) expect([...z.sets[I.uRec[u]]]).toContain(z.unitHelper[u]);
  });

  it('is the same for the same seed; another seed turns the sweep', () => {
    const problem = district();
    const I = compile(problem, resolveWeights(problem));
    const a = buildZones(I, 3, { zoneStaff: 4 });
    const b = buildZones(I, 3, { zoneStaff: 4 });
    expect(a).toEqual(b);
    expect(buildZones(I, 4, { zoneStaff: 4 }).recZone).not.toEqual(a.recZone);
  });

  it('restricted zones leave a visit only the routes of its own and the neighbouring zones', () => {
    const problem = district();
    const I = compile(problem, resolveWeights(problem));
    const before = I.uRoutes.map((r) => r.slice());
    const z = buildZones(I, 3, { zoneStaff: 3 });
    applyZones(I, z, 1, { zone: 1.2, near: 2.5, far: 6 }, false);
    let narrowed = 0;
    for (let u = 0; u < I.nUnits; u++) {
      const near = zoneNeighbours(z.recZone[I.uRec[u]], z.nZones, 1);
      const kept = [...I.uRoutes[u]];
      if (kept.length < before[u].length) narrowed++;
      for (const r of kept) expect(before[u]).toContain(r);
      // either only near routes, or (nobody near could) every route as before
      const allNear = kept.every(
        (r) => near.includes(z.staffZone[I.rStaff[r]]) || z.sets[I.uRec[u]].includes(I.rStaff[r]),
      );
      expect(allNear || kept.length === before[u].length).toBe(true);
    }
    expect(narrowed).toBeGreaterThan(I.nUnits / 4);
    // a set helper is cheapest, a neighbouring zone's dearer than the own zone's
    const rec = 0;
    const S = I.nStaff;
    const set = z.sets[rec];
    const own = [...Array(S).keys()].find((s) => z.staffZone[s] === z.recZone[rec] && !set.includes(s));
    const far = [...Array(S).keys()].find((s) => !zoneNeighbours(z.recZone[rec], z.nZones, 1).includes(z.staffZone[s]));
    expect(I.pairCost[rec * S + set[0]]).toBeLessThan(I.pairCost[rec * S + (own ?? set[0])] + 1e-9);
    if (own !== undefined && far !== undefined)
      expect(I.pairCost[rec * S + own]).toBeLessThan(I.pairCost[rec * S + far]);
  });
});
