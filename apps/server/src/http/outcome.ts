import type { FastifyReply } from 'fastify';

/**
 * Every error under /fhir/R4 is a FHIR OperationOutcome (application/fhir+json): the app's error
 * code goes into `details`, each field problem becomes an issue whose `expression` names the
 * element (FHIRPath, e.g. `Observation.valueQuantity.value`).
 */
const ISSUE_CODE: Record<number, string> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-supported',
  409: 'conflict',
  412: 'conflict',
  415: 'not-supported',
  422: 'processing',
  429: 'throttled',
};

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export function operationOutcome(status: number, error: Record<string, unknown>) {
  const code = ISSUE_CODE[status] ?? (status >= 500 ? 'exception' : 'invalid');
  const details = {
    coding: [{ system: 'urn:tillit:error', code: String(error.code ?? 'error') }],
    text: String(error.message ?? ''),
  };
  const fields = Array.isArray(error.fields)
    ? (error.fields as { field: string; message: string; code: string }[])
    : [];
  const issue = fields.length
    ? fields.map((f) => ({
        severity: 'error',
        code,
        details: { coding: [{ system: 'urn:tillit:error', code: f.code }], text: f.message },
        expression: [f.field],
      }))
    : [{ severity: 'error', code, details }];
  return { resourceType: 'OperationOutcome', issue };
}

export function sendOperationOutcome(reply: FastifyReply, status: number, error: Record<string, unknown>) {
  return reply.status(status).type(FHIR_JSON).send(operationOutcome(status, error));
}
