/**
 * GET /fhir/R4/metadata: what this server really does, built from the same tables the routes
 * use (SEARCH_PARAMS, CREATABLE), so it cannot promise more than is there. QuestionnaireResponse
 * is absent on purpose: survey answers are anonymous (modules/surveys), nothing is kept per person.
 */
import { SEARCH_PARAMS } from './fhir.search.ts';

export const CREATABLE = ['Observation', 'Encounter'];
export const TOKEN_PATH = '/oauth2/token';

const PARAM_TYPE: Record<string, string> = { reference: 'reference', token: 'token', date: 'date', count: 'number' };

const DOCS: Record<string, string> = {
  Patient: 'identifier: fødselsnummer (urn:oid:2.16.578.1.12.4.1.4.1) or D-nummer (urn:oid:2.16.578.1.12.4.1.4.2)',
  Observation: 'LOINC 85354-9 (8480-6/8462-4), 8867-4, 8310-5, 29463-7, 59408-5, 9279-1; UCUM units',
  Encounter: 'Home visits (v3-ActCode HH); create records a finished visit made outside the plan',
  CarePlan: 'One per patient (id = the patient id): the measures (tiltak) with their agreed days and window',
  AuditEvent: 'Administrators only: the audit rows about a patient (search with patient=)',
};

function resource(type: string) {
  const params = Object.entries(SEARCH_PARAMS[type]).map(([name, kind]) => ({ name, type: PARAM_TYPE[kind] }));
  const interaction = [
    ...(type === 'AuditEvent' ? [] : [{ code: 'read' }]),
    { code: 'search-type' },
    ...(CREATABLE.includes(type) ? [{ code: 'create' }] : []),
  ];
  return {
    type,
    ...(DOCS[type] ? { documentation: DOCS[type] } : {}),
    interaction,
    searchParam: params,
  };
}

export function capabilityStatement(baseUrl: string, version: string) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-12-02',
    publisher: 'Tillit',
    kind: 'instance',
    software: { name: 'Tillit', version },
    implementation: { description: 'Tillit FHIR R4 API', url: `${baseUrl}/fhir/R4` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Bearer tokens from client credentials; a token acts as the user its client is bound to.',
        security: {
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: `${baseUrl}${TOKEN_PATH}` }],
            },
          ],
          service: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' },
              ],
            },
          ],
          description: 'OAuth2 client credentials; scopes user/<Type>.read|write (SMART v1) or user/<Type>.rs|cu (v2).',
        },
        resource: Object.keys(SEARCH_PARAMS).map(resource),
      },
    ],
  };
}
