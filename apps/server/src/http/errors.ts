import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

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

/** Maps a Postgres error (wrapped by drizzle in `cause`) to a client error where it is the client's fault. */
function fromDatabaseError(err: unknown): AppError | null {
  const cause =
    (err as { cause?: { code?: string; constraint?: string } })?.cause ??
    (err as { code?: string; constraint?: string });
  if (!cause || typeof cause.code !== 'string') return null;
  if (cause.code === '23505')
    return new AppError(409, 'duplicate', 'That value is already registered', { constraint: cause.constraint });
  if (cause.code === '23503')
    return new AppError(400, 'invalid_reference', 'A referenced item does not exist', { constraint: cause.constraint });
  return null;
}

export function errorHandler(err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    return reply.status(err.status).send({ error: { code: err.code, message: err.message, ...err.extra } });
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldProblem[] = err.validation.map((v) => ({
      field: fieldOf(v.instancePath),
      code: codeOf(v.keyword, v.params),
      message: v.message ?? 'Invalid value',
    }));
    return reply.status(400).send({
      error: { code: 'invalid_input', message: `Invalid input: ${fields.map((f) => f.field).join(', ')}`, fields },
    });
  }
  const db = fromDatabaseError(err);
  if (db) return reply.status(db.status).send({ error: { code: db.code, message: db.message, ...db.extra } });
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return reply
      .status(status)
      .send({ error: { code: (err as FastifyError).code ?? 'bad_request', message: err.message } });
  }
  request.log.error(err);
  return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side' } });
}
