import { z } from 'zod';
import { nationalIdMessages, validateNationalId } from '@tillit/contracts';
import { rowVersion } from '@tillit/contracts';

const isoDate = z.iso.date();
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{8,15}$/, 'A phone number has 8–15 digits, optionally starting with +');

export const recipientParams = z.object({ id: z.uuid() });

/** Fields of a person served that a team member may change; `version` guards against lost updates. */
export const recipientPatch = z
  .object({
    // The column is a PostgreSQL integer: a larger number must be a 400, not a database error.
    version: rowVersion,
    phone: phone.nullable().optional(),
    addressLine: z.string().trim().min(1).max(200).optional(),
    postalCode: z
      .string()
      .regex(/^\d{4}$/, 'A postal code has four digits')
      .optional(),
    city: z.string().trim().min(1).max(100).optional(),
    lat: z.number().min(57).max(72).optional(),
    lon: z.number().min(4).max(32).optional(),
    consentShareWithNextOfKin: z.boolean().optional(),
    reservationAgainstSharing: z.boolean().optional(),
    reservationNote: z.string().trim().max(1000).nullable().optional(),
    primaryContactStaffId: z.uuid().nullable().optional(),
  })
  .strict();

export const nextOfKinBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    relation: z.string().trim().min(1).max(100),
    phone: phone.nullable().optional(),
    isClosest: z.boolean().default(false),
  })
  .strict();

/** A new person served; the national identity number is checked digit by digit. */
export const newRecipientBody = z
  .object({
    teamId: z.uuid(),
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    nationalId: z.string().trim(),
    birthDate: isoDate.optional(),
    addressLine: z.string().trim().min(1).max(200),
    postalCode: z.string().regex(/^\d{4}$/, 'A postal code has four digits'),
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

export const emergencyBody = z
  .object({ reason: z.string().trim().min(10, 'Write the reason in at least 10 characters').max(1000) })
  .strict();

/** Ending the service of one serving team: its last day (today or later) and why. */
export const endServiceBody = z
  .object({
    teamId: z.uuid(),
    lastDay: isoDate,
    reason: z.string().trim().min(3, 'Write why the service ends').max(1000),
  })
  .strict();

export type EndService = z.infer<typeof endServiceBody>;
export type RecipientPatch = z.infer<typeof recipientPatch>;
export type NextOfKinInput = z.infer<typeof nextOfKinBody>;
export type NewRecipient = z.infer<typeof newRecipientBody>;
