/**
 * Inter-route local search over granular neighbourhoods: for each unit u and each of its k
 * nearest units w of the day (instance.ts, uNeighbors) in another route, four moves —
 * relocate (u to its best place in w's route), exchange (u and w trade places), 2-opt*
 * (u's route continues with w and the rest of w's route; w's route takes u's tail) and SWAP*
 * (Vidal 2022: u and w trade routes, each put at its best place in the other route; the three
 * cheapest insertion places of a unit in a route are cached per route version, and the best
 * place in the route without w is one of those not next to w, or w's own place).
 *
 * Each move is evaluated in O(1) (SWAP*: O(1) on a cache hit) from the routes' earliest-start
 * (E) and latest-start (Lt) arrays: a route made of a prefix, a connecting edge and another
 * route's suffix is feasible when the prefix's departure plus the edge reaches the suffix's
 * first stop by its latest start (the suffix keeps its own end, so 2-opt* pairs routes that
 * end at the same place and time). The estimate (travel, plus the continuity, balance and
 * change terms of the moved units) only filters: a move that passes it is applied, the
 * touched routes are checked stop by stop (E ≤ Lt, load, the two-helper and distinct-helper
 * rules) and the exact objective must fall, else it is rolled back. So the search's plans stay
 * feasible whatever the estimate misses (non-metric travel, the step of a person's distinct
 * helpers moving under a move). Not used on problems with soft late windows (tardiness pushes
 * are not O(1)).
 */
import { EPS } from './plan-state.ts';
import { eligible } from './instance.ts';
import { LocalSearch } from './local-search.ts';

/** Largest number of cached SWAP* insertion lists before the cache is cleared. */
const TOP3_CACHE_MAX = 200_000;

export class RouteMoves extends LocalSearch {
  /** Improving moves applied, and moves whose estimate passed but the exact check refused. */
  lsMoves = 0;
  lsRefused = 0;
  /** Neighbours per unit looked at (the granular neighbourhood). */
  protected lsK = 15;
  private lsScalars = [0, 0, 0, 0, 0];
  /** Bumped whenever a route's sequence is recomputed: it keys the SWAP* caches. */
  private rVer: Int32Array;
  private top3Cache = new Map<number, Float64Array>();
  private cumLoad: number[][] = [];
  private cumVer: Int32Array;
  private capacitated: boolean;

  constructor(...args: ConstructorParameters<typeof LocalSearch>) {
    super(...args);
    this.rVer = new Int32Array(this.I.nRoutes);
    this.cumVer = new Int32Array(this.I.nRoutes).fill(-1);
    this.capacitated = false;
    for (let r = 0; r < this.I.nRoutes; r++) if (Number.isFinite(this.I.rCap[r])) this.capacitated = true;
  }

  override updateRoute(r: number): void {
    super.updateRoute(r);
    if (this.rVer) this.rVer[r]++;
  }

  // ---------- route geometry ----------
  /** Departure time from the stop before position i (the route's start for i = 0). */
  private depAt(r: number, i: number): number {
    return i === 0 ? this.I.rStart[r] : this.rE[r][i - 1] + this.I.uDur[this.routes[r][i - 1]];
  }
  private locBefore(r: number, i: number): number {
    return i === 0 ? this.I.rStartLoc[r] : this.I.uLoc[this.routes[r][i - 1]];
  }
  /** Location of the stop at position i (the route's end for i = length). */
  private locAt(r: number, i: number): number {
    const seq = this.routes[r];
    return i < seq.length ? this.I.uLoc[seq[i]] : this.I.rEndLoc[r];
  }
  /** Latest start of the stop at position i (the shift end for i = length). */
  private latestAt(r: number, i: number): number {
    return i < this.routes[r].length ? this.rLt[r][i] : this.I.rEnd[r];
  }
  private tt(a: number, b: number): number {
    return this.I.tm[a * this.I.nLoc + b];
  }

