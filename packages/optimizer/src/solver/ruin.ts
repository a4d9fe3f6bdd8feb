/**
 * Ruin operators: each removes a set of visits (all units of a two-helper visit together)
 * and leaves them in `insertList` for recreate.
 * - SISR string removals around a seed unit (Christiaens & Vanden Berghe 2020): strings of
 *   consecutive stops from several nearby routes, which creates slack where it is usable.
 * - Route elimination (Solomon): empties a short route and forbids opening new ones.
 * - Helper, recipient, series and helper-set ruins (home care): remove a person's visits
 *   across all days, so continuity is changed for the whole horizon in one move, not day
 *   by day. Series and helper-set ruins also name the route each visit should go to
 *   (`forced`), because greedy reinsertion alone would rarely rebuild a whole series with
 *   one helper: the first visit reinserted decides, and it is often not the right helper.
 */
import { Construction } from './construction.ts';
import type { Rng } from './rng.ts';
import { eligible } from './instance.ts';

export class Ruin extends Construction {
  protected sisrRuin(cBar: number, lMax: number, seedUnit = -1): void {
    const I = this.I;
    const rng = this.rng;
    // the mean route length, kept up to date by updateRoute (not recounted here: O(routes))
    const assigned = this.servedUnits;
    if (assigned === 0) return;
    const lsMax = Math.min(lMax, assigned / this.nonEmptyRoutes);
    const ksMax = (4 * cBar) / (1 + lsMax) - 1;
    const ks = Math.floor(rng.next() * ksMax) + 1;
    // seed: a random assigned unit (or the given one, e.g. an unassigned visit to make room for)
    let seed = seedUnit;
    for (let tries = 0; tries < 50 && seed < 0; tries++) {
      const u = rng.int(I.nUnits);
      if (this.uRoute[u] >= 0) seed = u;
    }
    if (seed < 0) return;
    const nb = I.uNeighbors[seed];
    const ruined: number[] = [];
    for (let q = 0; q < nb.length && ruined.length < ks; q++) {
      const c = nb[q];
      const r = this.uRoute[c];
      if (r < 0 || ruined.includes(r)) continue;
      const seq = this.routes[r];
      const len = seq.length;
      const lmax = Math.min(len, lsMax);
      const l = Math.floor(rng.next() * lmax) + 1;
      const pos = this.uPos[c];
      ruined.push(r);
      const toRemove: number[] = [];
      if (l === len || rng.next() < 0.5) {
        // string
        let s = pos - rng.int(l);
        if (s < 0) s = 0;
        if (s + l > len) s = len - l;
        for (let i = s; i < s + l; i++) toRemove.push(seq[i]);
      } else {
        // split string: a string of l + m, keep m consecutive
        let m = 1;
        while (l + m < len && rng.next() > 0.01) m++;
        const tot = l + m;
        let s = pos - rng.int(tot);
        if (s < 0) s = 0;
        if (s + tot > len) s = len - tot;
        const keepAt = s + rng.int(l + 1);
        for (let i = s; i < s + tot; i++) if (i < keepAt || i >= keepAt + m) toRemove.push(seq[i]);
      }
      for (const u of toRemove) {
        const v = I.uVisit[u];
        if (this.removedMark[v] !== this.iter) this.removeVisit(v);
      }
    }
  }

  /** Empties one route (a short one more likely) so that the others must absorb its visits. */
  protected routeRuin(): boolean {
    const I = this.I;
    const rng = this.rng;
    let bestR = -1;
    let bestKey = Infinity;
    let nonEmpty = 0;
    for (let r = 0; r < I.nRoutes; r++) {
      const n = this.routes[r].length;
      if (n === 0) continue;
      nonEmpty++;
      const key = n * (0.5 + rng.next());
      if (key < bestKey) {
        bestKey = key;
        bestR = r;
      }
    }
    if (bestR < 0 || nonEmpty < 2) return false;
    for (const u of this.routes[bestR].slice()) {
      const v = I.uVisit[u];
      if (this.removedMark[v] !== this.iter) this.removeVisit(v);
    }
    this.noNewRoutes = true;
    return true;
  }

