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
import { servable, type Instance } from './instance.ts';
import { Ruin } from './ruin.ts';
import { minCostAssignment } from './assignment.ts';

/** Largest swap group relabelled exactly (2^12 subsets). */
const MAX_GROUP = 12;

export class LocalSearch extends Ruin {
  /** Routes that can swap with each other (same day, base, shift, capacity), per route. */
  protected swapGroup: Int32Array;
  protected groups: number[][];
  /** Steps of the final relabelling descent (one per swap group visited; tests count them). */
  polishSteps = 0;
  /** Group relabellings the final polish kept. */
  polishGains = 0;

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

  /**
   * Whether every unit of route a may be served in route b. A unit whose dependency asks for
   * two different helpers stays put when its partner is in the same swap group or with b's
   * helper (the swap could give both to one helper).
   */
  private qualified(a: number, b: number): boolean {
    const I = this.I;
    for (const u of this.routes[a]) {
      if (!servable(I, u, b)) return false;
      const v = I.uVisit[u];
      if (a === b || !I.vDepDistinct[v]) continue;
      for (const pu of I.vUnits[I.vDep[v]]) {
        const pr = this.uRoute[pu];
        if (pr >= 0 && (this.swapGroup[pr] === this.swapGroup[a] || I.rStaff[pr] === I.rStaff[b])) return false;
      }
    }
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
   * Optimal relabelling of one swap group (one day, same base and shift): each of the
   * group's route contents goes to one of the group's helpers, choosing the assignment with
   * the lowest continuity, balance and change cost over all permutations (dynamic
   * programming over subsets, so groups above MAX_GROUP routes are left to pairwise swaps).
   * Pairwise swaps stop where only a rotation of three or more lists helps; this does not.
   * Each content is priced with the group's other contents taken out, so a person served by
   * two routes of the group is priced approximately; the caller judges the true objective.
   * Returns false (plan unchanged) when the current labels are already the cheapest.
   */
  protected relabelGroup(g: number): boolean {
    const I = this.I;
    const group = this.groups[g];
    const m = group.length;
    if (m < 2) return false;
    const contents = group.map((r) => this.routes[r]);
    if (contents.every((c) => c.length === 0)) return false;
    const cont0 = this.cont;
    const bal0 = this.bal;
    for (let i = 0; i < m; i++) for (const u of contents[i]) this.removeStats(u, I.rStaff[group[i]]);
    const contX = this.cont;
    const balX = this.bal;
    // cost[i * m + j]: content i done by the helper of route group[j]
    const cost = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        // contents[i] is still route group[i]'s sequence (only the counters were taken out)
        if (!this.qualified(group[i], group[j])) {
          cost[i * m + j] = Infinity;
          continue;
        }
        const s = I.rStaff[group[j]];
        for (const u of contents[i]) this.addStats(u, s);
        cost[i * m + j] = this.contLambda * (this.cont - contX) + this.bal - balX;
        for (const u of contents[i]) this.removeStats(u, s);
        // restore exactly: add then remove is not bit-exact in floating point
        this.cont = contX;
        this.bal = balX;
      }
    }
    // null: no assignment avoids a helper who may not serve a list (the current labels are
    // always allowed in a search's plan — servable keeps a fallback visit's own route so)
    const perm = m <= MAX_GROUP ? bestBySubsets(cost, m) : minCostAssignment(cost, m);
    let now = 0;
    let then = 0;
    for (let i = 0; perm && i < m; i++) {
      now += cost[i * m + i];
      then += cost[i * m + perm[i]];
    }
    // the current labels themselves, or a tie with them, change nothing worth having
    if (!perm || !(then < now - 1e-9)) {
      for (let i = 0; i < m; i++) for (const u of contents[i]) this.addStats(u, I.rStaff[group[i]]);
      this.cont = cont0;
      this.bal = bal0;
      return false;
    }
    for (let j = 0; j < m; j++) this.touch(group[j]);
    for (let i = 0; i < m; i++) {
      const r = group[perm[i]];
      const s = I.rStaff[r];
      this.routes[r] = contents[i];
      for (const u of contents[i]) {
        this.uRoute[u] = r;
        this.addStats(u, s);
      }
    }
    for (const r of group) this.updateRoute(r);
    return true;
  }

  /** The swap group of a random served unit's route, relabelled optimally. */
  protected randomGroupRelabel(): boolean {
    const I = this.I;
    for (let tries = 0; tries < 20; tries++) {
      const u = this.rng.int(I.nUnits);
      if (this.uRoute[u] < 0) continue;
      const g = this.swapGroup[this.uRoute[u]];
      // a large group costs O(m²) pricing per move: the search leaves it to pairwise swaps
      // and the final polish (measured: 62 % more time per iteration, no fewer faces)
      return this.groups[g].length <= MAX_GROUP && this.relabelGroup(g);
    }
    return false;
  }

  /**
   * Descent over all route pairs of every swap group: keeps a swap when it lowers the
   * objective. Used on the final plan (no travel changes, so it can only help).
   */
  protected relabelDescent(): void {
    const scalars = [0, 0, 0, 0, 0];
    const tryMove = (move: () => boolean): boolean => {
      const before = this.cost();
      this.saveScalars(scalars);
      this.beginIteration();
      if (!move()) return false;
      if (this.cost() < before - 1e-9) return true;
      this.rollback(scalars);
      return false;
    };
    for (let pass = 0; pass < 5; pass++) {
      let improved = false;
      for (let g = 0; g < this.groups.length; g++) {
        // the polish after the search stops at the run's deadline like every other phase
        if (this.pastDeadline()) return;
        this.polishSteps++;
        if (tryMove(() => this.relabelGroup(g))) {
          improved = true;
          this.polishGains++;
        }
        const group = this.groups[g];
        for (let i = 0; i < group.length; i++) {
          // a large group's pairwise swaps take a while: the deadline is checked per row
          if ((i & 7) === 7 && this.pastDeadline()) return;
          for (let j = i + 1; j < group.length; j++) {
            const a = group[i];
            const b = group[j];
            if (this.routes[a].length === 0 && this.routes[b].length === 0) continue;
            if (!this.qualified(a, b) || !this.qualified(b, a)) continue;
            if (
              tryMove(() => {
                this.swapRoutes(a, b);
                return true;
              })
            )
              improved = true;
          }
        }
      }
      if (!improved) break;
    }
  }
}