  /** Whether unit x fits between a departure (dep at location pl) and a stop at nl due by ln. */
  private fits(x: number, dep: number, pl: number, nl: number, ln: number): boolean {
    const I = this.I;
    const arr = dep + this.tt(pl, I.uLoc[x]);
    if (arr > this.curL[x] + EPS) return false;
    const st = arr > this.curE[x] ? arr : this.curE[x];
    return st + I.uDur[x] + this.tt(I.uLoc[x], nl) <= ln + EPS;
  }

  /** Cumulative load of route r up to and including each position (2-opt* on capacitated routes). */
  private loads(r: number): number[] {
    if (this.cumVer[r] !== this.rVer[r]) {
      const seq = this.routes[r];
      const c = (this.cumLoad[r] ??= []);
      c.length = seq.length;
      let s = 0;
      for (let i = 0; i < seq.length; i++) c[i] = s += this.I.uDem[seq[i]];
      this.cumVer[r] = this.rVer[r];
    }
    return this.cumLoad[r];
  }

  // ---------- continuity estimate ----------
  /** Estimated change of the non-travel terms when unit x leaves helper `from` for helper `to`. */
  private contMove(x: number, from: number, to: number): number {
    if (from === to) return 0;
    const I = this.I;
    const rec = I.uRec[x];
    const k = rec * I.nStaff + from;
    let c = I.visitCost[k];
    if (this.cnt[k] === 1) c += I.pairCost[k] + I.distinctStep[this.nDist[rec] - 1];
    c = c * this.contLambda + this.changeCost(x, from);
    if (I.weights.balance > 0 && I.staffAvail[from] > 0) {
      const d = I.uDur[x];
      c += (I.weights.balance * d * (2 * (this.work[from] - d) + d)) / I.staffAvail[from];
    }
    return this.contDelta(x, to) - c;
  }

  // ---------- the search ----------
  /**
   * First-improvement descent over the granular neighbourhoods, in a seeded random order of
   * units (of the given routes, or all), until a pass finds nothing or the deadline passes.
   * Returns whether the plan improved.
   */
  improveRoutes(only: number[] | null, maxPasses = 4): boolean {
    const I = this.I;
    if (I.soft) return false;
    const units: number[] = [];
    if (only) for (const r of only) for (const u of this.routes[r]) units.push(u);
    else for (let r = 0; r < I.nRoutes; r++) for (const u of this.routes[r]) units.push(u);
    let any = false;
    for (let pass = 0; pass < maxPasses; pass++) {
      for (let i = units.length - 1; i > 0; i--) {
        const j = this.rng.int(i + 1);
        const t = units[i];
        units[i] = units[j];
        units[j] = t;
      }
      let improved = false;
      for (let k = 0; k < units.length; k++) {
        if ((k & 15) === 0 && this.pastDeadline()) return any || improved;
        if (this.uRoute[units[k]] >= 0 && this.improveUnit(units[k])) improved = true;
      }
      if (!improved) break;
      any = true;
    }
    return any;
  }

  /** Tries the moves of unit u with each of its neighbours; applies the first that improves. */
  private improveUnit(u: number): boolean {
    const I = this.I;
    const nb = I.uNeighbors[u];
    const end = Math.min(nb.length, this.lsK + 1);
    for (let q = 1; q < end; q++) {
      const w = nb[q];
      const a = this.uRoute[u];
      const b = this.uRoute[w];
      if (b < 0 || b === a || a < 0) continue;
      if (this.tryRelocate(u, a, b)) return true;
      if (this.tryExchange(u, w, a, b, false)) return true;
      if (this.tryTwoOptStar(u, w, a, b)) return true;
      if (this.tryExchange(u, w, a, b, true)) return true;
    }
    return false;
  }

