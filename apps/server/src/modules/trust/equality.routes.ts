import { equalTreatmentQuery, equalTreatmentResponse, teamIdParams } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { equalTreatmentFor } from './indicators.repository.ts';

/** Equal treatment (integrity): decided hours by functional level band, team beside team or one team. */
export function equalityRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/trust/equal-treatment',
    {
      schema: { querystring: equalTreatmentQuery, response: { 200: equalTreatmentResponse } },
      config: { access: access.roles('leader', 'admin') },
    },
    (req) => equalTreatmentFor(db, req.actor, req.query.on ?? req.actor.today),
  );
  r.get(
    '/api/teams/:id/equal-treatment',
    {
      schema: { params: teamIdParams, querystring: equalTreatmentQuery, response: { 200: equalTreatmentResponse } },
      config: { access: access.teamLevel('id') },
    },
    (req) => equalTreatmentFor(db, req.actor, req.query.on ?? req.actor.today, req.params.id),
  );
}
