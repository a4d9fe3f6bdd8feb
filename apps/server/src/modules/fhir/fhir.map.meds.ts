/** Medicines and the audit log as FHIR R4 resources (pure); see fhir.map.ts for the conventions. */
import { compact, instant, ref } from './fhir.map.ts';

// biome-ignore lint/suspicious/noExplicitAny: rows of row_to_json, shaped by the SQL that selects them
type Row = Record<string, any>;

const ATC = 'http://www.whocc.no/atc';
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;

function medicationConcept(m: Row) {
  return compact({
    coding: m.atc_code ? [{ system: ATC, code: m.atc_code }] : undefined,
    text: `${m.drug_name} ${m.strength}`,
  });
}

/** A line of the medication list (legemiddellisten). */
export function medicationStatement(m: Row) {
  const ended = m.valid_until !== null && m.valid_until < m.today;
  return compact({
    resourceType: 'MedicationStatement',
    id: m.id,
    status: ended ? 'completed' : 'active',
    medicationCodeableConcept: medicationConcept(m),
    subject: ref('Patient', m.recipient_id),
    effectivePeriod: compact({ start: m.valid_from, end: m.valid_until ?? undefined }),
    reasonCode: [{ text: m.indication }],
    dosage: [
      compact({
        text: m.dose,
        asNeededBoolean: m.as_needed,
        route: { coding: [{ system: 'urn:tillit:drug-route', code: m.route }], text: m.route },
        timing: (m.times as number[]).length ? { repeat: { timeOfDay: (m.times as number[]).map(clock) } } : undefined,
        maxDosePerPeriod: m.max_per_24h
          ? {
              numerator: { value: m.max_per_24h },
              denominator: { value: 24, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' },
            }
          : undefined,
      }),
    ],
  });
}

const ADMIN_STATUS: Record<string, string> = { given: 'completed', self_taken: 'completed', not_given: 'not-done' };

/** A dose given, taken or not given at a visit (or as needed). */
export function medicationAdministration(d: Row) {
  return compact({
    resourceType: 'MedicationAdministration',
    id: d.id,
    status: ADMIN_STATUS[d.status],
    statusReason: d.not_given_reason
      ? [{ coding: [{ system: 'urn:tillit:not-given-reason', code: d.not_given_reason }], text: d.not_given_reason }]
      : undefined,
    medicationCodeableConcept: medicationConcept(d),
    subject: ref('Patient', d.recipient_id),
    context: ref('Encounter', d.visit_id),
    effectiveDateTime: instant(d.recorded_at),
    note: d.note ? [{ text: d.note }] : undefined,
    // No `dosage`: ours is free text ("2 tabletter"), and R4 asks a dosage for a quantity (mad-1);
    // the prescribed dose stands on the MedicationStatement.
  });
}

const OUTCOME_OK = '0';
const OUTCOME_REFUSED = '4';

/** An audit log row about a person: who, what, when, on what basis (purposeOfEvent), refused or not. */
export function auditEvent(a: Row) {
  const refused = a.basis === 'denied';
  return compact({
    resourceType: 'AuditEvent',
    id: String(a.seq),
    type: {
      system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
      code: 'rest',
      display: 'RESTful Operation',
    },
    subtype: [{ system: 'urn:tillit:audit-action', code: a.action }],
    action: /\.(read|search|view|list)/i.test(a.action) ? 'R' : 'E',
    recorded: instant(a.at),
    outcome: refused ? OUTCOME_REFUSED : OUTCOME_OK,
    purposeOfEvent: [{ coding: [{ system: 'urn:tillit:audit-basis', code: a.basis }], text: a.basis }],
    agent: [
      compact({
        who: compact({
          identifier: a.actor_user_id ? { system: 'urn:tillit:user', value: a.actor_user_id } : undefined,
          display: a.actor_name,
        }),
        requestor: true,
      }),
    ],
    source: { observer: { display: 'Tillit' } },
    entity: a.recipient_id ? [{ what: ref('Patient', a.recipient_id) }] : undefined,
  });
}
