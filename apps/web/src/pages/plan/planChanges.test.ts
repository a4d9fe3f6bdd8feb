import { describe, expect, it } from 'vitest';
import { dedupeChanges, type PlanChange } from './planChanges.ts';

const change = (id: string, over: Partial<PlanChange> = {}): PlanChange => ({
  id,
  kind: 'added',
  date: '2026-12-09',
  plannedStart: 480,
  windowStart: 450,
  windowEnd: 510,
  person: 'Ada L.',
  createdAt: '2026-12-08T10:00:00.000Z',
  ...over,
});

describe('dedupeChanges', () => {
  it('shows a change notified twice as one line that keeps both ids', () => {
    const lines = dedupeChanges([change('a'), change('b'), change('c', { kind: 'removed' })]);
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.kind === 'added')?.ids).toEqual(['a', 'b']);
  });

  it('keeps different visits apart and lists them by date and time', () => {
    const lines = dedupeChanges([
      change('late', { date: '2026-12-10', plannedStart: 420 }),
      change('noon', { plannedStart: 720 }),
      change('early', { plannedStart: 500 }),
      change('other', { plannedStart: 500, person: 'Bo K.' }),
    ]);
    expect(lines.map((l) => l.id)).toEqual(['early', 'other', 'noon', 'late']);
  });
});
