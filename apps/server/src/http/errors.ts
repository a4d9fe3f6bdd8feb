import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { sendOperationOutcome } from './outcome.ts';

/** One problem with one input field; `field` is a dotted path such as `nextOfKin.0.phone`. */
export interface FieldProblem {
  field: string;
  /** Stable code the web app translates (zod issue code or a domain code like `nationalId.checkDigit1`). */
  code: string;
  message: string;
}

/**
 * The one error type of the server. Code throws it; the handler below turns it into
 * `{ error: { code, message, fields?, ... } }` with the status.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { fields?: FieldProblem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (fields: FieldProblem[]) =>
  new AppError(400, 'invalid_input', `Invalid input: ${fields.map((f) => f.field).join(', ')}`, { fields });
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(403, code, message, extra);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Log in first');
export const conflict = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError(409, code, message, extra);

/** Turns a zod issue path (`/nextOfKin/0/phone`) into the dotted field name clients show. */
function fieldOf(instancePath: string): string {
  return instancePath.replace(/^\//, '').replace(/\//g, '.') || '(body)';
}

/** Custom issues carry a domain code in `params.problem`; others keep zod's issue code. */
function codeOf(keyword: string, params: unknown): string {
  const custom = (params as { params?: { problem?: string } })?.params?.problem;
  return custom ?? keyword;
}

/** The Postgres error code of an error, whether drizzle wrapped it (`cause`) or not. */
function databaseCode(err: unknown): string | null {
  const cause = (err as { cause?: { code?: unknown } })?.cause ?? (err as { code?: unknown });
  return typeof cause?.code === 'string' && /^[0-9A-Z]{5}$/.test(cause.code) ? cause.code : null;
}

/**
 * Maps a Postgres error to a client error where it is the client's fault. The answer never
 * names a constraint, table, column or the driver's message: those describe the schema, and
 * a constraint name next to a value tells whether that value exists.
 */
function fromDatabaseError(err: unknown): AppError | null {
  switch (databaseCode(err)) {
    case '23505':
      return new AppError(409, 'duplicate', 'That is already registered');
    case '23503':
      return new AppError(400, 'invalid_reference', 'Something the request refers to does not exist');
    // Text PostgreSQL cannot store (NUL, broken characters): the input check should have caught it first.
    case '22021':
    case '22P05':
      return new AppError(400, 'invalid_text', 'The text holds a character that cannot be stored');
    default:
      return null;
  }
}

/**
 * What may be logged about an unexpected error: its kind, its code and where it was thrown,
 * never its message (a driver's message carries the SQL and its parameters, which hold
 * people's data). Shaped as the logger's `err` serializer wants it.
 */
export function errorForLog(err: unknown): { type: string; code: string | null; message: string; stack: string } {
  // drizzle's query error keeps the name "Error"; its class says more.
  const type = err instanceof Error ? (err.name === 'Error' ? err.constructor.name : err.name) : typeof err;
  const own = (err as { code?: unknown })?.code;
  const code = databaseCode(err) ?? (typeof own === 'string' ? own : null);
  const frames = err instanceof Error ? (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
  return { type, code, message: `${type}${code ? ` ${code}` : ''} (message not logged)`, stack: frames.join('\n') };
}

/** One line for an operator about an error that was stored: its kind, code and where it was thrown. */
export function errorForOperators(err: unknown): string {
  const { type, code, stack } = errorForLog(err);
  const where = stack.split('\n')[0]?.trim();
  return [type, code, where].filter(Boolean).join(' ');
}

/** What an error answers: status and the app's error body (`{ code, message, fields?, … }`). */
function answerOf(
  err: FastifyError | AppError,
  request: FastifyRequest,
): { status: number; error: Record<string, unknown> } {
  if (err instanceof AppError)
    return { status: err.status, error: { code: err.code, message: err.message, ...err.extra } };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldProblem[] = err.validation.map((v) => ({
      field: fieldOf(v.instancePath),
      code: codeOf(v.keyword, v.params),
      message: v.message ?? 'Invalid value',
    }));
    const message = `Invalid input: ${fields.map((f) => f.field).join(', ')}`;
    return { status: 400, error: { code: 'invalid_input', message, fields } };
  }
  const db = fromDatabaseError(err);
  if (db) return { status: db.status, error: { code: db.code, message: db.message } };
  const status = (err as FastifyError).statusCode;
  // Fastify's own refusals (bad JSON, wrong content type, too large): about the request, not the database.
  if (status && status >= 400 && status < 500 && !databaseCode(err))
    return { status, error: { code: (err as FastifyError).code ?? 'bad_request', message: err.message } };
  // The route pattern, not the URL: the URL may carry a person's id.
  request.log.error({ err, route: request.routeOptions.url ?? null, method: request.method }, 'request failed');
  return { status: 500, error: { code: 'internal', message: 'Something went wrong on our side' } };
}

/** OAuth2's token endpoint answers errors as RFC 6749 §5.2 says, not in the app's shape. */
function sendOAuth(reply: FastifyReply, status: number, error: Record<string, unknown>) {
  return reply.status(status).send({ error: error.code, error_description: error.message });
}

export function errorHandler(err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const { status, error } = answerOf(err, request);
  if (typeof error.retryAfterSeconds === 'number') reply.header('retry-after', String(error.retryAfterSeconds));
  if (typeof error.wwwAuthenticate === 'string') reply.header('www-authenticate', error.wwwAuthenticate);
  if (request.url.startsWith('/fhir/')) return sendOperationOutcome(reply, status, error);
  if (request.url.startsWith('/oauth2/')) return sendOAuth(reply, status, error);
  const { wwwAuthenticate: _, ...body } = error;
  return reply.status(status).send({ error: body });
}
