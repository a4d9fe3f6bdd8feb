/**
 * POST Observation and POST Encounter (pure parsing): a FHIR resource becomes the input of
 * care's own documentation (recordObservation, recordExtraVisit). Problems name the element:
 * 400 for a resource that is not what FHIR or this server accepts in shape, 422 for one that is
 * well-formed but cannot be stored as it says (a code we do not keep, an implausible value).
 */
import {
  addDays,
  type ObservationKind,
  observationInput,
  observationRanges,
  osloDate,
  osloMinute,
} from '@tillit/contracts';
import { AppError, badInput } from '../../http/errors.ts';
import { DIASTOLIC, LOINC, OBSERVATION_CODES, SYSTOLIC } from './fhir.map.clinical.ts';
import { isUuid } from './fhir.search.ts';

// biome-ignore lint/suspicious/noExplicitAny: a posted resource, checked element by element below
type Json = Record<string, any>;

const invalid = (field: string, message: string) => badInput([{ field, code: 'invalid', message }]);
const unprocessable = (field: string, message: string) =>
  new AppError(422, 'unprocessable', message, { fields: [{ field, code: 'unprocessable', message }] });

function reference(body: Json, path: string, element: string, type: string, required: boolean): string | undefined {
  const value = body[element]?.reference;
  if (value === undefined && !required) return undefined;
  const m = typeof value === 'string' ? new RegExp(`^${type}/(.+)$`).exec(value) : null;
  if (!m || !isUuid(m[1])) throw invalid(`${path}.${element}`, `${element}.reference must be ${type}/<id>`);
  return m[1];
}

function instantOf(field: string, value: unknown): Date {
  const ok =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  const at = ok ? new Date(value as string) : null;
  if (!at || Number.isNaN(at.getTime())) throw invalid(field, 'An instant with a zone, e.g. 2026-12-02T08:15:00+01:00');
  return at;
}

function assertShape(body: unknown, type: string): asserts body is Json {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid(type, `The body is a ${type} resource`);
  if ((body as Json).resourceType !== type) throw invalid(`${type}.resourceType`, `resourceType must be ${type}`);
}

function kindOfCode(body: Json): ObservationKind {
  const codings = body.code?.coding;
  if (!Array.isArray(codings) || codings.length === 0) throw invalid('Observation.code', 'code.coding is required');
  for (const c of codings) {
    const found = Object.entries(OBSERVATION_CODES).find(([, v]) => c?.system === LOINC && v.code === c?.code);
    if (found) return found[0] as ObservationKind;
  }
  throw unprocessable('Observation.code', 'code is none of the LOINC codes kept here (see the CapabilityStatement)');
}

function quantity(q: Json | undefined, field: string, unit: string): number {
  if (typeof q?.value !== 'number') throw invalid(`${field}.value`, 'A number is required');
  if (q.code !== undefined && q.code !== unit) throw unprocessable(`${field}.code`, `The UCUM unit here is ${unit}`);
  if (q.system !== undefined && q.system !== 'http://unitsofmeasure.org')
    throw unprocessable(`${field}.system`, 'Units are UCUM (http://unitsofmeasure.org)');
  return q.value;
}

function values(body: Json, kind: ObservationKind): { value: number; value2?: number } {
  const unit = observationRanges[kind].unit;
  if (kind !== 'blood_pressure') return { value: quantity(body.valueQuantity, 'Observation.valueQuantity', unit) };
  const components = Array.isArray(body.component) ? (body.component as Json[]) : [];
  const at = (code: string) =>
    components.findIndex((c) => c.code?.coding?.some((x: Json) => x.system === LOINC && x.code === code));
  const [s, d] = [at(SYSTOLIC), at(DIASTOLIC)];
  if (s < 0 || d < 0)
    throw invalid('Observation.component', `Blood pressure has components ${SYSTOLIC} and ${DIASTOLIC}`);
  return {
    value: quantity(components[s].valueQuantity, `Observation.component[${s}].valueQuantity`, unit),
    value2: quantity(components[d].valueQuantity, `Observation.component[${d}].valueQuantity`, unit),
  };
}

/** Maps the contract's range problems (value, value2) onto the elements they came from. */
function checkRanges(kind: ObservationKind, v: { value: number; value2?: number }) {
  const parsed = observationInput.safeParse({ kind, ...v });
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const element =
    kind === 'blood_pressure'
      ? `Observation.component[${issue.path[0] === 'value2' ? 1 : 0}].valueQuantity.value`
      : 'Observation.valueQuantity.value';
  throw unprocessable(element, issue.message);
}

export function parseObservation(body: unknown, now: Date) {
  assertShape(body, 'Observation');
  if (body.status !== 'final')
    throw invalid('Observation.status', 'status must be final (only final observations are kept)');
  const recipientId = reference(body, 'Observation', 'subject', 'Patient', true) as string;
  const visitId = reference(body, 'Observation', 'encounter', 'Encounter', false);
  const kind = kindOfCode(body);
  const v = values(body, kind);
  checkRanges(kind, v);
  const recordedAt =
    body.effectiveDateTime === undefined ? now : instantOf('Observation.effectiveDateTime', body.effectiveDateTime);
  if (recordedAt.getTime() > now.getTime() + 60_000)
    throw unprocessable('Observation.effectiveDateTime', 'An observation cannot be made in the future');
  return { recipientId, visitId, kind, ...v, recordedAt };
}

/** POST Encounter: a home visit made outside the plan, finished, within one Oslo day. */
export function parseEncounter(body: unknown, now: Date) {
  assertShape(body, 'Encounter');
  if (body.status !== 'finished')
    throw invalid('Encounter.status', 'Only finished encounters (visits made) are recorded');
  if (body.class?.code !== 'HH')
    throw unprocessable('Encounter.class', 'Encounters here are home visits (v3-ActCode HH)');
  const recipientId = reference(body, 'Encounter', 'subject', 'Patient', true) as string;
  const start = instantOf('Encounter.period.start', body.period?.start);
  const end = instantOf('Encounter.period.end', body.period?.end);
  if (end <= start) throw unprocessable('Encounter.period.end', 'The end comes after the start');
  if (end.getTime() > now.getTime() + 60_000)
    throw unprocessable('Encounter.period.end', 'The visit has not ended yet');
  const date = osloDate(start);
  const endMinute =
    osloDate(end) === date ? osloMinute(end) : osloDate(end) === addDays(date, 1) && osloMinute(end) === 0 ? 1440 : -1;
  if (endMinute < 0) throw unprocessable('Encounter.period.end', 'A visit starts and ends on the same day');
  const participants = Array.isArray(body.participant) ? (body.participant as Json[]) : [];
  const staffIds = participants.map(
    (p, i) => reference(p, `Encounter.participant[${i}]`, 'individual', 'Practitioner', true) as string,
  );
  if (staffIds.length > 2) throw unprocessable('Encounter.participant', 'A visit has one or two helpers');
  const startMinute = osloMinute(start);
  return {
    recipientId,
    date,
    startMinute,
    endMinute: Math.max(endMinute, startMinute + 1),
    checkedInAt: start,
    checkedOutAt: end,
    staffIds,
  };
}
