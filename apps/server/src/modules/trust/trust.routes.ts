import { indicatorsResponse, teamIdParams, trustPeriodQuery } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { dialogueRoutes } from './dialogue.routes.ts';
import { equalityRoutes } from './equality.routes.ts';
import { teamIndicators } from './indicators.repository.ts';

export function trustRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/teams/:id/indicators',
    {
      schema: { params: teamIdParams, querystring: trustPeriodQuery, response: { 200: indicatorsResponse } },
      config: { access: access.teamLevel('id') },
    },
    (req) => teamIndicators(db, req.actor, req.params.id, req.query.from, req.query.to),
  );
  dialogueRoutes(app, db);
  equalityRoutes(app, db);
}
