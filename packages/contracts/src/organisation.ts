/**
 * Organisation: teams, their members and the people they serve, competences. The server
 * validates with these schemas (input, and output through the zod serializer); the web app
 * takes its types.
 */
import { z } from 'zod';
import { jsonDate } from './common.ts';

export const organisationIdParams = z.object({ id: z.uuid() });

/** GET /api/teams: the teams the user may see, with head counts. */
export const teamSummary = z.object({
  id: z.string(),
  name: z.string(),
  areaName: z.string(),
  districtName: z.string(),
  memberCount: z.number(),
  recipientCount: z.number(),
});
export type TeamSummary = z.infer<typeof teamSummary>;
export const teamsResponse = z.array(teamSummary);

export const profession = z.enum([
  'sykepleier',
  'helsefagarbeider',
  'assistent',
  'ergoterapeut',
  'fysioterapeut',
  'saksbehandler',
  'leder',
]);

export const teamMember = z.object({
  staffId: z.string(),
  name: z.string(),
  profession,
  phone: z.string().nullable(),
  memberFrom: jsonDate,
  competences: z.array(z.object({ code: z.string(), validUntil: z.string().nullable() })),
});
export type TeamMember = z.infer<typeof teamMember>;

/** GET /api/teams/:id: members with their valid competences; team-level data, no records. */
export const teamResponse = z.object({
  id: z.string(),
  name: z.string(),
  areaName: z.string(),
  area: z
    .object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) })
    .nullable(),
  members: z.array(teamMember),
  recipientCount: z.number(),
  canSeeRecipients: z.boolean(),
});
export type Team = z.infer<typeof teamResponse>;

/** GET /api/teams/:id/recipients: for the team's members only (the read is logged). */
export const teamRecipientsResponse = z.array(
  z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    birthDate: jsonDate,
    addressLine: z.string(),
    postalCode: z.string(),
    city: z.string(),
    primaryContactName: z.string().nullable(),
  }),
);
export type TeamRecipient = z.infer<typeof teamRecipientsResponse>[number];

/** GET /api/competence-types */
export const competenceType = z.object({ code: z.string(), nameNb: z.string(), nameEn: z.string() });
export type CompetenceType = z.infer<typeof competenceType>;
export const competenceTypesResponse = z.array(competenceType);

/** POST /api/staff/:id/competences */
export const competenceBody = z
  .object({
    competenceCode: z.string().trim().min(1).max(60),
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable().optional(),
  })
  .strict()
  .refine((v) => !v.validUntil || v.validUntil >= v.validFrom, {
    path: ['validUntil'],
    message: 'The end date must be on or after the start date',
  });
export type CompetenceInput = z.infer<typeof competenceBody>;
export const staffCompetenceResponse = z.object({
  id: z.string(),
  staffId: z.string(),
  competenceCode: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
});
