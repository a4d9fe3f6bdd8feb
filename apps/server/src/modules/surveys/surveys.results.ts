import { MIN_GROUP, SURVEY_ITEMS } from '@tillit/contracts';
import { countThemes } from './themes.ts';

export interface ItemResult {
  id: string;
  answered: number;
  dontKnow: number;
  mean: number | null;
  distribution: number[];
}

/**
 * Aggregates one team's answers for one quarter. Cells are whole quarters of one team and
 * nothing else can be chosen, so no two cells overlap and no cell can be found by
 * subtracting others. With fewer than MIN_GROUP answers, only the fact of suppression is
 * returned: not the count, not the open answers, not their themes.
 */
export function aggregate(responses: { answers: Record<string, number | null>; openAnswer: string | null }[]) {
  if (responses.length < MIN_GROUP) return { suppressed: true as const, minimum: MIN_GROUP };
  const items: ItemResult[] = SURVEY_ITEMS.map((item) => {
    const values = responses.map((r) => r.answers[item.id]);
    const given = values.filter((v): v is number => typeof v === 'number');
    const distribution = [1, 2, 3, 4, 5].map((k) => given.filter((v) => v === k).length);
    return {
      id: item.id,
      answered: given.length,
      dontKnow: values.length - given.length,
      mean: given.length ? given.reduce((a, b) => a + b, 0) / given.length : null,
      distribution,
    };
  });
  // Open answers are shown in a shuffled-by-sorting order so their order does not reveal who answered when.
  const openAnswers = responses
    .map((r) => r.openAnswer)
    .filter((x): x is string => Boolean(x))
    .sort((a, b) => a.localeCompare(b, 'nb'));
  return {
    suppressed: false as const,
    responses: responses.length,
    items,
    openAnswers,
    themes: countThemes(openAnswers),
  };
}