  /** Applies `apply` (which moves `moved` units), keeps it if the plan stays feasible and cheaper. */
  private commit(apply: () => void, moved: number[]): boolean {
    const before = this.cost();
    this.saveScalars(this.lsScalars);
    this.beginIteration();
    apply();
    let ok = this.cost() < before - 1e-7;
    if (ok) for (const r of this.touched) if (!this.routeFeasible(r)) ok = false;
    if (ok) for (const x of moved) if (!this.staffOk(x)) ok = false;
    if (ok) {
      this.lsMoves++;
      return true;
    }
    this.lsRefused++;
    this.rollback(this.lsScalars);
    return false;
  }

  /** Every stop of route r starts by its latest start, and the load fits. */
  private routeFeasible(r: number): boolean {
    const E = this.rE[r];
    const Lt = this.rLt[r];
    for (let i = 0; i < this.routes[r].length; i++) if (E[i] > Lt[i] + EPS) return false;
    return this.rLoad[r] <= this.I.rCap[r] + EPS;
  }

  /** Unit x's helper may serve it: qualified, not the helper of its twin unit, not its partner visit's helper when they must differ. */
  private staffOk(x: number): boolean {
    const I = this.I;
    const r = this.uRoute[x];
    if (!eligible(I, x, r)) return false;
    const s = I.rStaff[r];
    const v = I.uVisit[x];
    for (const y of I.vUnits[v]) if (y !== x && this.uRoute[y] >= 0 && I.rStaff[this.uRoute[y]] === s) return false;
    if (I.vDepDistinct[v])
      for (const y of I.vUnits[I.vDep[v]]) if (this.uRoute[y] >= 0 && I.rStaff[this.uRoute[y]] === s) return false;
    return true;
  }

  /** Moves unit x from its route to route b at position pos (positions of b as it is now). */
  private moveUnit(x: number, b: number, pos: number): void {
    const I = this.I;
    const a = this.uRoute[x];
    this.touch(a);
    this.touch(b);
    this.removeStats(x, I.rStaff[a]);
    this.routes[a].splice(this.uPos[x], 1);
    this.routes[b].splice(pos, 0, x);
    this.uRoute[x] = b;
    this.addStats(x, I.rStaff[b]);
  }

  // ---------- relocate ----------
  private tryRelocate(u: number, a: number, b: number): boolean {
    const I = this.I;
    if (!eligible(I, u, b)) return false;
    const p = this.uPos[u];
    const pl = this.locBefore(a, p);
    const nl = this.locAt(a, p + 1);
    // the rest of route a stays feasible without u (always, with metric travel)
    if (this.depAt(a, p) + this.tt(pl, nl) > this.latestAt(a, p + 1) + EPS) return false;
    const ins = this.bestPos(u, b, false);
    if (ins === Infinity) return false;
    const rem = I.weights.travel * (this.tt(pl, nl) - this.tt(pl, I.uLoc[u]) - this.tt(I.uLoc[u], nl));
    if (ins + rem + this.contMove(u, I.rStaff[a], I.rStaff[b]) >= -1e-7) return false;
    const pos = this.bPos;
    return this.commit(() => {
      this.moveUnit(u, b, pos);
      this.updateRoute(a);
      this.updateRoute(b);
    }, [u]);
  }

