/**
 * Each person's helper floor (Instance.recFloor): roughly the fewest helpers their visits
 * need, capacity ignored. The continuity ruins pick people by how far they are above it
 * (ruin.ts), so moves go where a face can actually be dropped. Greedy set cover per
 * person: repeatedly take the helper who could do the most of the person's still
 * uncovered visits (a two-helper visit needs two), until none is left.
 */
export function helperFloor(
  nRec: number,
  nVisits: number,
  nStaff: number,
  vUnits: Int32Array[],
  uRec: Int32Array,
  uRoutes: Int32Array[],
  rStaff: Int32Array,
  unassignable: Map<number, string>,
): Int32Array {
  const byRec: number[][] = Array.from({ length: nRec }, () => []);
  for (let v = 0; v < nVisits; v++) if (!unassignable.has(v)) byRec[uRec[vUnits[v][0]]].push(v);
  const floor = new Int32Array(nRec);
  const score = new Int32Array(nStaff);
  for (let r = 0; r < nRec; r++) {
    const vs = byRec[r];
    const need = vs.map((v) => vUnits[v].length);
    const cands = vs.map((v) => Array.from(uRoutes[vUnits[v][0]], (x) => rStaff[x]));
    const chosen = new Uint8Array(nStaff);
    for (;;) {
      score.fill(0);
      let best = -1;
      for (let i = 0; i < vs.length; i++) {
        if (need[i] <= 0) continue;
        for (const s of cands[i]) if (!chosen[s] && ++score[s] > (best < 0 ? 0 : score[best])) best = s;
      }
      if (best < 0) break;
      chosen[best] = 1;
      floor[r]++;
      for (let i = 0; i < vs.length; i++) if (need[i] > 0 && cands[i].includes(best)) need[i]--;
    }
  }
  return floor;
}
