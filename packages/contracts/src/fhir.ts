import { z } from 'zod';

/**
 * FHIR R4 clients (modules/fhir): an administrator registers a system with its allowed SMART
 * scopes, bound to the user whose access it acts with. The FHIR resources themselves are FHIR's
 * own shapes (hl7.org/fhir/R4), checked by the server as it maps them onto the record.
 */

/** SMART v1 (`user/Patient.read`, `user/*.write`) or v2 (`user/Patient.rs`, `user/Observation.c`) scope. */
export const FHIR_SCOPE = /^user\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)$/;
export const fhirScope = z
  .string()
  .regex(FHIR_SCOPE, { message: 'A scope looks like user/Patient.read, user/Observation.write or user/Patient.rs' })
  .refine((s) => !s.endsWith('.'), { message: 'A scope names what it allows after the dot' });

/** POST /api/fhir/clients (administrators). */
export const registerFhirClientBody = z
  .object({
    clientId: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: '3–64 lower-case letters, digits, dot, dash or underscore' }),
    name: z.string().trim().min(1).max(200),
    /** The username of the user whose access the client acts with. */
    actsAs: z.string().trim().min(1).max(100),
    scopes: z.array(fhirScope).min(1).max(40),
  })
  .strict();
export type RegisterFhirClient = z.infer<typeof registerFhirClientBody>;

export const fhirClientView = z.object({
  id: z.uuid(),
  clientId: z.string(),
  name: z.string(),
  actsAs: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  revoked: z.boolean(),
});

/** The answer to a registration: the secret is shown once and kept only as an argon2id hash. */
export const registeredFhirClient = fhirClientView.extend({ clientSecret: z.string() });
export const fhirClientList = z.object({ clients: z.array(fhirClientView) });

/** POST /fhir/R4/auth/token (form-encoded, client credentials; the secret in the body or Basic). */
export const fhirTokenBody = z.object({
  grant_type: z.string(),
  client_id: z.string().max(100).optional(),
  client_secret: z.string().max(200).optional(),
  scope: z.string().max(2000).optional(),
});

export const fhirTokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});
