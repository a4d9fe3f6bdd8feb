/**
 * Familiar faces by construction (phase 1): each person gets a small helper set — a primary
 * contact and a few others — that can cover their visit pattern, found by a capacity-aware
 * assignment into real routes, before any search.
 *
 * People are taken in a sweep around the base(s) (so that each helper's people live near each
 * other), the most constrained first within a sweep step. For a person, the set is chosen
 * greedily as a capacity-aware cover: the helper who can take the most of the person's
 * still-unplaced visits into their routes now (on duty, qualified, the route has room inside
 * the visit's window), less a travel term, joins the set and takes them; then the next
 * helper for what is left, up to MAX_SET. Capacity is the routes themselves: a helper whose
 * morning is full cannot take another morning visit. Two-helper visits and what the set
 * could not take are placed by ordinary insertion, priced to prefer the set.
 *
 * The daily routing (the search) then offers each visit to the person's set first and to
 * others at a price that rises with every helper outside the set (applyHelperSets), and a
 * visit that ends outside the set gets a reason (explainOutside).
 */
import type { Instance } from './instance.ts';
import { eligible } from './instance.ts';
import { Search } from './search.ts';

/** Helpers a set may hold for one-helper visits before the rest goes to ordinary insertion. */
export const MAX_SET = 4;

export interface HelperSets {
  /** Per recipient: staff indexes, primary contact first (most visits), then by visits. */
  sets: Int32Array[];
  /** The phase-1 plan (route sequences and pinned windows), a start for the search. */
  routes: number[][];
  winE: Float64Array;
  winL: Float64Array;
}

/** Builds the phase-1 plan and sets (see the module note). */
export function buildHelperSets(I: Instance, seed: number, maxSet = MAX_SET, travel = 0): HelperSets {
  const b = new SetBuilder(I, seed);
  return b.build(maxSet, travel);
}

class SetBuilder extends Search {
  build(maxSet: number, travel: number): HelperSets {
    const I = this.I;
    const S = I.nStaff;
    const days = I.problem.days;
    this.beginIteration();
    const recVisits: number[][] = Array.from({ length: I.nRec }, () => []);
    for (let v = 0; v < I.nVisits; v++) if (!I.unassignable.has(v)) recVisits[I.uRec[I.vUnits[v][0]]].push(v);
    const order = this.sweepOrder(recVisits);
    // a local travel scale: the median travel from a person to their 5th nearest neighbour
    const tau = this.localScale();
    // where each helper's routes are now: the home of the last person given to them
    const anchor = new Int32Array(S);
    for (let s = 0; s < S; s++) anchor[s] = -1;
    for (let r = 0; r < I.nRoutes; r++) if (anchor[I.rStaff[r]] < 0) anchor[I.rStaff[r]] = I.rStartLoc[r];
    const sets: Int32Array[] = new Array(I.nRec);
    const covered = new Uint8Array(I.nVisits);
    for (const rec of order) {
      const vs = recVisits[rec];
      const single = vs.filter((v) => I.vUnits[v].length === 1 && !I.vLinked[v]);
      const loc = vs.length ? I.uLoc[I.vUnits[vs[0]][0]] : 0;
      const chosen: number[] = [];
      for (let round = 0; round < maxSet; round++) {
        let best = -1;
        let bestScore = 0;
        for (let s = 0; s < S; s++) {
          if (chosen.includes(s)) continue;
          let n = 0;
          let cost = 0;
          for (const v of single) {
            if (covered[v]) continue;
            const u = I.vUnits[v][0];
            const r = this.routeOf[s * days + I.uDay[u]];
            if (r < 0 || !eligible(I, u, r)) continue;
            const d = this.bestPos(u, r, false);
            if (d === Infinity) continue;
            n++;
            cost += d;
          }
          if (n === 0) continue;
          // travel per visit against the local scale; a helper far from the person (their
          // anchor) pays a little more, so each helper's people stay together
          const far = I.tm[anchor[s] * I.nLoc + loc] / Math.max(1e-9, tau);
          const score =
            n - cost / Math.max(1e-9, tau) / Math.max(1, n) - travel * (cost / Math.max(1e-9, tau)) - 0.05 * far;
          if (best < 0 || score > bestScore) {
            best = s;
            bestScore = score;
          }
        }
        if (best < 0) break;
        chosen.push(best);
        anchor[best] = loc;
        for (const v of single) {
          if (covered[v]) continue;
          const u = I.vUnits[v][0];
          const r = this.routeOf[best * days + I.uDay[u]];
          if (r < 0 || !eligible(I, u, r) || this.bestPos(u, r, false) === Infinity) continue;
          this.insertUnit(u, r, this.bPos);
          this.markAssigned(v);
          covered[v] = 1;
        }
        if (single.every((v) => covered[v])) break;
      }
      // two-helper and dependent visits, and what the set could not take: ordinary insertion,
      // which tries the person's helpers first
      for (const v of vs) if (!this.vAssigned[v]) this.insertVisit(v, false);
      sets[rec] = Int32Array.from(this.helpersByVisits(rec));
    }
    this.recomputeTotals();
    return {
      sets,
      routes: this.routes.map((s) => s.slice()),
      winE: Float64Array.from(this.curE),
      winL: Float64Array.from(this.curL),
    };
  }

