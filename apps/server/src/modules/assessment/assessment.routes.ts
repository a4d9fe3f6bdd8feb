import { assessmentBody, assessmentCreated, assessmentListResponse, idParams } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { AssessmentRepository } from './assessment.repository.ts';

/** The functional assessment on the record: the history with the one in force and the prompt; a new assessment. */
export function assessmentRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/recipients/:id/assessments',
    {
      schema: { params: idParams, response: { 200: assessmentListResponse } },
      config: { access: access.record('id', 'read') },
    },
    (req) => new AssessmentRepository(db, req.actor).list(req.params.id),
  );
  r.post(
    '/api/recipients/:id/assessments',
    {
      schema: { params: idParams, body: assessmentBody, response: { 201: assessmentCreated } },
      config: { access: access.record('id', 'write') },
    },
    async (req, reply) => {
      reply.status(201);
      return new AssessmentRepository(db, req.actor).create(req.params.id, req.body);
    },
  );
}
