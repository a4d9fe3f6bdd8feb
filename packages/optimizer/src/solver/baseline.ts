/**
 * Re-planning from a baseline plan (e.g. the published week before a sick call-in): the
 * baseline's stops are mapped onto this instance's routes, so the search can start from
 * them. Helpers without a shift that day and unknown visits are left out here; the
 * construction inserts those, guided by the change cost (instance.ts).
 */
import type { Solution } from '../model.ts';
import type { Instance } from './instance.ts';

export interface BaselineSeed {
  /** Single-helper units per route (instance indexing), in the baseline's start-time order. */
  routes: number[][];
  /** Two-helper visits whose two baseline helpers both still work that day: (visit, route, route). */
  pairs: number[];
}

export function baselineSeed(inst: Instance, baseline: Solution): BaselineSeed {
  const p = inst.problem;
  const staffIdx = new Map(p.staff.map((s, i) => [s.id, i]));
  const visitIdx = new Map(p.visits.map((v, i) => [v.id, i]));
  const routeOf = new Map<string, number>();
  for (let r = 0; r < inst.nRoutes; r++) routeOf.set(`${inst.rStaff[r]}|${inst.rDay[r]}`, r);
  const out: number[][] = Array.from({ length: inst.nRoutes }, () => []);
  const pairRoute = new Map<number, number>();
  const pairs: number[] = [];
  for (const route of baseline.routes) {
    const s = staffIdx.get(route.staff);
    if (s === undefined) continue;
    const r = routeOf.get(`${s}|${route.day}`);
    if (r === undefined) continue;
    const stops = [...route.stops].sort((a, b) => a.start - b.start);
    for (const stop of stops) {
      const v = visitIdx.get(stop.visit);
      if (v === undefined || inst.unassignable.has(v)) continue;
      const units = inst.vUnits[v];
      if (units.length === 1) out[r].push(units[0]);
      else if (units.length === 2) {
        const first = pairRoute.get(v);
        if (first === undefined) pairRoute.set(v, r);
        else if (first !== r) pairs.push(v, first, r);
      }
    }
  }
  return { routes: out, pairs };
}