  // ---------- exchange and SWAP* ----------
  /**
   * u (route a) and w (route b) trade routes: in each other's place (exchange), or each at its
   * best place in the other route (SWAP*, `star`), whichever the estimate finds cheapest.
   */
  private tryExchange(u: number, w: number, a: number, b: number, star: boolean): boolean {
    const I = this.I;
    if (!eligible(I, u, b) || !eligible(I, w, a)) return false;
    if (this.capacitated) {
      const du = I.uDem[u];
      const dw = I.uDem[w];
      if (this.rLoad[a] - du + dw > I.rCap[a] + EPS || this.rLoad[b] - dw + du > I.rCap[b] + EPS) return false;
    }
    const wT = I.weights.travel;
    const inA = this.placeWithout(w, a, this.uPos[u], star);
    if (inA === null) return false;
    const inB = this.placeWithout(u, b, this.uPos[w], star);
    if (inB === null) return false;
    const cont = this.contMove(u, I.rStaff[a], I.rStaff[b]) + this.contMove(w, I.rStaff[b], I.rStaff[a]);
    const delta = wT * (inA[0] + inB[0] - this.removalGain(u) - this.removalGain(w)) + cont;
    if (delta >= -1e-7) return false;
    const pa = inA[1];
    const pb = inB[1];
    const p = this.uPos[u];
    const q = this.uPos[w];
    return this.commit(() => {
      this.touch(a);
      this.touch(b);
      this.removeStats(u, I.rStaff[a]);
      this.removeStats(w, I.rStaff[b]);
      this.routes[a].splice(p, 1);
      this.routes[b].splice(q, 1);
      // positions were taken with the moved unit still in place: past it they shift by one
      this.routes[a].splice(pa > p ? pa - 1 : pa, 0, w);
      this.routes[b].splice(pb > q ? pb - 1 : pb, 0, u);
      this.uRoute[u] = b;
      this.uRoute[w] = a;
      this.addStats(u, I.rStaff[b]);
      this.addStats(w, I.rStaff[a]);
      this.updateRoute(a);
      this.updateRoute(b);
    }, [u, w]);
  }

  /** Travel saved by taking the unit out of its route (prev → next instead of prev → x → next). */
  private removalGain(x: number): number {
    const r = this.uRoute[x];
    const p = this.uPos[x];
    const pl = this.locBefore(r, p);
    const nl = this.locAt(r, p + 1);
    const xl = this.I.uLoc[x];
    return this.tt(pl, xl) + this.tt(xl, nl) - this.tt(pl, nl);
  }

  /**
   * The cheapest place for unit x in route r once the stop at position p is taken out:
   * p itself (x takes its place), or with `star` any of x's three cheapest places in r that is
   * not next to p (there the route without p is no tighter: removing a stop only moves later
   * stops earlier and earlier latest starts later, with metric travel; the commit checks it).
   * Returns [travel added to the route without p, position in r as it is now] or null.
   */
  private placeWithout(x: number, r: number, p: number, star: boolean): [number, number] | null {
    const pl = this.locBefore(r, p);
    const nl = this.locAt(r, p + 1);
    let best = Infinity;
    let pos = -1;
    if (this.fits(x, this.depAt(r, p), pl, nl, this.latestAt(r, p + 1))) {
      const xl = this.I.uLoc[x];
      best = this.tt(pl, xl) + this.tt(xl, nl) - this.tt(pl, nl);
      pos = p;
    }
    if (star) {
      const c = this.top3(x, r);
      for (let k = 0; k < 3; k++) {
        const at = c[3 + k];
        if (at < 0 || at === p || at === p + 1) continue;
        if (c[k] < best) {
          best = c[k];
          pos = at;
        }
      }
    }
    return pos < 0 ? null : [best, pos];
  }

  /** The three cheapest feasible places of unit x in route r (travel added, position), cached per route version. */
  private top3(x: number, r: number): Float64Array {
    const key = x * this.I.nRoutes + r;
    let c = this.top3Cache.get(key);
    if (c && c[6] === this.rVer[r]) return c;
    if (!c) {
      if (this.top3Cache.size >= TOP3_CACHE_MAX) this.top3Cache.clear();
      c = new Float64Array(7);
      this.top3Cache.set(key, c);
    }
    c.set([Infinity, Infinity, Infinity, -1, -1, -1, this.rVer[r]]);
    const n = this.routes[r].length;
    const xl = this.I.uLoc[x];
    for (let i = 0; i <= n; i++) {
      const pl = this.locBefore(r, i);
      const nl = this.locAt(r, i);
      if (!this.fits(x, this.depAt(r, i), pl, nl, this.latestAt(r, i))) continue;
      const d = this.tt(pl, xl) + this.tt(xl, nl) - this.tt(pl, nl);
      let k = 3;
      while (k > 0 && d < c[k - 1]) k--;
      if (k === 3) continue;
      for (let j = 2; j > k; j--) {
        c[j] = c[j - 1];
        c[3 + j] = c[3 + j - 1];
      }
      c[k] = d;
      c[3 + k] = i;
    }
    return c;
  }

