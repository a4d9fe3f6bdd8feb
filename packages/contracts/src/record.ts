/**
 * A person's record as the API returns it (GET /api/recipients/:id and a change of it →
 * { record, access }). Shared by recipients (which builds it) and the pages that show it.
 */
import { z } from 'zod';

export const recordView = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  nationalId: z.string(),
  addressLine: z.string(),
  postalCode: z.string(),
  city: z.string(),
  lat: z.number(),
  lon: z.number(),
  phone: z.string().nullable(),
  consentShareWithNextOfKin: z.boolean(),
  reservationAgainstSharing: z.boolean(),
  reservationNote: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  primaryContact: z
    .object({ staffId: z.string(), name: z.string(), profession: z.string(), phone: z.string().nullable() })
    .nullable(),
  teams: z.array(z.object({ id: z.string(), name: z.string(), validFrom: z.string() })),
  nextOfKin: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      relation: z.string(),
      phone: z.string().nullable(),
      isClosest: z.boolean(),
    }),
  ),
  teamMembers: z.array(
    z.object({ staffId: z.string(), name: z.string(), profession: z.string(), competences: z.array(z.string()) }),
  ),
});
export type RecordView = z.infer<typeof recordView>;

/** On what the actor opened the record: the care relation, or emergency access with its reason and end. */
export const recordAccess = z.union([
  z.object({ basis: z.literal('care_relation') }),
  z.object({ basis: z.literal('emergency'), reason: z.string(), expiresAt: z.string() }),
]);

export const recordResponse = z.object({ record: recordView, access: recordAccess });
export type RecordResponse = z.infer<typeof recordResponse>;
