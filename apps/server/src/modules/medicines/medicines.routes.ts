import {
  effectBody,
  fillBody,
  highRiskBody,
  medicationPatch,
  prescribeBody,
  prnBody,
  reconcileBody,
  recordDosesBody,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { DoseRepository } from './doses.repository.ts';
import { FillRepository } from './fills.repository.ts';
import { medicineBoard, myDayDoses } from './medicines.board.ts';
import { MedicineRepository } from './medicines.repository.ts';
import { renderMedicationChart } from './chart.ts';
import { highRiskList, setHighRiskList } from './settings.ts';

const idParams = z.object({ id: z.uuid() });

export function medicinesRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/recipients/:id/medications',
    { schema: { params: idParams }, config: { access: access.record('id', 'read') } },
    (req) => new MedicineRepository(db, req.actor).list(req.params.id),
  );
  r.post(
    '/api/recipients/:id/medications',
    { schema: { params: idParams, body: prescribeBody }, config: { access: access.record('id', 'write') } },
    async (req, reply) => {
      reply.status(201);
      return new MedicineRepository(db, req.actor).prescribe(req.params.id, req.body);
    },
  );
  r.patch(
    '/api/medications/:id',
    {
      schema: { params: idParams, body: medicationPatch },
      config: { access: access.record('id', 'write', 'medication') },
    },
    (req) => new MedicineRepository(db, req.actor).change(req.params.id, req.body),
  );
  r.post(
    '/api/recipients/:id/medication-reconciliations',
    { schema: { params: idParams, body: reconcileBody }, config: { access: access.record('id', 'write') } },
    async (req, reply) => {
      reply.status(201);
      return new MedicineRepository(db, req.actor).reconcile(req.params.id, req.body);
    },
  );
  r.get(
    '/api/recipients/:id/medication-chart.pdf',
    { schema: { params: idParams }, config: { access: access.record('id', 'read') } },
    async (req, reply) => {
      const list = await new MedicineRepository(db, req.actor).list(req.params.id, 'medication.chart');
      const pdf = await renderMedicationChart(list, req.actor.today, req.actor.displayName);
      reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'inline; filename="legemiddelkort.pdf"');
      return reply.send(pdf);
    },
  );
  r.get(
    '/api/visits/:id/doses',
    { schema: { params: idParams }, config: { access: access.record('id', 'read', 'visit') } },
    (req) => new DoseRepository(db, req.actor).visitDoses(req.params.id),
  );
  r.post(
    '/api/visits/:id/doses',
    { schema: { params: idParams, body: recordDosesBody }, config: { access: access.record('id', 'write', 'visit') } },
    (req) => new DoseRepository(db, req.actor).record(req.params.id, req.body),
  );
  r.post(
    '/api/doses/:id/second-signature',
    { schema: { params: idParams }, config: { access: access.record('id', 'write', 'dose') } },
    (req) => new DoseRepository(db, req.actor).secondSign(req.params.id),
  );
  r.post(
    '/api/recipients/:id/prn-doses',
    { schema: { params: idParams, body: prnBody }, config: { access: access.record('id', 'write') } },
    async (req, reply) => {
      reply.status(201);
      return new DoseRepository(db, req.actor).prn(req.params.id, req.body);
    },
  );
  r.post(
    '/api/doses/:id/effect',
    { schema: { params: idParams, body: effectBody }, config: { access: access.record('id', 'write', 'dose') } },
    (req) => new DoseRepository(db, req.actor).effect(req.params.id, req.body.effect),
  );
  r.post(
    '/api/recipients/:id/pill-organiser-fills',
    { schema: { params: idParams, body: fillBody }, config: { access: access.record('id', 'write') } },
    async (req, reply) => {
      reply.status(201);
      return new FillRepository(db, req.actor).fill(req.params.id, req.body);
    },
  );
  r.post(
    '/api/pill-organiser-fills/:id/check',
    { schema: { params: idParams }, config: { access: access.record('id', 'write', 'pillOrganiserFill') } },
    (req) => new FillRepository(db, req.actor).check(req.params.id),
  );
  r.get(
    '/api/teams/:id/medicines/board',
    { schema: { params: idParams }, config: { access: access.team('id') } },
    (req) => medicineBoard(db, req.actor, req.params.id),
  );
  r.get(
    '/api/me/doses',
    { schema: { querystring: z.object({ date: z.iso.date() }) }, config: { access: access.session() } },
    (req) => myDayDoses(db, req.actor, req.query.date),
  );
  r.get('/api/admin/high-risk-drugs', { config: { access: access.roles('admin') } }, (req) =>
    highRiskList(db, req.actor),
  );
  r.post(
    '/api/admin/high-risk-drugs',
    { schema: { body: highRiskBody }, config: { access: access.roles('admin') } },
    (req) => setHighRiskList(db, req.actor, req.body),
  );
}
