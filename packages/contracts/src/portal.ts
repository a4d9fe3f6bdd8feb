/**
 * «Min side»: the person served's own pages, and their next of kin's with the person's consent
 * (apps/server/src/modules/portal). Citizen routes take no person from the URL: the person is
 * the one the logged-in citizen's portal account names.
 */
import { z } from 'zod';
import { jsonDate } from './common.ts';

/** POST /api/recipients/:id/portal-accounts (a member of the serving team makes the log-in). */
export const portalAccountBody = z
  .object({
    /** Lower-case letters, digits, dot, dash and underscore, as other usernames. */
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{3,50}$/),
    /** The first password, given to the person on paper; at least 10 characters. */
    password: z.string().min(10).max(200),
    /** Null or absent: the log-in is the person's own; otherwise one of their next of kin. */
    nextOfKinId: z.uuid().nullable().optional(),
  })
  .strict();
export type PortalAccountInput = z.infer<typeof portalAccountBody>;
export const portalAccountResponse = z.object({ id: z.string(), username: z.string() });

/** POST /api/recipients/:id/portal-consents (staff record a consent given or withdrawn in person) and POST /api/portal/consents (the person). */
export const portalConsentBody = z.object({ nextOfKinId: z.uuid(), given: z.boolean() }).strict();
export type PortalConsentInput = z.infer<typeof portalConsentBody>;

export const portalConsentRow = z.object({
  nextOfKinId: z.string(),
  name: z.string(),
  relation: z.string(),
  /** A live consent: when and how it was given; null when none is live. */
  givenAt: jsonDate.nullable(),
  givenVia: z.enum(['portal', 'in_person']).nullable(),
  hasLogin: z.boolean(),
});
export const portalConsentsResponse = z.object({ consents: z.array(portalConsentRow) });
export type PortalConsents = z.infer<typeof portalConsentsResponse>;

/** GET /api/recipients/:id/portal: what the record page shows about the person's own pages. */
export const portalOverviewResponse = z.object({
  accounts: z.array(z.object({ username: z.string(), nextOfKinName: z.string().nullable(), createdAt: jsonDate })),
  consents: z.array(portalConsentRow),
  messages: z.array(z.object({ id: z.string(), from: z.string(), text: z.string(), sentAt: jsonDate })),
});
export type PortalOverview = z.infer<typeof portalOverviewResponse>;

/** GET /api/portal/me: whose pages these are, and whether a next of kin may see them. */
export const portalMeResponse = z.object({
  viewer: z.enum(['self', 'nextOfKin']),
  /** The person's name; null for a next of kin without the person's consent (they see nothing of the person). */
  person: z.object({ givenName: z.string(), familyName: z.string() }).nullable(),
  consent: z.boolean(),
});
export type PortalMe = z.infer<typeof portalMeResponse>;

/** GET /api/portal/plan: the plan in the person's own words. */
export const portalPlanResponse = z.object({
  whatMatters: z.array(z.object({ statement: z.string(), recordedAt: jsonDate })),
  goals: z.array(z.object({ description: z.string(), status: z.string(), reviewDate: z.string() })),
  measures: z.array(
    z.object({
      title: z.string(),
      how: z.string(),
      days: z.array(z.number().int()),
      windowStart: z.number().int(),
      windowEnd: z.number().int(),
      goal: z.string().nullable(),
    }),
  ),
});
export type PortalPlan = z.infer<typeof portalPlanResponse>;

/** GET /api/portal/visits: the next seven days, helpers by first name only. */
export const portalVisitsResponse = z.object({
  from: z.string(),
  visits: z.array(
    z.object({
      date: z.string(),
      windowStart: z.number().int(),
      windowEnd: z.number().int(),
      plannedStart: z.number().int().nullable(),
      helpers: z.array(z.string()),
    }),
  ),
});
export type PortalVisits = z.infer<typeof portalVisitsResponse>;

/** POST /api/portal/messages */
export const portalMessageBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict();
export const portalMessagesResponse = z.object({
  messages: z.array(z.object({ id: z.string(), from: z.string(), text: z.string(), sentAt: jsonDate })),
});
export type PortalMessages = z.infer<typeof portalMessagesResponse>;

/** GET /api/portal/access-log: who has read or changed the record, and on what basis. */
export const accessLogRow = z.object({
  at: jsonDate,
  who: z.string(),
  /** The reader's profession (staff) or `nextOfKin`; null when unknown. */
  role: z.string().nullable(),
  what: z.enum(['read', 'write', 'refused']),
  action: z.string(),
  basis: z.enum(['care_relation', 'emergency', 'team_level', 'admin', 'denied', 'portal']),
  /** The written reason of an emergency access ("break the glass"). */
  emergencyReason: z.string().nullable(),
});
export const accessLogResponse = z.object({ rows: z.array(accessLogRow) });
export type AccessLog = z.infer<typeof accessLogResponse>;

/** POST /api/portal/survey-link: a one-time link to this quarter's survey. */
export const portalSurveyResponse = z.object({ path: z.string() });
