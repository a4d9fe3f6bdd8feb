/** The care record's rows as FHIR R4 resources (pure); see fhir.map.ts for the conventions. */
import { osloInstant } from '@tillit/contracts';
import { compact, instant, ref } from './fhir.map.ts';

// biome-ignore lint/suspicious/noExplicitAny: rows of row_to_json, shaped by the SQL that selects them
type Row = Record<string, any>;

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';

/** Our observation kinds and their LOINC codes (docs/ARCHITECTURE.md); NEWS2 has no LOINC code we rely on. */
export const OBSERVATION_CODES: Record<string, { code?: string; display: string }> = {
  blood_pressure: { code: '85354-9', display: 'Blood pressure panel with all children optional' },
  pulse: { code: '8867-4', display: 'Heart rate' },
  temperature: { code: '8310-5', display: 'Body temperature' },
  weight: { code: '29463-7', display: 'Body weight' },
  spo2: { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
  respiratory_rate: { code: '9279-1', display: 'Respiratory rate' },
  news2: { display: 'NEWS2' },
};
export const SYSTOLIC = '8480-6';
export const DIASTOLIC = '8462-4';
const KIND_SYSTEM = 'urn:tillit:observation-kind';

export function observationCode(kind: string) {
  const c = OBSERVATION_CODES[kind];
  const coding = [
    ...(c.code ? [{ system: LOINC, code: c.code, display: c.display }] : []),
    { system: KIND_SYSTEM, code: kind },
  ];
  return { coding, text: c.display };
}

const quantity = (value: number, unit: string) => ({ value, unit, system: UCUM, code: unit });

export function observation(o: Row) {
  const bp = o.kind === 'blood_pressure';
  return compact({
    resourceType: 'Observation',
    id: o.id,
    status: 'final',
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }],
      },
    ],
    code: observationCode(o.kind),
    subject: ref('Patient', o.recipient_id),
    encounter: ref('Encounter', o.visit_id),
    effectiveDateTime: instant(o.recorded_at),
    valueQuantity: bp ? undefined : quantity(o.value, o.unit),
    component: bp
      ? [
          { code: { coding: [{ system: LOINC, code: SYSTOLIC }] }, valueQuantity: quantity(o.value, o.unit) },
          { code: { coding: [{ system: LOINC, code: DIASTOLIC }] }, valueQuantity: quantity(o.value2, o.unit) },
        ]
      : undefined,
  });
}

const ENCOUNTER_STATUS: Record<string, string> = {
  planned: 'planned',
  started: 'in-progress',
  done: 'finished',
  cancelled: 'cancelled',
};

/** A visit: a home visit (v3 ActCode HH) in the agreed window, or from check-in to check-out once made. */
export function encounter(v: Row) {
  const start = v.checked_in_at ?? osloInstant(v.date, v.planned_start ?? v.window_start);
  const end = v.checked_out_at ?? (v.status === 'done' ? undefined : osloInstant(v.date, v.window_end));
  return compact({
    resourceType: 'Encounter',
    id: v.id,
    status: ENCOUNTER_STATUS[v.status],
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH', display: 'home health' },
    subject: ref('Patient', v.recipient_id),
    participant: [v.staff_id, v.second_staff_id].filter(Boolean).map((id) => ({ individual: ref('Practitioner', id) })),
    period: compact({ start: instant(start), end: instant(end) }),
  });
}

const GOAL_STATUS: Record<string, string> = {
  active: 'active',
  achieved: 'completed',
  paused: 'on-hold',
  ended: 'cancelled',
};

/** A goal, with «what matters» in the person's own words as its note (verbatim). */
export function goal(g: Row) {
  return compact({
    resourceType: 'Goal',
    id: g.id,
    lifecycleStatus: GOAL_STATUS[g.status],
    achievementStatus:
      g.status === 'achieved'
        ? { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: 'achieved' }] }
        : undefined,
    description: { text: g.description },
    subject: ref('Patient', g.recipient_id),
    startDate: g.created_at ? new Date(g.created_at).toISOString().slice(0, 10) : undefined,
    target: [{ dueDate: g.review_date }],
    note: g.what_matters ? [{ text: g.what_matters }] : undefined,
  });
}

const DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
const ACTIVITY_STATUS: Record<string, string> = { active: 'in-progress', paused: 'on-hold', ended: 'stopped' };

function activity(m: Row) {
  return {
    detail: compact({
      code: { text: m.title },
      status: ACTIVITY_STATUS[m.status],
      description: m.how || undefined,
      goal: m.goal_id ? [ref('Goal', m.goal_id)] : undefined,
      reasonCode: m.professional_need ? [{ text: m.professional_need }] : undefined,
      scheduledTiming: {
        repeat: {
          dayOfWeek: (m.days as number[]).map((d) => DAY[d - 1]),
          timeOfDay: [clock(m.window_start)],
          duration: m.duration_minutes,
          durationUnit: 'min',
          frequency: 1,
          period: m.every_weeks,
          periodUnit: 'wk',
        },
      },
      performer: m.usual_staff_id ? [ref('Practitioner', m.usual_staff_id)] : undefined,
    }),
  };
}

/** The person's plan of measures (tiltaksplan): one CarePlan per person, id = the person's id. */
export function carePlan(p: Row) {
  const measures = (p.measures ?? []) as Row[];
  return compact({
    resourceType: 'CarePlan',
    id: p.id,
    status: measures.some((m) => m.status === 'active') ? 'active' : 'on-hold',
    intent: 'plan',
    title: 'Tiltaksplan',
    subject: ref('Patient', p.id),
    goal: [...new Set(measures.map((m) => m.goal_id).filter(Boolean))].map((id) => ref('Goal', id)),
    activity: measures.map(activity),
  });
}
