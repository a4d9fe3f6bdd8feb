/**
 * The demo's past survey and pulse answers, pure and seeded: for each closed quarter of the past
 * year, about a third of each team's people answered the survey (on the tablet, by link or by
 * phone; some through a next of kin), and most staff answered the pulse. They are handed to the
 * surveys module, which files them through its ballot box like any answer (surveys/index.ts).
 */
import { PULSE_ITEMS, SURVEY_ITEMS } from '@tillit/contracts';
import type { PastPulseAnswer, PastSurveyAnswer } from '../surveys/index.ts';
import type { rng } from './random.ts';
import { dayClock } from './history.calendar.ts';

type Rng = ReturnType<typeof rng>;

/** Open answers in the words people use; the themes (surveys/themes.ts) are counted from them. */
const OPEN = [
  'At de kommer når de har sagt.',
  'Å få være med å bestemme når de kommer.',
  'Samme folk som kommer, så slipper jeg å forklare alt på nytt.',
  'Å komme meg ut på tur når været er fint.',
  'Litt mer tid til en prat og en kopp kaffe.',
  'At middagen blir varmet ordentlig.',
  'Få beskjed hvis de blir forsinket.',
  'Å klare meg selv i dusjen.',
  'At de lytter når jeg sier at jeg har vondt.',
  'Hjelp til å handle på butikken selv.',
];

/** 1–5 around a mean, now and then «vet ikke» (null) or left out. */
function scale(r: Rng, mean: number): number | null | undefined {
  const x = r.next();
  if (x < 0.04) return undefined;
  if (x < 0.09) return null;
  return Math.max(1, Math.min(5, Math.round(mean + (r.next() + r.next() + r.next() - 1.5) * 1.6)));
}

const answersOf = (r: Rng, ids: readonly { id: string }[], mean: (id: string) => number) => {
  const out: Record<string, number | null> = {};
  for (const { id } of ids) {
    const v = scale(r, mean(id));
    if (v !== undefined) out[id] = v;
  }
  return out;
};

/** A moment inside the quarter (a weekday between 10:00 and 14:00). */
function dayInQuarter(r: Rng, quarter: string) {
  const month = (Number(quarter.slice(5)) - 1) * 3 + r.int(0, 2);
  const date = `${quarter.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-${String(r.int(2, 27)).padStart(2, '0')}`;
  return dayClock(date)(r.int(600, 840));
}

/** The survey answers of each team's people, quarter by quarter; never fewer than five per team and quarter. */
export function pastSurveyAnswers(
  r: Rng,
  quarters: string[],
  teams: { id: string; people: string[]; askers: string[] }[],
): PastSurveyAnswer[] {
  const out: PastSurveyAnswer[] = [];
  for (const [qi, quarter] of quarters.entries())
    for (const [ti, team] of teams.entries()) {
      const mood = 3.9 + 0.25 * ((ti + qi) % 3) - 0.2 * (ti % 2);
      const asked = team.people.filter(() => r.next() < 0.33);
      for (const p of asked.length >= 6 ? asked : team.people.slice(0, 6)) {
        const answers = answersOf(r, SURVEY_ITEMS, (id) => (id === 'on_time' ? mood - 0.3 : mood));
        const open = r.next() < 0.45 ? r.pick(OPEN) : undefined;
        if (Object.keys(answers).length === 0 && !open) answers.respect = 4;
        const channel = r.next() < 0.6 ? 'tablet' : r.next() < 0.6 ? 'link' : 'phone';
        out.push({
          teamId: team.id,
          recipientId: p,
          quarter,
          channel,
          respondent: r.next() < 0.8 ? 'person' : 'next_of_kin',
          answers,
          ...(open ? { openAnswer: open } : {}),
          askedBy: r.pick(team.askers),
          askedAt: dayInQuarter(r, quarter),
        });
      }
    }
  return out;
}

/** The pulse: most of each team answers each quarter (at least five), and the district's leaders. */
export function pastPulseAnswers(
  r: Rng,
  quarters: string[],
  districtId: string,
  groups: { teamId: string | null; users: string[] }[],
): PastPulseAnswer[] {
  const out: PastPulseAnswer[] = [];
  for (const [qi, quarter] of quarters.entries())
    for (const [gi, g] of groups.entries()) {
      const willing = g.users.filter(() => r.next() < 0.75);
      const who = willing.length >= 5 || g.users.length < 5 ? willing : g.users.slice(0, 6);
      const trust = 3.3 + 0.15 * qi + 0.2 * (gi % 3);
      for (const userId of who) {
        const answers = answersOf(r, PULSE_ITEMS, (id) =>
          id.startsWith('barrier_') ? 6 - trust + (id === 'barrier_structural' ? 0.5 : 0) : trust,
        );
        if (Object.keys(answers).length === 0) answers.meaning = 4;
        out.push({
          userId,
          districtId,
          teamId: g.teamId,
          level: g.teamId ? 'team' : 'leader',
          quarter,
          answers,
        });
      }
    }
  return out;
}