/**
 * The cheapest assignment of contents to routes by dynamic programming over subsets (groups
 * of up to MAX_GROUP); ties keep the order in which the subsets are visited, as before the
 * assignment method was added, so small groups relabel exactly as they did.
 */
function bestBySubsets(cost: Float64Array, m: number): Int32Array | null {
  // dp[mask]: cheapest way to give contents 0..popcount(mask)-1 to the routes in mask
  const full = (1 << m) - 1;
  const dp = new Float64Array(full + 1).fill(Infinity);
  const from = new Int8Array(full + 1).fill(-1);
  dp[0] = 0;
  for (let mask = 0; mask < full; mask++) {
    const base = dp[mask];
    if (base === Infinity) continue;
    let i = 0;
    for (let x = mask; x; x &= x - 1) i++;
    for (let j = 0; j < m; j++) {
      if (mask & (1 << j)) continue;
      const c = base + cost[i * m + j];
      const nm = mask | (1 << j);
      if (c < dp[nm] - 1e-9) {
        dp[nm] = c;
        from[nm] = j;
      }
    }
  }
  if (dp[full] === Infinity) return null;
  const perm = new Int32Array(m); // content i -> position j
  for (let i = m - 1, mask = full; i >= 0; i--) {
    const j = from[mask];
    perm[i] = j;
    mask &= ~(1 << j);
  }
  return perm;
}
