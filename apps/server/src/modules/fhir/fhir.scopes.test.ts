import { describe, expect, it } from 'vitest';
import { grantedScopes, scopeAllows } from './fhir.scopes.ts';

describe('SMART scopes', () => {
  it('reads v1 scopes by type and mode', () => {
    expect(scopeAllows(['user/Patient.read'], 'Patient', 'read')).toBe(true);
    expect(scopeAllows(['user/Patient.read'], 'Patient', 'write')).toBe(false);
    expect(scopeAllows(['user/Patient.read'], 'Observation', 'read')).toBe(false);
    expect(scopeAllows(['user/*.write'], 'Observation', 'write')).toBe(true);
    expect(scopeAllows(['user/*.*'], 'Encounter', 'read')).toBe(true);
  });

  it('reads v2 scopes: r/s read, c/u write', () => {
    expect(scopeAllows(['user/Patient.rs'], 'Patient', 'read')).toBe(true);
    expect(scopeAllows(['user/Patient.rs'], 'Patient', 'write')).toBe(false);
    expect(scopeAllows(['user/Observation.c'], 'Observation', 'write')).toBe(true);
    expect(scopeAllows(['patient/Patient.read', 'user/Patient'], 'Patient', 'read')).toBe(false);
  });

  it('grants only the asked scopes the client holds, or all of them when none are asked', () => {
    const allowed = ['user/Patient.read', 'user/Observation.write'];
    expect(grantedScopes(undefined, allowed)).toEqual(allowed);
    expect(grantedScopes('user/Patient.read user/Goal.read', allowed)).toEqual(['user/Patient.read']);
    expect(grantedScopes('user/Goal.read', allowed)).toEqual([]);
  });
});
