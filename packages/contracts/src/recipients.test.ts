import { describe, expect, it } from 'vitest';
import { endServiceBody, newRecipientBody, recipientPatch } from './recipients.ts';

const fields = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join('.'));

describe('change of a person served', () => {
  it('refuses a version beyond the integer column, naming version (found by the fuzzer: it was a 500)', () => {
    expect(fields(recipientPatch.safeParse({ version: 3_021_892_944_751_535, city: 'Oslo' }))).toEqual(['version']);
    expect(recipientPatch.safeParse({ version: 2_147_483_647, city: 'Oslo' }).success).toBe(true);
  });
  it('refuses a field it does not know', () => {
    expect(recipientPatch.safeParse({ version: 1, nationalId: '01010112345' }).success).toBe(false);
  });
});

describe('a new person served', () => {
  const person = {
    teamId: '00000000-0000-4000-8000-000000000000',
    givenName: 'Kari',
    familyName: 'Nordmann',
    nationalId: '15076500565',
    addressLine: 'Storgata 1',
    postalCode: '0155',
    city: 'Oslo',
    lat: 59.91,
    lon: 10.75,
    consentShareWithNextOfKin: true,
  };
  it('checks the national identity number digit by digit, naming nationalId with the problem', () => {
    expect(newRecipientBody.parse(person)).toMatchObject({ reservationAgainstSharing: false });
    const bad = newRecipientBody.safeParse({ ...person, nationalId: '15076500566' });
    expect(fields(bad)).toEqual(['nationalId']);
    expect(bad.error?.issues[0]).toMatchObject({ params: { problem: expect.stringMatching(/^nationalId\./) } });
  });
  it('refuses a birth date the number contradicts, naming birthDate', () => {
    expect(fields(newRecipientBody.safeParse({ ...person, birthDate: '1965-07-16' }))).toEqual(['birthDate']);
    expect(newRecipientBody.safeParse({ ...person, birthDate: '1965-07-15' }).success).toBe(true);
  });
});

describe('ending a service', () => {
  it('asks why, naming reason', () => {
    const end = { teamId: '00000000-0000-4000-8000-000000000000', lastDay: '2026-12-31' };
    expect(fields(endServiceBody.safeParse({ ...end, reason: 'x' }))).toEqual(['reason']);
    expect(endServiceBody.safeParse({ ...end, reason: 'Flyttet' }).success).toBe(true);
  });
});
