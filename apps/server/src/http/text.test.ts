import { describe, expect, it } from 'vitest';
import { findBadText } from './text.ts';

/** A body nested `depth` levels deep, with `leaf` at the bottom. */
function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('findBadText', () => {
  it('names the field of a NUL deep in a body', () => {
    expect(findBadText({ x: [{ y: 'ok' }, { z: 'Nul\u0000byte' }] })).toEqual({ field: 'x.1.z', code: 'text.nul' });
  });

  it('passes whole text through', () => {
    expect(findBadText({ a: 'Hva er viktig for deg? 👵🏻', b: ['æøå'] })).toBeNull();
  });

  it('touches each level of a deep body once, not once per level above it', () => {
    // Counts the elements iterated by array spreads: a walk that copies the path at each
    // level spreads ever longer paths (the square of the depth), a walk by parent links none.
    let copies = 0;
    const spread = Array.prototype[Symbol.iterator];
    Array.prototype[Symbol.iterator] = function (this: unknown[]) {
      copies += this.length;
      return spread.call(this);
    };
    try {
      expect(findBadText(nested(2000, 'ok'))).toBeNull();
    } finally {
      Array.prototype[Symbol.iterator] = spread;
    }
    // 2,000 levels: a path copy per level would iterate ~2,000,000 elements.
    expect(copies).toBeLessThan(50_000);
  });
});
