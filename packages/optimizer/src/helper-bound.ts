/**
 * The capacity-free lower bound of distinct helpers per person: the smallest set of helpers
 * whose shifts and competences cover all of the person's visits (a two-helper visit needs
 * two of the set on duty then), as if every helper had unlimited time. No plan can give a
 * person fewer faces; the bench reports it beside each plan, and the continuity targets
 * are judged against it where it is above them.
 *
 * Exact per person (a set multicover solved by iterative deepening over the helpers that
 * could do the person's least-covered visit); helpers with the same coverage of the person's
 * visits are one choice (two copies where a visit needs two helpers). A search that runs
 * past its node budget reports the depth it has proven (still a lower bound) and `exact:
 * false`.
 */
import { quantile } from './checker.ts';
import type { Problem } from './model.ts';
import { travelMatrix } from './travel.ts';

export interface HelperBound {
  /** Recipient id -> the fewest helpers that could cover their visits (people with no servable visit are left out). */
  perRecipient: Map<string, number>;
  mean: number;
  median: number;
  p90: number;
  /** Every person's bound was proven optimal within the node budget. */
  exact: boolean;
}

const NODE_BUDGET = 20_000;

export function helperLowerBound(problem: Problem): HelperBound {
  const tm = travelMatrix(problem);
  const n = problem.locations.length;
  const locIdx = new Map(problem.locations.map((l, i) => [l.id, i]));
  const recLoc = new Map(problem.recipients.map((r) => [r.id, locIdx.get(r.location)!]));
  // per visit: the staff who could do it on its own (capacity ignored)
  const byRec = new Map<string, { need: number; cands: number[] }[]>();
  for (const v of problem.visits) {
    const loc = recLoc.get(v.recipient)!;
    const skills = v.skills ?? [];
    const latest = v.latest + (v.maxLate ?? 0);
    const cands: number[] = [];
    problem.staff.forEach((st, s) => {
      if (v.pinned !== undefined && v.pinned !== st.id) return;
      if (!skills.every((k) => st.skills.includes(k))) return;
      const sh = st.shifts.find((x) => x.day === v.day);
      if (!sh) return;
      const a = locIdx.get(st.start)!;
      const b = locIdx.get(st.end)!;
      const arr = Math.max(sh.start + tm[a * n + loc], v.earliest);
      if (arr > latest + 1e-9 || arr + v.duration + tm[loc * n + b] > sh.end + 1e-9) return;
      cands.push(s);
    });
    const need = v.staff ?? 1;
    if (cands.length < need) continue; // nobody could ever do it: no face needed
    const list = byRec.get(v.recipient) ?? [];
    list.push({ need, cands });
    byRec.set(v.recipient, list);
  }
  const perRecipient = new Map<string, number>();
  let exact = true;
  for (const [rec, visits] of byRec) {
    const r = minCover(visits);
    perRecipient.set(rec, r.size);
    if (!r.exact) exact = false;
  }
  const xs = [...perRecipient.values()].sort((a, b) => a - b);
  return {
    perRecipient,
    mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length),
    median: quantile(xs, 0.5),
    p90: quantile(xs, 0.9),
    exact,
  };
}

/**
 * The smallest multiset cover of the visits' needs by candidate helpers (see the module
 * note). Visits whose candidate helpers never meet (a morning and an evening series done by
 * day and evening staff) are covered apart, and the sizes add up.
 */
export function minCover(visits: { need: number; cands: number[] }[]): { size: number; exact: boolean } {
  // components of the visits joined by a shared candidate helper
  const parent = visits.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const firstOf = new Map<number, number>();
  visits.forEach((v, i) => {
    for (const s of v.cands) {
      const j = firstOf.get(s);
      if (j === undefined) firstOf.set(s, i);
      else parent[find(i)] = find(j);
    }
  });
  const parts = new Map<number, { need: number; cands: number[] }[]>();
  visits.forEach((v, i) => {
    const r = find(i);
    const l = parts.get(r) ?? [];
    l.push(v);
    parts.set(r, l);
  });
  let size = 0;
  let exact = true;
  for (const part of parts.values()) {
    const r = coverPart(part);
    size += r.size;
    if (!r.exact) exact = false;
  }
  return { size, exact };
}