  // ---------- 2-opt* ----------
  /**
   * Route a becomes a[..u] + b[w..], route b becomes b[..before w] + a[after u..]: the tails
   * change routes. Only between routes that end at the same place and time (each tail keeps
   * its latest starts).
   */
  private tryTwoOptStar(u: number, w: number, a: number, b: number): boolean {
    const I = this.I;
    if (I.rEnd[a] !== I.rEnd[b] || I.rEndLoc[a] !== I.rEndLoc[b]) return false;
    const p = this.uPos[u] + 1; // a's tail starts here
    const q = this.uPos[w]; // b's tail starts here
    const na = this.routes[a].length;
    // route a: u then w
    if (this.depAt(a, p) + this.tt(I.uLoc[u], I.uLoc[w]) > this.latestAt(b, q) + EPS) return false;
    // route b: the stop before w (or b's start) then a's tail (or b's end)
    const bl = this.locBefore(b, q);
    const tl = this.locAt(a, p);
    if (this.depAt(b, q) + this.tt(bl, tl) > (p < na ? this.rLt[a][p] : I.rEnd[b]) + EPS) return false;
    if (this.capacitated) {
      const la = this.loads(a);
      const lb = this.loads(b);
      const preA = la[p - 1];
      const preB = q > 0 ? lb[q - 1] : 0;
      const tailA = this.rLoad[a] - preA;
      const tailB = this.rLoad[b] - preB;
      if (preA + tailB > I.rCap[a] + EPS || preB + tailA > I.rCap[b] + EPS) return false;
    }
    const travel =
      this.tt(I.uLoc[u], I.uLoc[w]) + this.tt(bl, tl) - this.tt(I.uLoc[u], tl) - this.tt(bl, I.uLoc[w]);
    const moved = this.tailMoves(a, p, b, q);
    if (moved === null) return false;
    const sa = I.rStaff[a];
    const sb = I.rStaff[b];
    let cont = 0;
    if (sa !== sb) for (const x of moved) cont += this.uRoute[x] === a ? this.contMove(x, sa, sb) : this.contMove(x, sb, sa);
    if (I.weights.travel * travel + cont >= -1e-7) return false;
    return this.commit(() => {
      this.touch(a);
      this.touch(b);
      for (const x of moved) this.removeStats(x, I.rStaff[this.uRoute[x]]);
      const tailA = this.routes[a].splice(p);
      const tailB = this.routes[b].splice(q);
      for (const x of tailB) this.routes[a].push(x);
      for (const x of tailA) this.routes[b].push(x);
      for (const x of tailB) this.uRoute[x] = a;
      for (const x of tailA) this.uRoute[x] = b;
      for (const x of moved) this.addStats(x, I.rStaff[this.uRoute[x]]);
      this.updateRoute(a);
      this.updateRoute(b);
    }, moved);
  }

  /** The units of both tails if each may be served in the other route, else null. */
  private tailMoves(a: number, p: number, b: number, q: number): number[] | null {
    const I = this.I;
    const out: number[] = [];
    const sa = this.routes[a];
    const sb = this.routes[b];
    for (let i = p; i < sa.length; i++) {
      if (!eligible(I, sa[i], b)) return null;
      out.push(sa[i]);
    }
    for (let i = q; i < sb.length; i++) {
      if (!eligible(I, sb[i], a)) return null;
      out.push(sb[i]);
    }
    return out;
  }
}
