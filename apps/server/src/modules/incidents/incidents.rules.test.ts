import { describe, expect, it } from 'vitest';
import { nextState } from './incidents.rules.ts';

describe('incident states', () => {
  it('moves reported → reviewed → closed and no further', () => {
    expect(nextState('reported')).toBe('reviewed');
    expect(nextState('reviewed')).toBe('closed');
    expect(nextState('closed')).toBeNull();
  });
});