  /**
   * A person with helpers to spare, to try to drop one: among the people of three random
   * served units, the one furthest above their floor (`recFloor`, the helpers their visits
   * need at least), then the one with most helpers (-1 if that person has fewer than two).
   * Picking by the count alone spent these moves on people with two-helper lifts, who have
   * the most faces but mostly the faces their visits need; by the excess, 120-person plans
   * cost 5 % less (ten seeds: median 3 in seven runs against two, the same travel).
   */
  protected crowdedRecipient(): number {
    const I = this.I;
    let rec = -1;
    for (let k = 0; k < 3; k++) {
      const u = this.rng.int(I.nUnits);
      if (this.uRoute[u] < 0) continue;
      const r = I.uRec[u];
      if (rec < 0) {
        rec = r;
        continue;
      }
      const ex = this.nDist[r] - I.recFloor[r];
      const exRec = this.nDist[rec] - I.recFloor[rec];
      if (ex > exRec || (ex === exRec && this.nDist[r] > this.nDist[rec])) rec = r;
    }
    return rec >= 0 && this.nDist[rec] >= 2 ? rec : -1;
  }

  /**
   * Continuity move: pick a person with many helpers and one of their least-used helpers g;
   * remove the person's visits done by g (all days) and make room around those times in
   * the routes of the person's other helpers, so that g can drop out of the person's set.
   */
  protected helperRuin(recVisitUnits: number[][]): boolean {
    const I = this.I;
    const rng = this.rng;
    const S = I.nStaff;
    const rec = this.crowdedRecipient();
    if (rec < 0) return false;
    // least-used helper (random tie-break)
    let g = -1;
    let gc = Infinity;
    for (let s = 0; s < S; s++) {
      const c = this.cnt[rec * S + s];
      if (c > 0 && (c < gc || (c === gc && rng.next() < 0.5))) {
        gc = c;
        g = s;
      }
    }
    if (g < 0) return false;
    const days = I.problem.days;
    const units = recVisitUnits[rec];
    const targets: number[] = [];
    for (const u of units) {
      const r = this.uRoute[u];
      if (r < 0 || I.rStaff[r] !== g) continue;
      targets.push(u);
    }
    for (const u of targets) {
      const v = I.uVisit[u];
      if (this.removedMark[v] !== this.iter) this.removeVisit(v);
    }
    // room in the routes of the person's other helpers on those days
    for (const u of targets) {
      const day = I.uDay[u];
      for (let s = 0; s < S; s++) {
        if (s === g || this.cnt[rec * S + s] === 0) continue;
        const r = this.routeOf[s * days + day];
        if (r < 0) continue;
        const seq = this.routes[r];
        if (seq.length === 0 || rng.next() < 0.3) continue;
        let p = 0;
        while (p < seq.length && this.rE[r][p] < I.uE[u]) p++;
        const l = 1 + rng.int(3);
        let st = p - rng.int(l + 1);
        if (st < 0) st = 0;
        for (let i = st; i < Math.min(seq.length, st + l); i++) {
          const w = seq[i];
          if (this.uRoute[w] !== r || I.uRec[w] === rec) continue;
          const wv = I.uVisit[w];
          if (this.removedMark[wv] !== this.iter) this.removeVisit(wv);
        }
      }
    }
    return targets.length > 0;
  }

