import { describe, expect, it } from 'vitest';
import { readerRole, whatHappened } from './portal.log.ts';

describe("the access log in the person's words", () => {
  it('tells a read from a change and a refusal', () => {
    expect(whatHappened('record.read', 'care_relation')).toBe('read');
    expect(whatHappened('portal.export_json', 'portal')).toBe('read');
    expect(whatHappened('decision.letter', 'care_relation')).toBe('read');
    expect(whatHappened('care.measure.change', 'care_relation')).toBe('write');
    expect(whatHappened('record.update', 'emergency')).toBe('write');
    expect(whatHappened('record.read', 'denied')).toBe('refused');
  });

  it('names staff by profession and a citizen as next of kin', () => {
    expect(readerRole({ role: 'member', profession: 'sykepleier' })).toBe('sykepleier');
    expect(readerRole({ role: 'leader', profession: null })).toBe('leader');
    expect(readerRole({ role: 'citizen', profession: null })).toBe('nextOfKin');
    expect(readerRole(undefined)).toBeNull();
  });
});
