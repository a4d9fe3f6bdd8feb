import type { Problem } from './model.ts';

const EARTH_KM = 6371.0;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Travel-time matrix over `problem.locations` (row-major, minutes; Solomon: distance). */
export function travelMatrix(problem: Problem): Float64Array {
  const locs = problem.locations;
  const n = locs.length;
  const m = new Float64Array(n * n);
  const t = problem.travel;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let v: number;
      if (t.model === 'matrix') v = t.minutes[i][j];
      else if (t.model === 'euclidean') v = Math.hypot(locs[i].x! - locs[j].x!, locs[i].y! - locs[j].y!);
      else
        v = ((haversineKm(locs[i].lat!, locs[i].lon!, locs[j].lat!, locs[j].lon!) * t.detourFactor) / t.speedKmh) * 60;
      m[i * n + j] = v;
    }
  }
  return m;
}