  /** Removes every visit of one person over the horizon, and makes room in a familiar helper's routes. */
  protected recipientRuin(recVisits: number[][], recPref: Int32Array[]): void {
    const I = this.I;
    const rng = this.rng;
    let seed = -1;
    for (let tries = 0; tries < 50 && seed < 0; tries++) {
      const u = rng.int(I.nUnits);
      if (this.uRoute[u] >= 0) seed = u;
    }
    if (seed < 0) return;
    const rec = I.uRec[seed];
    // helper to make room for: a preferred helper, or the person's most frequent helper
    let h = -1;
    const pref = recPref[rec];
    if (pref.length > 0 && rng.next() < 0.5) h = pref[rng.int(pref.length)];
    else {
      let bestC = 0;
      for (let s = 0; s < I.nStaff; s++) {
        const c = this.cnt[rec * I.nStaff + s];
        if (c > bestC || (c === bestC && c > 0 && rng.next() < 0.5)) {
          bestC = c;
          h = s;
        }
      }
    }
    const vs = recVisits[rec];
    const days = I.problem.days;
    for (const v of vs) {
      if (this.removedMark[v] !== this.iter) this.removeVisit(v);
    }
    if (h < 0) return;
    for (const v of vs) {
      if (rng.next() < 0.5) continue;
      const u = I.vUnits[v][0];
      const r = this.routeOf[h * days + I.uDay[u]];
      if (r < 0) continue;
      const seq = this.routes[r];
      if (seq.length === 0) continue;
      // position by time
      let p = 0;
      while (p < seq.length && this.rE[r][p] < I.uE[u]) p++;
      const l = 1 + rng.int(3);
      let s = p - rng.int(l + 1);
      if (s < 0) s = 0;
      for (let i = s; i < Math.min(seq.length, s + l); i++) {
        const w = I.uVisit[seq[i]];
        if (this.uRoute[seq[i]] === r && this.removedMark[w] !== this.iter) this.removeVisit(w);
      }
    }
  }

  /**
   * Series ruin (continuity): one recurring visit of one person (e.g. the morning help) is
   * given whole to one helper — one who already serves the person or is preferred. Every
   * visit of the series done by someone else is removed, and on each of those days room is
   * made in the target helper's route around the visit's time; recreate then inserts the
   * series into the target helper's routes first (forced, where feasible). This is the
   * consistent-assignment move that single-visit moves cannot find: dropping a face needs
   * all of its visits moved at once.
   */
  protected seriesRuin(recPref: Int32Array[]): boolean {
    const I = this.I;
    const rng = this.rng;
    const S = I.nStaff;
    let u0 = -1;
    for (let tries = 0; tries < 20 && u0 < 0; tries++) {
      const u = rng.int(I.nUnits);
      if (this.uRoute[u] >= 0 && !I.vLinked[I.uVisit[u]] && this.nDist[I.uRec[u]] > 1) u0 = u;
    }
    if (u0 < 0) return false;
    const rec = I.uRec[u0];
    const vs = I.series[I.vSeries[I.uVisit[u0]]];
    if (vs.length < 2) return false;
    // target: the helper doing most of the series (often), a preferred helper, or another
    // helper of the person, chosen at random with weights
    const days = I.problem.days;
    let h = -1;
    const x = rng.next();
    if (x < 0.5) {
      let bc = 0;
      const seen = new Map<number, number>();
      for (const v of vs) {
        const r = this.uRoute[I.vUnits[v][0]];
        if (r < 0) continue;
        const c = (seen.get(I.rStaff[r]) ?? 0) + 1 + rng.next() * 0.5;
        seen.set(I.rStaff[r], Math.floor(c));
        if (c > bc) {
          bc = c;
          h = I.rStaff[r];
        }
      }
    } else if (x < 0.75 && recPref[rec].length > 0) h = recPref[rec][rng.int(recPref[rec].length)];
    else {
      const mine: number[] = [];
      for (let s = 0; s < S; s++) if (this.cnt[rec * S + s] > 0) mine.push(s);
      if (mine.length) h = mine[rng.int(mine.length)];
    }
    if (h < 0) return false;
    let moved = 0;
    for (const v of vs) {
      if (I.vLinked[v]) continue;
      const u = I.vUnits[v][0];
      const cur = this.uRoute[u];
      if (cur >= 0 && I.rStaff[cur] === h) continue;
      const r = this.routeOf[h * days + I.uDay[u]];
      if (r < 0 || !eligible(I, u, r)) continue;
      this.forceInto(v, u, r, rec, rng, 0.25);
      moved++;
    }
    return moved > 0;
  }

