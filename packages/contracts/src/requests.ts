/**
 * Service requests (søknader og henvendelser, #22 item 6): a request for services registered as it
 * arrives — who asks, for whom (a person served, or someone not yet registered), what is asked and
 * when it arrived — and the service decision that answers it. The server validates with these
 * schemas (output through the zod serializer); the web app takes its types.
 */
import { z } from 'zod';
import { jsonDate, rowVersion } from './common.ts';
import { serviceDecisionSummary, serviceType } from './decisions.ts';
import { nationalIdMessages, validateNationalId } from './nationalId.ts';

/** Who asks: the person, next of kin, the GP, a hospital, or someone else (named in `requesterName`). */
export const requesterKinds = ['self', 'next_of_kin', 'gp', 'hospital', 'other'] as const;
export const requesterKind = z.enum(requesterKinds);
export type RequesterKind = z.infer<typeof requesterKind>;

/** Someone not yet registered: a name, and a national identity number or a birth date to find them again. */
const newPerson = z
  .object({
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    nationalId: z.string().trim().min(1).optional(),
    birthDate: z.iso.date().optional(),
    phone: z.string().trim().max(30).optional(),
    addressLine: z.string().trim().max(200).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!p.nationalId && !p.birthDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['nationalId'],
        message: 'Give a national identity number or a birth date',
      });
      return;
    }
    if (!p.nationalId) return;
    const r = validateNationalId(p.nationalId);
    if (!r.ok)
      ctx.addIssue({
        code: 'custom',
        path: ['nationalId'],
        message: nationalIdMessages[r.problem].en,
        params: { problem: `nationalId.${r.problem}` },
      });
    else if (p.birthDate && p.birthDate !== r.birthDate)
      ctx.addIssue({
        code: 'custom',
        path: ['birthDate'],
        message: `The national identity number gives the birth date ${r.birthDate}`,
      });
  });

/** POST /api/teams/:id/service-requests: the receiving team registers a request as it arrives. */
export const newServiceRequestBody = z
  .object({
    requesterKind,
    /** Name or organisation of who asks (not needed when the person asks themself). */
    requesterName: z.string().trim().min(1).max(200).optional(),
    /** A person the team serves … */
    recipientId: z.uuid().optional(),
    /** … or someone not yet registered. */
    person: newPerson.optional(),
    services: z.array(serviceType).min(1, 'Choose at least one service').max(4),
    description: z.string().trim().min(5).max(4000),
    /** When it arrived (default: now). Not in the future; an earlier day needs `lateReason`. */
    arrivedAt: z.iso.datetime({ offset: true }).optional(),
    lateReason: z.string().trim().min(5).max(1000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.requesterKind !== 'self' && !v.requesterName)
      ctx.addIssue({ code: 'custom', path: ['requesterName'], message: 'Name who asks' });
    if (!v.recipientId === !v.person)
      ctx.addIssue({
        code: 'custom',
        path: [v.recipientId ? 'person' : 'recipientId'],
        message: 'Name either a person served or a new person, not both',
      });
    if (new Set(v.services).size !== v.services.length)
      ctx.addIssue({ code: 'custom', path: ['services'], message: 'Each service once' });
  });
export type NewServiceRequest = z.infer<typeof newServiceRequestBody>;
export type NewServiceRequestInput = z.input<typeof newServiceRequestBody>;

/** POST /api/service-requests/:id/decision: the decision that answers the request. */
export const linkDecisionBody = z.object({ version: rowVersion, decisionId: z.uuid() }).strict();
export type LinkDecision = z.infer<typeof linkDecisionBody>;

/** GET /api/teams/:id/service-requests?state=open|answered */
export const serviceRequestListQuery = z.object({ state: z.enum(['open', 'answered']).default('open') });

export const serviceRequestView = z.object({
  id: z.string(),
  teamId: z.string(),
  requesterKind,
  requesterName: z.string().nullable(),
  recipientId: z.string().nullable(),
  person: z.object({
    givenName: z.string(),
    familyName: z.string(),
    nationalId: z.string().nullable(),
    birthDate: z.string().nullable(),
  }),
  services: z.array(serviceType),
  description: z.string(),
  arrivedAt: jsonDate,
  registeredAt: jsonDate,
  registeredBy: z.string(),
  lateReason: z.string().nullable(),
  decision: z
    .object({
      id: z.string(),
      serviceType,
      status: z.enum(['active', 'awaiting_cosign', 'superseded']),
      /** Oslo date the decision took effect (co-signed beyond the frame); null while it waits. */
      inForceOn: z.string().nullable(),
      /** The first visit documented as done for the person from the decision's start. */
      firstVisitOn: z.string().nullable(),
    })
    .nullable(),
  version: z.number(),
});
export type ServiceRequestView = z.infer<typeof serviceRequestView>;
export const serviceRequestListResponse = z.object({ requests: z.array(serviceRequestView) });

/** GET /api/service-requests/:id: the request and the decisions that could answer it. */
export const serviceRequestResponse = z.object({
  request: serviceRequestView,
  /** The person's decisions by the receiving team (empty until the person is registered and served). */
  candidates: z.array(serviceDecisionSummary),
});
export type ServiceRequestDetail = z.infer<typeof serviceRequestResponse>;
export const serviceRequestCreated = z.object({ id: z.string(), version: z.number() });
