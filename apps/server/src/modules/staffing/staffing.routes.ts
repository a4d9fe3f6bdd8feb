import { staffingQuery, staffingWeekResponse } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { teamStaffingWeek } from './staffing.repository.ts';

/** Staffing before gains: team-level figures (the team, its district's leaders, administrators). */
export function staffingRoutes(app: FastifyInstance, db: Db) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/teams/:id/staffing',
    {
      schema: {
        params: z.object({ id: z.uuid() }),
        querystring: staffingQuery,
        response: { 200: staffingWeekResponse },
      },
      config: { access: access.teamLevel('id') },
    },
    (req) => teamStaffingWeek(db, req.actor, req.params.id, req.query.from),
  );
}
