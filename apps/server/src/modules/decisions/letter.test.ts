import { describe, expect, it } from 'vitest';
import { caseNumber, isDraft, type LetterData, renderDecisionLetter, teamContactLines } from './letter.ts';

const letter = (over: Partial<LetterData> = {}): LetterData => ({
  id: '3f2a9c1b-0000-4000-8000-000000000001',
  status: 'active',
  municipality: 'Oslo',
  district: 'Bydel Gamle Oslo',
  team: 'Team Tøyen',
  teamContact: { addressLine: 'Tøyen helsehus, Helsegata 1', postalCode: '0650', city: 'Oslo', phone: '21 80 20 00' },
  person: { name: 'Petter Person', addressLine: 'Gata 1', postalCode: '0650', city: 'Oslo' },
  serviceName: 'helsetjenester i hjemmet',
  hoursPerWeek: 3.5,
  validFrom: '2026-12-01',
  validUntil: null,
  needsAndWishes: 'Hjelp med medisiner',
  reasons: 'Behov etter sykehusopphold',
  legalBasis: 'Helse- og omsorgstjenesteloven § 3-2',
  decidedBy: 'Anna Nordmann',
  cosignedBy: null,
  decidedAt: new Date('2026-12-02T10:00:00Z'),
  ...over,
});

describe('the decision letter', () => {
  it('names the team’s address and phone and a case number', () => {
    expect(teamContactLines(letter())).toEqual([
      'Team Tøyen',
      'Tøyen helsehus, Helsegata 1, 0650 Oslo',
      'Telefon: 21 80 20 00',
    ]);
    expect(caseNumber(letter())).toBe('2026/3F2A9C1B');
    const none = { addressLine: null, postalCode: null, city: null, phone: null };
    expect(teamContactLines(letter({ teamContact: none }))).toEqual([
      'Team Tøyen',
      'Adresse: ikke registrert',
      'Telefon: ikke registrert',
    ]);
  });

  it('marks a decision still waiting for its co-signature as a draft', async () => {
    expect(isDraft(letter({ status: 'awaiting_cosign' }))).toBe(true);
    expect(isDraft(letter())).toBe(false);
    const draft = (await renderDecisionLetter(letter({ status: 'awaiting_cosign' }))).toString('latin1');
    const final = (await renderDecisionLetter(letter())).toString('latin1');
    expect(draft).toContain('Saksnummer 2026/3F2A9C1B UTKAST');
    expect(final).toContain('Saksnummer 2026/3F2A9C1B');
    expect(final).not.toContain('UTKAST');
  });
});
