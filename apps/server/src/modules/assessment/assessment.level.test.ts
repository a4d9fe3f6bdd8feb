import { describe, expect, it } from 'vitest';
import { levelBand, needItems, scoreChanges } from './assessment.level.ts';

describe('level band from an assessment', () => {
  it('counts items scored 3–5 and leaves 1, 2 and 9 out', () => {
    expect(needItems({ memory: 3, vision: 5, hearing: 9, cooking: 2, eating: 1, toilet: 4 })).toBe(3);
  });
  it('bands 0–3 little, 4–8 moderate, 9+ extensive', () => {
    expect([0, 3, 4, 8, 9, 17].map(levelBand)).toEqual([
      'little',
      'little',
      'moderate',
      'moderate',
      'extensive',
      'extensive',
    ]);
  });
  it('lists what changed, in the register order', () => {
    expect(scoreChanges({ memory: 3, vision: 2, cooking: 4 }, { memory: 2, vision: 2, cooking: 3 })).toEqual([
      { item: 'memory', from: 2, to: 3 },
      { item: 'cooking', from: 3, to: 4 },
    ]);
    expect(scoreChanges({ memory: 3 }, undefined)).toEqual([]);
  });
});
