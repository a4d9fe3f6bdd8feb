/**
 * Avvik (incidents for learning): every endpoint's input and output. The server validates with
 * these schemas (answers through the zod serializer, so nothing leaves that is not declared here);
 * the web app takes its types. The leaders' summary has no field that could name a person.
 */
import { z } from 'zod';
import { rowVersion } from './common.ts';

export const INCIDENT_THEMES = [
  'fall',
  'medication',
  'missed_visit',
  'infection',
  'pressure_ulcer',
  'violence',
  'equipment',
  'information',
  'other',
] as const;
export const incidentTheme = z.enum(INCIDENT_THEMES);
export type IncidentTheme = z.infer<typeof incidentTheme>;
export const incidentState = z.enum(['reported', 'reviewed', 'closed']);
export type IncidentState = z.infer<typeof incidentState>;

const text = (max: number) => z.string().trim().min(3).max(max);

/** POST /api/teams/:id/incidents — the three short fields, and what it concerns where it applies. */
export const reportIncidentBody = z
  .object({
    theme: incidentTheme,
    whatHappened: text(2000),
    consequence: text(2000),
    immediateAction: text(2000),
    recipientId: z.uuid().optional(),
    measureId: z.uuid().optional(),
    doseAdministrationId: z.uuid().optional(),
    /** Hide my name from the team too (leaders never see who reported). */
    anonymous: z.boolean().default(false),
  })
  .strict();
export type ReportIncident = z.input<typeof reportIncidentBody>;

/** POST /api/incidents/:id/review — the board meeting has looked at it. */
export const reviewIncidentBody = z
  .object({ version: rowVersion, note: z.string().trim().max(2000).optional() })
  .strict();

/** POST /api/incidents/:id/close — «hva lærte vi, hva endrer vi». */
export const closeIncidentBody = z.object({ version: rowVersion, learned: text(2000), change: text(2000) }).strict();

export const incidentListQuery = z.object({ state: z.enum(['open', 'closed']).default('open') });

export const incidentView = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  theme: incidentTheme,
  state: incidentState,
  whatHappened: z.string(),
  consequence: z.string(),
  immediateAction: z.string(),
  recipientId: z.uuid().nullable(),
  /** The person's name, when the incident is about a person. */
  person: z.string().nullable(),
  measureId: z.uuid().nullable(),
  doseAdministrationId: z.uuid().nullable(),
  /** Null when the reporter asked to stay unnamed. */
  reportedBy: z.string().nullable(),
  reportedAt: z.string(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  learned: z.string().nullable(),
  change: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type IncidentView = z.infer<typeof incidentView>;
export const incidentListResponse = z.object({ incidents: z.array(incidentView) });
export const incidentChangeResponse = z.object({ id: z.uuid(), state: incidentState, version: z.number().int() });

/** GET /api/incidents/summary?from&to — leaders: counts per team, theme and state, nothing else. */
export const incidentSummaryQuery = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export const incidentSummaryResponse = z.object({
  from: z.string(),
  to: z.string(),
  teams: z.array(
    z.object({
      teamId: z.uuid(),
      teamName: z.string(),
      counts: z.array(z.object({ theme: incidentTheme, state: incidentState, count: z.number().int() })),
    }),
  ),
});
export type IncidentSummary = z.infer<typeof incidentSummaryResponse>;