  /**
   * Helper-set ruin (continuity): choose for one person a smaller set of helpers that can
   * cover all of their (one-helper) visits — greedily, the helper who works on the days of
   * most uncovered visits first, preferring helpers who already serve the person — then
   * move every visit done outside that set into the route of the set's helper on that day
   * (forced in recreate, with room made around its time). One move can thus drop one or
   * more faces for a person over the whole horizon.
   */
  protected helperSetRuin(recVisits: number[][], recPref: Int32Array[]): boolean {
    const I = this.I;
    const rng = this.rng;
    const S = I.nStaff;
    const days = I.problem.days;
    const rec = this.crowdedRecipient();
    if (rec < 0) return false;
    const vs = recVisits[rec];
    const single: number[] = [];
    for (const v of vs) if (I.vUnits[v].length === 1 && !I.vLinked[v]) single.push(v);
    if (single.length < 2) return false;
    // candidates: the person's current helpers and preferred helpers
    const cands: number[] = [];
    for (let s = 0; s < S; s++) if (this.cnt[rec * S + s] > 0) cands.push(s);
    for (const s of recPref[rec]) if (!cands.includes(s)) cands.push(s);
    const covered = new Uint8Array(single.length);
    const chosen: number[] = [];
    const target = new Int32Array(single.length).fill(-1);
    const maxSet = Math.max(1, this.nDist[rec] - 1);
    while (chosen.length < maxSet) {
      let best = -1;
      let bestScore = 0;
      for (const s of cands) {
        if (chosen.includes(s)) continue;
        let n = 0;
        for (let i = 0; i < single.length; i++) {
          if (covered[i]) continue;
          const u = I.vUnits[single[i]][0];
          const r = this.routeOf[s * days + I.uDay[u]];
          if (r >= 0 && eligible(I, u, r)) n++;
        }
        if (n === 0) continue;
        const score = n + 0.3 * Math.min(this.cnt[rec * S + s], n) + rng.next() * 1.5;
        if (score > bestScore) {
          bestScore = score;
          best = s;
        }
      }
      if (best < 0) break;
      chosen.push(best);
      for (let i = 0; i < single.length; i++) {
        if (covered[i]) continue;
        const u = I.vUnits[single[i]][0];
        const r = this.routeOf[best * days + I.uDay[u]];
        if (r >= 0 && eligible(I, u, r)) {
          covered[i] = 1;
          target[i] = r;
        }
      }
    }
    let moved = 0;
    for (let i = 0; i < single.length; i++) {
      const v = single[i];
      const u = I.vUnits[v][0];
      const cur = this.uRoute[u];
      if (cur >= 0 && chosen.includes(I.rStaff[cur])) continue;
      const r = target[i];
      if (r < 0) continue;
      this.forceInto(v, u, r, rec, rng, 0.3);
      moved++;
    }
    return moved > 0;
  }

  /**
   * Takes visit v (unit u) out and forces it into route r; unless the coin (keepChance) says
   * otherwise, also frees room around its time there by removing one or two of the route's
   * visits of other people.
   */
  private forceInto(v: number, u: number, r: number, rec: number, rng: Rng, keepChance: number) {
    const I = this.I;
    if (this.removedMark[v] !== this.iter) this.removeVisit(v);
    this.forced.push(v, r);
    const seq = this.routes[r];
    if (seq.length === 0 || rng.next() < keepChance) return;
    let p = 0;
    while (p < seq.length && this.rE[r][p] + I.uDur[seq[p]] < I.uE[u]) p++;
    const l = 1 + rng.int(2);
    for (let i = p; i < Math.min(seq.length, p + l); i++) {
      const w = seq[i];
      if (this.uRoute[w] !== r || I.uRec[w] === rec) continue;
      const wv = I.uVisit[w];
      if (this.removedMark[wv] !== this.iter) this.removeVisit(wv);
    }
  }
}
