import { haversineKm } from '@tillit/optimizer';
import { describe, expect, it } from 'vitest';
import { planFigures, TRAVEL } from './planning.figures.ts';

describe('plan figures', () => {
  it('counts travel from the places’ coordinates even when the caller hands whole person rows', () => {
    const base = { lat: 59.9, lon: 10.75 };
    // The planning data hands the person row itself as the point: it has an `id` of its own.
    const people = new Map([['p1', { id: 'p1', name: 'Kari', lat: 59.9, lon: 10.76, primaryContact: null }]]);
    const visit = { recipientId: 'p1', date: '2026-12-03', windowStart: 480, windowEnd: 540, duration: 30 };
    const f = planFigures(
      [
        { ...visit, helpers: ['s1'], start: 480 },
        { ...visit, windowStart: 900, windowEnd: 960, helpers: ['s1'], start: null },
      ],
      (id) => people.get(id)!,
      base,
    );
    // One helper's day: base → Kari → Kari → base; the visit to the same home costs nothing.
    const leg = ((haversineKm(59.9, 10.75, 59.9, 10.76) * TRAVEL.detourFactor) / TRAVEL.speedKmh) * 60;
    expect(f.travelMinutes).toBeCloseTo(2 * leg, 1);
    expect(f.insideWindow).toBe(2);
  });
});
