/**
 * Themes in the open answers («Hva er viktig for deg nå?»), found by plain keyword lists in
 * bokmål so that anyone can see why an answer was counted under a theme. A keyword ending in
 * `*` matches words that start with it; others match whole words only. One answer may touch
 * several themes. Only counts leave this function: never the text, never the words matched.
 *
 * Rule (principle 5): themes are only computed for a group (one team, one whole quarter)
 * with at least MIN_GROUP answers, like the rest of the survey; leaders see theme counts
 * only, never an answer's text, because a sentence about a garden, a dog or a grandchild can
 * identify the person who wrote it. The team's own members see the answers themselves.
 */
export const THEMES = [
  { id: 'time', keywords: ['tid*', 'klokk*', 'sent', 'seint', 'forsink*', 'vent*', 'presis*', 'avtal*', 'punktlig*'] },
  {
    id: 'faces',
    keywords: ['samme', 'kjent*', 'ukjent*', 'fast', 'faste', 'nye', 'forskjellig*', 'vikar*', 'ansikt*'],
  },
  { id: 'heard', keywords: ['lytt*', 'hør*', 'bestemm*', 'spør*', 'medvirk*', 'ønsk*', 'respekt*'] },
  {
    id: 'outdoors',
    keywords: ['ute', 'ut', 'tur', 'turer', 'gåtur*', 'hage*', 'spaser*', 'butikk*', 'aktivitet*', 'trim*', 'luft*'],
  },
  {
    id: 'company',
    keywords: ['alene', 'ensom*', 'prat*', 'snakk*', 'selskap*', 'venn*', 'familie*', 'barnebarn*', 'kaffe*'],
  },
  { id: 'food', keywords: ['mat', 'maten', 'middag*', 'frokost*', 'lunsj*', 'kvelds*', 'spis*', 'måltid*', 'drikk*'] },
  {
    id: 'health',
    keywords: ['smert*', 'vondt', 'medisin*', 'sår', 'søvn*', 'sove', 'svimmel*', 'fall*', 'helse*', 'trøtt*'],
  },
  { id: 'home', keywords: ['hjem*', 'bolig*', 'vask*', 'rydd*', 'dusj*', 'klær', 'handl*'] },
  { id: 'information', keywords: ['beskjed*', 'informasjon*', 'info', 'ring*', 'telefon*', 'endring*', 'varsl*'] },
] as const;

export type ThemeId = (typeof THEMES)[number]['id'];
export interface ThemeCount {
  id: ThemeId;
  count: number;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-zæøåéèüöä]+/u)
    .filter(Boolean);
const matches = (word: string, keyword: string) =>
  keyword.endsWith('*') ? word.startsWith(keyword.slice(0, -1)) : word === keyword;

/** The themes an answer touches. */
export function themesOfAnswer(text: string): ThemeId[] {
  const ws = words(text);
  return THEMES.filter((t) => t.keywords.some((k) => ws.some((w) => matches(w, k)))).map((t) => t.id);
}

/** How many answers touch each theme, most first; themes nobody touched are left out. */
export function countThemes(answers: string[]): ThemeCount[] {
  const counts = new Map<ThemeId, number>();
  for (const a of answers) for (const id of themesOfAnswer(a)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return THEMES.map((t) => ({ id: t.id, count: counts.get(t.id) ?? 0 }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count);
}
