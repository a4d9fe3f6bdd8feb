import { type AssessmentItem, assessmentItems } from '@tillit/contracts';

/**
 * A simple level band per person from the assessment in force, for counting, never for a single
 * figure about the person. Helsedirektoratet warns that averages of IPLOS items mislead (the
 * items measure different things, 9 means «not relevant», and a mean hides who needs full help
 * with one thing), so Tillit counts people per band instead: the number of items scored 3–5
 * (the person needs help with the activity; 1–2 means no need of help, 9 is left out).
 *   little     0–3 items with a need of help
 *   moderate   4–8 items
 *   extensive  9 or more items
 * This is Tillit's own banding for planning and dialogue, not the register's classification.
 */
export type Band = 'little' | 'moderate' | 'extensive';

export const NEED_OF_HELP_FROM = 3;

export function needItems(scores: Partial<Record<AssessmentItem, number>>): number {
  return assessmentItems.filter((item) => {
    const s = scores[item];
    return s !== undefined && s >= NEED_OF_HELP_FROM && s <= 5;
  }).length;
}

export function levelBand(itemsWithNeed: number): Band {
  if (itemsWithNeed >= 9) return 'extensive';
  if (itemsWithNeed >= 4) return 'moderate';
  return 'little';
}

/** What changed from one assessment to the next: the items whose score moved, in the register's order. */
export function scoreChanges(now: Record<string, number>, before: Record<string, number> | undefined) {
  if (!before) return [];
  return assessmentItems
    .filter((item) => now[item] !== before[item])
    .map((item) => ({ item, from: before[item], to: now[item] }));
}
