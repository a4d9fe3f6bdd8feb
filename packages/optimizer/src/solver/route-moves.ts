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
import { RouteGeometry } from './route-geometry.ts';

/** Largest number of cached SWAP* insertion lists before the cache is cleared. */
const TOP3_CACHE_MAX = 200_000;

export class RouteMoves extends RouteGeometry {
  /** Neighbours per unit looked at (the granular neighbourhood). */
  protected lsK = 15;
  private top3Cache = new Map<number, Float64Array>();

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
    const travel = this.tt(I.uLoc[u], I.uLoc[w]) + this.tt(bl, tl) - this.tt(I.uLoc[u], tl) - this.tt(bl, I.uLoc[w]);
    const moved = this.tailMoves(a, p, b, q);
    if (moved === null) return false;
    const sa = I.rStaff[a];
    const sb = I.rStaff[b];
    let cont = 0;
    if (sa !== sb)
      for (const x of moved) cont += this.uRoute[x] === a ? this.contMove(x, sa, sb) : this.contMove(x, sb, sa);
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
