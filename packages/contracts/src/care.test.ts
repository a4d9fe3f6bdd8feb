import { describe, expect, it } from 'vitest';
import { measureBody, measurePatch, sharedDecisionBody } from './care.plan.ts';
import { completeVisitBody, observationInput } from './care.visits.ts';

const measure = {
  goalId: '00000000-0000-4000-8000-000000000000',
  title: 'Morgenstell',
  days: [1, 3, 5],
  windowStart: '08:00',
  windowEnd: '08:30',
  durationMinutes: 30,
  decidedWithPerson: true,
};
const fields = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('measure input', () => {
  it('parses the agreed window into minutes', () => {
    expect(measureBody.parse(measure)).toMatchObject({ windowStart: 480, windowEnd: 510, everyWeeks: 1 });
  });
  it('refuses a window that ends before it starts, naming windowEnd', () => {
    expect(fields(measureBody.safeParse({ ...measure, windowEnd: '07:30' }))).toEqual(['windowEnd']);
  });
  it('refuses a measure with neither goal nor reason, naming goalId', () => {
    expect(fields(measureBody.safeParse({ ...measure, goalId: null }))).toEqual(['goalId']);
    expect(
      measureBody.safeParse({ ...measure, goalId: null, professionalNeed: 'Sårstell etter operasjon' }).success,
    ).toBe(true);
  });
  it('refuses a malformed time', () => {
    expect(fields(measureBody.safeParse({ ...measure, windowStart: '8' }))).toEqual(['windowStart']);
  });
});

describe('observations', () => {
  it.each([
    [{ kind: 'pulse', value: 72 }, []],
    [{ kind: 'pulse', value: 720 }, ['value']],
    [{ kind: 'temperature', value: 45 }, ['value']],
    [{ kind: 'spo2', value: 101 }, ['value']],
    [{ kind: 'blood_pressure', value: 130, value2: 80 }, []],
    [{ kind: 'blood_pressure', value: 130 }, ['value2']],
    [{ kind: 'blood_pressure', value: 80, value2: 130 }, ['value2']],
  ])('%j → %j', (o, expected) => {
    expect(fields(observationInput.safeParse(o))).toEqual(expected);
  });
  it('asks why a measure was not done', () => {
    const r = completeVisitBody.safeParse({
      version: 1,
      outcomes: [{ measureId: measure.goalId, outcome: 'not_done' }],
    });
    expect(fields(r)).toEqual(['outcomes.0.reason']);
  });
});

describe('measure change', () => {
  it('refuses a version beyond the integer column, naming version (found by the fuzzer: it was a 500)', () => {
    const change = { version: 2 ** 53 - 1, reason: 'Endret tid', decidedWithPerson: true };
    expect(fields(measurePatch.safeParse(change))).toEqual(['version']);
    expect(measurePatch.safeParse({ ...change, version: 2_147_483_647 }).success).toBe(true);
  });

  it('refuses a completion based on a version beyond the integer column (fuzzer: 500s)', () => {
    expect(fields(completeVisitBody.safeParse({ version: 2 ** 53 - 2, allAsPlanned: true }))).toEqual(['version']);
    expect(completeVisitBody.safeParse({ version: 2_147_483_647, allAsPlanned: true }).success).toBe(true);
  });
});

describe('shared decision', () => {
  const decision = {
    question: 'Når passer morgenbesøket?',
    options: ['08:00', '09:00'],
    chosen: '09:00',
    why: 'Sover lenger',
    change: { action: 'window', measureId: measure.goalId, windowStart: '09:00', windowEnd: '09:30' },
  };
  it('takes a choice among the options discussed, naming chosen', () => {
    expect(fields(sharedDecisionBody.safeParse(decision))).toEqual([]);
    expect(fields(sharedDecisionBody.safeParse({ ...decision, chosen: '10:00' }))).toEqual(['chosen']);
  });
  it('refuses a window that ends before it starts, naming change.windowEnd', () => {
    const change = { ...decision.change, windowEnd: '08:30' };
    expect(fields(sharedDecisionBody.safeParse({ ...decision, change }))).toEqual(['change.windowEnd']);
  });
});
