import { describe, expect, it } from 'vitest';
import { expectedEqualTreatment } from './equality.expected.ts';
import { type EqualTreatmentRow, equalTreatment } from './indicators.ts';

const teams = [
  { id: 'nord', name: 'Nord' },
  { id: 'vest', name: 'Vest' },
  { id: 'sor', name: 'Sør' },
];
const row = (teamId: string, needItems: number | null, hoursPerWeek: number): EqualTreatmentRow => ({
  teamId,
  needItems,
  hoursPerWeek,
});
// The same district as test/assessed.ts.
const rows = [
  ...[3, 3, 3, 4, 7].map((h) => row('nord', 5, h)),
  row('nord', null, 2),
  row('nord', null, 2),
  ...Array.from({ length: 6 }, () => row('vest', 0, 2)),
  ...Array.from({ length: 4 }, () => row('sor', 17, 10)),
];
describe('equal treatment: decided hours by functional level band, team beside team', () => {
  it('gives people, mean and median hours per band and hides bands under five', () => {
    expect(equalTreatment(teams, rows)).toMatchObject(expectedEqualTreatment);
  });
});
