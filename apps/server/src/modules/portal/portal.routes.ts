import {
  accessLogResponse,
  idParams,
  portalAccountBody,
  portalAccountResponse,
  portalConsentBody,
  portalConsentsResponse,
  portalMeResponse,
  portalMessageBody,
  portalMessagesResponse,
  portalOverviewResponse,
  portalPlanResponse,
  portalSurveyResponse,
  portalVisitsResponse,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { PortalRepository } from './portal.repository.ts';
import { PortalStaffRepository } from './portal.staff.ts';

/** «Min side»: citizen routes under /api/portal (no person in the URL), and the serving team's side on the record. */
export function portalRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const mine = (req: { actor: Actor }) => new PortalRepository(db, req.actor);
  const staff = (req: { actor: Actor }) => new PortalStaffRepository(db, req.actor);
  const citizen = { access: access.citizen() };

  r.get('/api/portal/me', { schema: { response: { 200: portalMeResponse } }, config: citizen }, (req) =>
    mine(req).me(),
  );
  r.get('/api/portal/plan', { schema: { response: { 200: portalPlanResponse } }, config: citizen }, (req) =>
    mine(req).plan(),
  );
  r.get('/api/portal/visits', { schema: { response: { 200: portalVisitsResponse } }, config: citizen }, (req) =>
    mine(req).visits(),
  );
  r.get('/api/portal/messages', { schema: { response: { 200: portalMessagesResponse } }, config: citizen }, (req) =>
    mine(req).messages(),
  );
  r.post(
    '/api/portal/messages',
    {
      schema: { body: portalMessageBody, response: { 201: portalMessagesResponse.shape.messages.element } },
      config: citizen,
    },
    async (req, reply) => reply.status(201).send(await mine(req).sendMessage(req.body.text)),
  );
  r.get('/api/portal/access-log', { schema: { response: { 200: accessLogResponse } }, config: citizen }, (req) =>
    mine(req).accessLog(),
  );
  r.post(
    '/api/portal/survey-link',
    { schema: { response: { 201: portalSurveyResponse } }, config: citizen },
    async (req, reply) => reply.status(201).send(await mine(req).surveyLink()),
  );
  r.get('/api/portal/consents', { schema: { response: { 200: portalConsentsResponse } }, config: citizen }, (req) =>
    mine(req).consents(),
  );
  r.post(
    '/api/portal/consents',
    { schema: { body: portalConsentBody, response: { 200: portalConsentsResponse } }, config: citizen },
    (req) => mine(req).setConsent(req.body.nextOfKinId, req.body.given),
  );
  // The downloads: a JSON file (schema-free: it is the record as stored) and a PDF.
  r.get('/api/portal/export.json', { config: citizen }, async (req, reply) => {
    const data = await mine(req).exportJson();
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mine-data.json"');
    return reply.send(JSON.stringify(data, null, 2));
  });
  r.get('/api/portal/export.pdf', { config: citizen }, async (req, reply) => {
    const pdf = await mine(req).exportPdf();
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="mine-data.pdf"');
    return reply.send(pdf);
  });

  r.post(
    '/api/recipients/:id/portal-accounts',
    {
      schema: { params: idParams, body: portalAccountBody, response: { 201: portalAccountResponse } },
      config: { access: access.record('id', 'serve') },
    },
    async (req, reply) => reply.status(201).send(await staff(req).createLogin(req.params.id, req.body)),
  );
  r.post(
    '/api/recipients/:id/portal-consents',
    {
      schema: { params: idParams, body: portalConsentBody, response: { 200: portalConsentsResponse } },
      config: { access: access.record('id', 'serve') },
    },
    (req) => staff(req).setConsent(req.params.id, req.body.nextOfKinId, req.body.given),
  );
  r.get(
    '/api/recipients/:id/portal',
    {
      schema: { params: idParams, response: { 200: portalOverviewResponse } },
      config: { access: access.record('id') },
    },
    (req) => staff(req).overview(req.params.id),
  );
}
