import { describe, expect, it } from 'vitest';
import { pgArray } from './arrays.ts';

describe('pgArray', () => {
  it('reads the text literal either driver may give', () => {
    expect(pgArray('{a1,b2}')).toEqual(['a1', 'b2']);
    expect(pgArray('{1,3,5}', Number)).toEqual([1, 3, 5]);
  });

  it('passes a parsed array through, mapping its strings', () => {
    expect(pgArray(['1', '2'], Number)).toEqual([1, 2]);
    expect(pgArray([1, 2], Number)).toEqual([1, 2]);
  });

  it('gives nothing for the empty array, NULL elements, null and other values', () => {
    expect(pgArray('{}')).toEqual([]);
    expect(pgArray('{NULL,x}')).toEqual(['x']);
    expect(pgArray(null)).toEqual([]);
    expect(pgArray(undefined)).toEqual([]);
  });
});
