import { describe, expect, it } from 'vitest';
import type { Problem } from '../model.ts';
import { compile, resolveWeights } from './instance.ts';

const shift = (day: number) => ({ day, start: 450, end: 900 });
const helper = (id: string, days: number[], skills: string[] = ['care']) => ({
  id,
  skills,
  start: 'base',
  end: 'base',
  shifts: days.map(shift),
});
const visit = (id: string, recipient: string, day: number, staff = 1, skills = ['care']) => ({
  id,
  recipient,
  day,
  earliest: 480,
  latest: 600,
  duration: 30,
  skills,
  staff,
});

/** r1: morning care on days 0–3 and a two-helper lift on day 0; r2: a visit nobody is qualified for. */
const problem: Problem = {
  format: 'tillit-homecare/1',
  name: 'floor',
  days: 4,
  travel: { model: 'haversine', speedKmh: 25, detourFactor: 1.35 },
  locations: [
    { id: 'base', lat: 59.89, lon: 10.78 },
    { id: 'home1', lat: 59.88, lon: 10.79 },
    { id: 'home2', lat: 59.9, lon: 10.77 },
  ],
  staff: [
    helper('a', [0, 1]),
    helper('b', [2, 3]),
    helper('c', [0, 1, 2, 3], ['therapy']), // on duty every day, but not qualified
    helper('d', [0]),
  ],
  recipients: [
    { id: 'r1', location: 'home1' },
    { id: 'r2', location: 'home2' },
  ],
  visits: [
    visit('m0', 'r1', 0),
    visit('m1', 'r1', 1),
    visit('m2', 'r1', 2),
    visit('m3', 'r1', 3),
    visit('lift', 'r1', 0, 2),
    visit('w', 'r2', 1, 1, ['wound']),
  ],
} as Problem;

describe('helper floor per person (recFloor)', () => {
  it('counts the helpers a greedy cover of the visits by qualified helpers on duty needs, two for a two-helper visit', () => {
    const inst = compile(problem, resolveWeights(problem));
    // a covers days 0–1 and one place of the lift, b days 2–3, d the lift's second place; c is not qualified
    expect(Array.from(inst.recFloor)).toEqual([3, 0]);
  });

  it('is one helper for the same person without the lift', () => {
    const noLift = {
      ...problem,
      staff: [...problem.staff, helper('e', [0, 1, 2, 3])],
      visits: problem.visits.filter((v) => v.id !== 'lift'),
    };
    expect(Array.from(compile(noLift, resolveWeights(noLift)).recFloor)).toEqual([1, 0]);
  });
});
