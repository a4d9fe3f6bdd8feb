/**
 * The care side of the demo's past year, pure and seeded: changes in condition flagged at visits,
 * most followed within hours or days by a change of the person's plan (a new version of a
 * measure, usually decided with the person), and each person's service decision.
 */
import type { rng } from './random.ts';
import { dayClock } from './history.calendar.ts';
import type { HistoryVisit } from './history.visits.ts';

type Rng = ReturnType<typeof rng>;

/** What a helper saw, and what the plan became. */
const FLAGS = [
  { text: 'Mer slapp enn vanlig og spiser lite.', how: 'Tilby næringsdrikk; skriv ned hva som blir spist.' },
  {
    text: 'Ustø på bena, nesten falt på badet.',
    how: 'Følg til badet og bruk dusjkrakken; sjekk at sklimatten ligger.',
  },
  { text: 'Virker mer forvirret om kvelden.', how: 'Kom rolig inn og si hvem du er; sjekk at medisinene er tatt.' },
  { text: 'Rødt og varmt rundt såret.', how: 'Observer såret hver gang og mål temperatur; ring fastlegen ved feber.' },
  { text: 'Sover dårlig og er trett om morgenen.', how: 'Vent med morgenstellet til personen har spist frokost.' },
  { text: 'Hovne ankler, mer tungpustet.', how: 'Vei personen mandag og torsdag; hev bena når hun sitter.' },
  { text: 'Ønsker å klare mer selv igjen.', how: 'La personen gjøre det selv; vi står ved siden av og støtter.' },
];
const STANDING = 'Fulgt opp; ingen endring i planen nå.';

export interface CareHistoryInput {
  now: Date;
  epoch: string;
  visitsByPerson: Map<string, HistoryVisit[]>;
  measures: { id: string; recipientId: string; how: string; durationMinutes: number; days: number[] }[];
  /** The user behind each staff member (the helper who flags). */
  userOfStaff: Map<string, string>;
  /** The user who changes the plan for a person (primary contact, or a nurse of the team). */
  plannerOf: Map<string, string>;
}

export interface MeasureChange {
  measureId: string;
  version: number;
  how: string;
  changedAt: Date;
  changedBy: string;
  reason: string;
  decidedWithPerson: boolean;
}

/** Hours from a flag to the plan change: mostly within a day, a long tail over a few days. */
function delayHours(r: Rng) {
  const normal = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
  return Math.min(200, Math.max(1, Math.exp(Math.log(16) + 0.9 * normal)));
}

/** Flags and the plan changes that followed, person by person through the year. */
export function generateCareHistory(r: Rng, input: CareHistoryInput) {
  const flags = [];
  const changes: MeasureChange[] = [];
  const versions = new Map<string, number>();
  const measuresOf = new Map<string, CareHistoryInput['measures']>();
  for (const m of input.measures) measuresOf.set(m.recipientId, [...(measuresOf.get(m.recipientId) ?? []), m]);
  const hour = 3_600_000;
  for (const [recipientId, visits] of input.visitsByPerson) {
    const planner = input.plannerOf.get(recipientId)!;
    const seen = visits.filter((v) => v.status === 'done' && v.checkedInAt && v.staffId);
    let next = r.int(10, 80);
    for (let i = next; i < seen.length; i = next) {
      const v = seen[i];
      next = i + r.int(60, 200); // a person's condition changes every month or three
      const flag = r.pick(FLAGS);
      const createdAt = new Date(v.checkedInAt!.getTime() + r.int(10, 30) * 60_000);
      const updated = r.next() < 0.8;
      const at = new Date(createdAt.getTime() + (updated ? delayHours(r) : r.int(6, 72)) * hour);
      const settled = at.getTime() < input.now.getTime() - hour;
      flags.push({
        id: r.uuid(),
        recipientId,
        visitId: v.id,
        text: flag.text,
        createdBy: input.userOfStaff.get(v.staffId!)!,
        createdAt,
        takenBy: settled ? planner : null,
        closedBy: settled ? planner : null,
        closedAt: settled ? new Date(at.getTime() + r.int(5, 60) * 60_000) : null,
        closingNote: settled ? (updated ? `Tiltaksplanen er endret: ${flag.how}` : STANDING) : null,
      });
      if (!updated || !settled) continue;
      const m = r.pick(measuresOf.get(recipientId)!);
      const version = (versions.get(m.id) ?? 1) + 1;
      versions.set(m.id, version);
      const withPerson = r.next() < 0.75;
      changes.push({
        measureId: m.id,
        version,
        how: `${m.how} ${flag.how}`,
        changedAt: at,
        changedBy: planner,
        reason: `${flag.text} ${withPerson ? 'Avtalt sammen med personen.' : 'Faglig vurdering; personen er informert.'}`,
        decidedWithPerson: withPerson,
      });
    }
  }
  return { flags, changes };
}

/** Planned hours a week of a person's measures. */
export const plannedHours = (ms: { durationMinutes: number; days: number[] }[]) =>
  ms.reduce((sum, m) => sum + m.durationMinutes * m.days.length, 0) / 60;

const BASIS = {
  hjemmesykepleie: 'Helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav a (helsetjenester i hjemmet)',
  praktisk_bistand:
    'Helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b (personlig assistanse, herunder praktisk bistand)',
} as const;
/** The team's frame (demo.loader.ts gives every demo team the same). */
const FRAME = { hjemmesykepleie: 10, praktisk_bistand: 6 } as const;

/**
 * Each person's service decision in force from the start of the history: home nursing when a
 * measure needs a nurse's competence, practical help otherwise; the hours of the plan rounded
 * down to the half hour (a decision grants what the plan needs). Beyond the team’s frame it
 * carries a second member’s signature.
 */
export function generateDecisions(
  r: Rng,
  d: {
    epoch: string;
    people: { recipientId: string; teamId: string; statement: string; cosigner: string }[];
    measures: { recipientId: string; durationMinutes: number; days: number[]; requiredCompetence: string | null }[];
    plannerOf: Map<string, string>;
  },
) {
  const decidedAt = dayClock(d.epoch)(600);
  return d.people.map((p) => {
    const ms = d.measures.filter((m) => m.recipientId === p.recipientId);
    const serviceType = ms.some((m) => m.requiredCompetence) ? 'hjemmesykepleie' : 'praktisk_bistand';
    const hoursPerWeek = Math.max(0.5, Math.floor(plannedHours(ms) * 2) / 2);
    const withinFrame = hoursPerWeek <= FRAME[serviceType];
    return {
      id: r.uuid(),
      recipientId: p.recipientId,
      teamId: p.teamId,
      serviceType,
      hoursPerWeek,
      validFrom: d.epoch,
      validUntil: null,
      needsAndWishes: `Personen sier: «${p.statement}» Trenger hjelp i hverdagen for å klare seg hjemme.`,
      reasons: 'Kartlagt hjemme sammen med personen; hjelpen er planlagt etter det som er viktig for henne eller ham.',
      legalBasis: BASIS[serviceType],
      withinFrame,
      status: 'active' as const,
      decidedBy: d.plannerOf.get(p.recipientId)!,
      decidedAt,
      cosignedBy: withinFrame ? null : p.cosigner,
      cosignedAt: withinFrame ? null : new Date(decidedAt.getTime() + 86_400_000),
    };
  });
}
