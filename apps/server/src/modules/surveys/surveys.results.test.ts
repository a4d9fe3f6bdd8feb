import { describe, expect, it } from 'vitest';
import { aggregate } from './surveys.results.ts';

const answer = (v: number | null, open: string | null = null) => ({
  answers: {
    on_time: v,
    skilled: 5,
    listened: 4,
    kind: 5,
    knows_what_matters: null,
    keeps_word: 4,
    same_people: 2,
    told_changes: 3,
    have_a_say: 4,
    respect: 5,
  },
  openAnswer: open,
});

describe('survey results', () => {
  it('hides everything for 4 answers', () => {
    expect(aggregate([answer(5), answer(4), answer(3), answer(2, 'Hagen')])).toEqual({ suppressed: true, minimum: 5 });
  });
  it('shows 5 answers: means over given answers, «vet ikke» counted apart', () => {
    const r = aggregate([answer(5), answer(4), answer(3), answer(null), answer(2, 'Å komme ut i hagen')]);
    if (r.suppressed) throw new Error('should be shown');
    const onTime = r.items.find((i) => i.id === 'on_time')!;
    expect(onTime).toEqual({ id: 'on_time', answered: 4, dontKnow: 1, mean: 3.5, distribution: [0, 1, 1, 1, 1] });
    expect(r.items.find((i) => i.id === 'knows_what_matters')).toMatchObject({ answered: 0, dontKnow: 5, mean: null });
    expect(r.openAnswers).toEqual(['Å komme ut i hagen']);
  });
});
