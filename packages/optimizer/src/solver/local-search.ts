/**
 * Route relabelling (home care): on one day, two helpers with the same base and the same
 * shift can swap their whole routes. Travel and every time are unchanged — the routes
 * start and end at the same place and time — so the move changes only who does which
 * visits: continuity (and workload balance). This is how a team shares out the day's
 * lists, and it lets the search keep faces familiar without paying any travel for it.
 * A swap is allowed only if each helper is qualified (skills, pins) for every visit of
 * the other's route; two-helper visits stay with two different helpers, since the two
 * routes belong to different helpers before and after.
 */
import type { Instance } from './instance.ts';
import { Ruin } from './ruin.ts';

export class LocalSearch extends Ruin {
  /** Routes that can swap with each other (same day, base, shift, capacity), per route. */
  protected swapGroup: Int32Array;
  protected groups: number[][];

  constructor(I: Instance, seed: number) {
    super(I, seed);
    const key = new Map<string, number>();
    this.swapGroup = new Int32Array(I.nRoutes);
    this.groups = [];
    for (let r = 0; r < I.nRoutes; r++) {
      const k = `${I.rDay[r]}|${I.rStartLoc[r]}|${I.rEndLoc[r]}|${I.rStart[r]}|${I.rEnd[r]}|${I.rCap[r]}`;
      let g = key.get(k);
      if (g === undefined) {
        g = this.groups.length;
        key.set(k, g);
        this.groups.push([]);
      }
      this.swapGroup[r] = g;
      this.groups[g].push(r);
    }
  }

  /** Whether every unit of route a may be served in route b. */
  private qualified(a: number, b: number): boolean {
    const I = this.I;
    for (const u of this.routes[a]) if (!I.uRoutes[u].includes(b)) return false;
    return true;
  }

  /** Swaps the unit sequences of routes a and b (same swap group), updating all counters. */
  protected swapRoutes(a: number, b: number): void {
    const I = this.I;
    this.touch(a);
    this.touch(b);
    const sa = I.rStaff[a];
    const sb = I.rStaff[b];
    for (const u of this.routes[a]) this.removeStats(u, sa);
    for (const u of this.routes[b]) this.removeStats(u, sb);
    const t = this.routes[a];
    this.routes[a] = this.routes[b];
    this.routes[b] = t;
    for (const u of this.routes[a]) {
      this.uRoute[u] = a;
      this.addStats(u, sa);
    }
    for (const u of this.routes[b]) {
      this.uRoute[u] = b;
      this.addStats(u, sb);
    }
    this.updateRoute(a);
    this.updateRoute(b);
  }

  /**
   * Random relabelling move: a served unit's route and another route of its swap group —
   * half of the time one of a helper who already serves that unit's person.
   */
  protected routeSwap(): boolean {
    const I = this.I;
    const rng = this.rng;
    let u = -1;
    for (let tries = 0; tries < 20 && u < 0; tries++) {
      const x = rng.int(I.nUnits);
      if (this.uRoute[x] >= 0) u = x;
    }
    if (u < 0) return false;
    const a = this.uRoute[u];
    const group = this.groups[this.swapGroup[a]];
    if (group.length < 2) return false;
    const S = I.nStaff;
    const rec = I.uRec[u];
    let b = -1;
    if (rng.next() < 0.5) {
      const start = rng.int(group.length);
      for (let k = 0; k < group.length; k++) {
        const r = group[(start + k) % group.length];
        if (r !== a && this.cnt[rec * S + I.rStaff[r]] > 0) {
          b = r;
          break;
        }
      }
    }
    if (b < 0) {
      b = group[rng.int(group.length)];
      if (b === a) return false;
    }
    if (!this.qualified(a, b) || !this.qualified(b, a)) return false;
    this.swapRoutes(a, b);
    return true;
  }

  /**
   * Descent over all route pairs of every swap group: keeps a swap when it lowers the
   * objective. Used on the final plan (no travel changes, so it can only help).
   */
  protected relabelDescent(): void {
    const scalars = [0, 0, 0, 0];
    for (let pass = 0; pass < 3; pass++) {
      let improved = false;
      for (const group of this.groups) {
        for (let i = 0; i < group.length; i++) {
          for (let j = i + 1; j < group.length; j++) {
            const a = group[i];
            const b = group[j];
            if (this.routes[a].length === 0 && this.routes[b].length === 0) continue;
            if (!this.qualified(a, b) || !this.qualified(b, a)) continue;
            const before = this.cost();
            scalars[0] = this.travel;
            scalars[1] = this.cont;
            scalars[2] = this.bal;
            scalars[3] = this.unassigned;
            this.beginIteration();
            this.swapRoutes(a, b);
            if (this.cost() < before - 1e-9) improved = true;
            else this.rollback(scalars);
          }
        }
      }
      if (!improved) break;
    }
  }
}
