/**
 * People served: registering a person, changing their record, next of kin and ending a team's
 * service. Every endpoint's input and output (the record itself is record.ts). The server
 * validates with these schemas (output through the zod serializer); the web app takes its types.
 */
import { z } from 'zod';
import { jsonDate, rowVersion } from './common.ts';
import { nationalIdMessages, validateNationalId } from './nationalId.ts';

const isoDate = z.iso.date();
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{8,15}$/, 'A phone number has 8–15 digits, optionally starting with +');
const postalCode = z.string().regex(/^\d{4}$/, 'A postal code has four digits');

/** PATCH /api/recipients/:id: fields a team member may change; `version` guards against lost updates (→ recordResponse). */
export const recipientPatch = z
  .object({
    version: rowVersion,
    phone: phone.nullable().optional(),
    addressLine: z.string().trim().min(1).max(200).optional(),
    postalCode: postalCode.optional(),
    city: z.string().trim().min(1).max(100).optional(),
    lat: z.number().min(57).max(72).optional(),
    lon: z.number().min(4).max(32).optional(),
    consentShareWithNextOfKin: z.boolean().optional(),
    reservationAgainstSharing: z.boolean().optional(),
    reservationNote: z.string().trim().max(1000).nullable().optional(),
    primaryContactStaffId: z.uuid().nullable().optional(),
  })
  .strict();
export type RecipientPatch = z.infer<typeof recipientPatch>;
export type RecipientPatchRequest = z.input<typeof recipientPatch>;

/** POST /api/recipients/:id/next-of-kin */
export const nextOfKinBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    relation: z.string().trim().min(1).max(100),
    phone: phone.nullable().optional(),
    isClosest: z.boolean().default(false),
  })
  .strict();
export type NextOfKinInput = z.infer<typeof nextOfKinBody>;
export type NextOfKinRequest = z.input<typeof nextOfKinBody>;
export const nextOfKinResponse = z.object({
  id: z.string(),
  recipientId: z.string(),
  name: z.string(),
  relation: z.string(),
  phone: z.string().nullable(),
  isClosest: z.boolean(),
  createdAt: jsonDate,
});

/** POST /api/recipients: a new person served; the national identity number is checked digit by digit. */
export const newRecipientBody = z
  .object({
    teamId: z.uuid(),
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    nationalId: z.string().trim(),
    birthDate: isoDate.optional(),
    addressLine: z.string().trim().min(1).max(200),
    postalCode,
    city: z.string().trim().min(1).max(100),
    lat: z.number().min(57).max(72),
    lon: z.number().min(4).max(32),
    phone: phone.nullable().optional(),
    /** Asked when the person is registered: may the team share information with next of kin? */
    consentShareWithNextOfKin: z.boolean(),
    reservationAgainstSharing: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    const r = validateNationalId(v.nationalId);
    if (!r.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['nationalId'],
        message: nationalIdMessages[r.problem].en,
        params: { problem: `nationalId.${r.problem}` },
      });
    } else if (v.birthDate && v.birthDate !== r.birthDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['birthDate'],
        message: `The national identity number gives the birth date ${r.birthDate}`,
      });
    }
  });
export type NewRecipient = z.infer<typeof newRecipientBody>;
export type NewRecipientRequest = z.input<typeof newRecipientBody>;
export const newRecipientResponse = z.object({ id: z.string() });
export type NewRecipientResult = z.infer<typeof newRecipientResponse>;

/** POST /api/recipients/:id/end-service: one serving team's last day (today or later) and why. */
export const endServiceBody = z
  .object({
    teamId: z.uuid(),
    lastDay: isoDate,
    reason: z.string().trim().min(3, 'Write why the service ends').max(1000),
  })
  .strict();
export type EndService = z.infer<typeof endServiceBody>;
export type EndServiceRequest = z.input<typeof endServiceBody>;
/** The last day, and how many planned visits after it no other serving team covers were cancelled. */
export const endServiceResponse = z.object({ lastDay: z.string(), cancelledVisits: z.number() });
export type EndServiceResult = z.infer<typeof endServiceResponse>;