function coverPart(visits: { need: number; cands: number[] }[]): { size: number; exact: boolean } {
  const m = visits.length;
  if (m === 0) return { size: 0, exact: true };
  // coverage signature of each helper over the visits
  const sig = new Map<number, number[]>();
  visits.forEach((v, i) => {
    for (const s of v.cands) {
      const l = sig.get(s) ?? [];
      l.push(i);
      sig.set(s, l);
    }
  });
  // one choice per distinct signature, with as many copies as the largest need it covers (≤ 2)
  const seen = new Map<string, number>();
  let choices: number[][] = [];
  for (const [, cover] of sig) {
    const key = cover.join(',');
    const copies = seen.get(key) ?? 0;
    const maxNeed = Math.max(...cover.map((i) => visits[i].need));
    if (copies >= maxNeed) continue;
    seen.set(key, copies + 1);
    choices.push(cover);
  }
  // a choice covering a subset of another's visits, none of them needing two, is never needed
  choices.sort((a, b) => b.length - a.length);
  const sets = choices.map((c) => new Set(c));
  choices = choices.filter((c, j) => {
    if (c.some((i) => visits[i].need > 1)) return true;
    for (let k = 0; k < j; k++) if (sets[k].size > c.length && c.every((i) => sets[k].has(i))) return false;
    for (let k = 0; k < j; k++) if (sets[k].size === c.length && c.every((i) => sets[k].has(i))) return false;
    return true;
  });
  const coverOf: number[][] = Array.from({ length: m }, () => []);
  choices.forEach((c, j) => {
    for (const i of c) coverOf[i].push(j);
  });
  const left = visits.map((v) => v.need);
  const used = new Uint8Array(choices.length);
  const maxCover = Math.max(...choices.map((c) => c.length));
  let nodes = 0;
  let budgetHit = false;
  // visits in order of fewest choices, for the packing bound
  const byFew = visits.map((_, i) => i).sort((a, b) => coverOf[a].length - coverOf[b].length);
  const blocked = new Uint8Array(choices.length);
  /**
   * A lower bound of the helpers still to add: visits that share no unused choice need
   * different helpers, so their remaining needs add up (a greedy packing, fewest choices first).
   */
  const packingBound = (): number => {
    blocked.fill(0);
    let lb = 0;
    for (const i of byFew) {
      if (left[i] <= 0) continue;
      let free = true;
      for (const j of coverOf[i]) if (!used[j] && blocked[j]) free = false;
      if (!free) continue;
      lb += left[i];
      for (const j of coverOf[i]) blocked[j] = 1;
    }
    return lb;
  };
  const dfs = (depth: number): boolean => {
    // the visit with the fewest unused choices that still needs helpers
    let pick = -1;
    let pickFree = Infinity;
    let total = 0;
    let maxLeft = 0;
    for (let i = 0; i < m; i++) {
      if (left[i] <= 0) continue;
      total += left[i];
      if (left[i] > maxLeft) maxLeft = left[i];
      let free = 0;
      for (const j of coverOf[i]) if (!used[j]) free++;
      if (free < left[i]) return false;
      if (free < pickFree) {
        pickFree = free;
        pick = i;
      }
    }
    if (pick < 0) return true;
    if (depth === 0 || maxLeft > depth || Math.ceil(total / maxCover) > depth) return false;
    if (packingBound() > depth) return false;
    if (++nodes > NODE_BUDGET) {
      budgetHit = true;
      return false;
    }
    for (const j of coverOf[pick]) {
      if (used[j]) continue;
      used[j] = 1;
      for (const i of choices[j]) left[i]--;
      const ok = dfs(depth - 1);
      for (const i of choices[j]) left[i]++;
      used[j] = 0;
      if (ok) return true;
      if (budgetHit) return false;
    }
    return false;
  };
  for (let depth = 1; depth <= choices.length; depth++) {
    nodes = 0;
    if (dfs(depth)) return { size: depth, exact: true };
    // every set of `depth` helpers failed (proven), unless the budget ran out
    if (budgetHit) return { size: depth, exact: false };
  }
  return { size: choices.length, exact: false };
}