  /** The person's current helpers, most visits first. */
  private helpersByVisits(rec: number): number[] {
    const S = this.I.nStaff;
    return [...this.recHelpers[rec]].sort((a, b) => this.cnt[rec * S + b] - this.cnt[rec * S + a] || a - b);
  }

  /**
   * People in a sweep around the base(s): by the nearest staff start, then by angle around
   * it (from the travel times: the angle is not needed exactly, only an order that moves
   * round the base), starting at a seeded angle. Within each sweep step of eight people,
   * those with two-helper visits and the most visit minutes first.
   */
  private sweepOrder(recVisits: number[][]): number[] {
    const I = this.I;
    const p = I.problem;
    const locIdx = new Map(p.locations.map((l, i) => [l.id, i]));
    const bases = [...new Set(p.staff.map((s) => locIdx.get(s.start)!))];
    const coord = (i: number): [number, number] => {
      const l = p.locations[i];
      return l.x !== undefined ? [l.x, l.y!] : [l.lon ?? 0, l.lat ?? 0];
    };
    const start = this.rng.next() * 2 * Math.PI;
    const key = p.recipients.map((r, ri) => {
      const loc = locIdx.get(r.location)!;
      let base = bases[0];
      for (const b of bases) if (I.tm[b * I.nLoc + loc] < I.tm[base * I.nLoc + loc]) base = b;
      const [x, y] = coord(loc);
      const [bx, by] = coord(base);
      const a = (Math.atan2(y - by, x - bx) - start + 4 * Math.PI) % (2 * Math.PI);
      return { ri, base, a };
    });
    key.sort((x, y) => x.base - y.base || x.a - y.a);
    const weight = (ri: number) => {
      let w = 0;
      for (const v of recVisits[ri])
        w += I.uDur[I.vUnits[v][0]] * I.vUnits[v].length * (I.vUnits[v].length > 1 ? 3 : 1);
      return w;
    };
    const out: number[] = [];
    for (let i = 0; i < key.length; i += 8) {
      const step = key.slice(i, i + 8).map((k) => k.ri);
      step.sort((a, b) => weight(b) - weight(a));
      out.push(...step);
    }
    return out;
  }

  private localScale(): number {
    const I = this.I;
    const locs = new Set<number>();
    for (let u = 0; u < I.nUnits; u++) locs.add(I.uLoc[u]);
    const list = [...locs];
    const sample = list.length > 400 ? list.filter((_, i) => i % Math.ceil(list.length / 400) === 0) : list;
    const d5: number[] = [];
    for (const a of sample) {
      const ds = list.filter((b) => b !== a).map((b) => I.tm[a * I.nLoc + b]);
      ds.sort((x, y) => x - y);
      if (ds.length) d5.push(ds[Math.min(4, ds.length - 1)]);
    }
    d5.sort((x, y) => x - y);
    return d5.length ? d5[d5.length >> 1] : 1;
  }
}

/**
 * Prices the sets into the instance's continuity tables: a helper of the set costs less to
 * have at all (the primary least), a helper outside it more, and every visit outside the set
 * a little; the convex price of each further distinct helper (distinctStep) comes on top, so
 * each face beyond the set costs more than the one before.
 */
export function applyHelperSets(I: Instance, sets: Int32Array[], outside = 1.6): void {
  const W = I.weights.continuity;
  const S = I.nStaff;
  I.recSet = sets;
  for (let rec = 0; rec < I.nRec; rec++) {
    const set = sets[rec] ?? new Int32Array(0);
    let outMin = Infinity;
    let minAll = Infinity;
    for (let s = 0; s < S; s++) {
      const k = rec * S + s;
      const rank = set.indexOf(s);
      I.pairCost[k] = W * (rank === 0 ? 0.6 : rank > 0 ? 0.8 : outside);
      I.visitCost[k] = rank >= 0 ? 0 : (W * outside) / 13;
      const c = I.pairCost[k] + I.visitCost[k];
      if (rank < 0 && c < outMin) outMin = c;
      if (c < minAll) minAll = c;
    }
    I.newHelperMin[rec] = minAll;
    I.outsideMin[rec] = outMin === Infinity ? minAll : outMin;
  }
}
