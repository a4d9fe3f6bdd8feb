import { describe, expect, it } from 'vitest';
import { dueForWriting, type HeldKey, shuffle } from './ballot.ts';

const now = new Date('2026-11-15T12:00:00Z'); // in 2026Q4
const held = (n: number, cell: string, quarter: string): HeldKey[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${cell}-${quarter}-${i}`, cell, quarter }));

describe('which held answers are written', () => {
  it('writes every answer of a closed quarter, however few', () => {
    expect(dueForWriting(held(2, 'north', '2026Q3'), now).sort()).toEqual(['north-2026Q3-0', 'north-2026Q3-1']);
  });

  it('keeps a running quarter’s answers until a cell holds twice the minimum, then writes all but the minimum', () => {
    expect(dueForWriting(held(9, 'north', '2026Q4'), now)).toEqual([]);
    const due = dueForWriting(held(10, 'north', '2026Q4'), now);
    expect(due).toHaveLength(5);
    expect(new Set(due).size).toBe(5);
    expect(dueForWriting(held(13, 'north', '2026Q4'), now)).toHaveLength(8);
  });

  it('counts each cell on its own', () => {
    const due = dueForWriting([...held(6, 'north', '2026Q4'), ...held(6, 'south', '2026Q4')], now);
    expect(due).toEqual([]);
  });

  it('chooses the written ones at random', () => {
    const seen = new Set<string>();
    for (let k = 0; k < 50; k++) for (const id of dueForWriting(held(10, 'north', '2026Q4'), now)) seen.add(id);
    expect(seen.size).toBe(10);
  });
});

describe('shuffle', () => {
  it('returns a permutation, leaving the input as it was', () => {
    const input = Array.from({ length: 20 }, (_, i) => i);
    const out = shuffle(input);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(input).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('puts every item in every place about equally often', () => {
    const places = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    for (let k = 0; k < 4000; k++) {
      for (const [place, x] of shuffle([0, 1, 2, 3]).entries()) places[x][place]++;
    }
    for (const row of places) for (const n of row) expect(n).toBeGreaterThan(800); // expected 1000 each
  });
});
