import { leaderStatsQuery, leaderStatsResponse, teamIdParams } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { districtStatistics, teamStatistics } from './leaderstats.repository.ts';

/** Statistics for leaders (district, municipality) and for a team, from the assessments and the decisions. */
export function leaderStatsRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/leader-statistics',
    {
      schema: { querystring: leaderStatsQuery, response: { 200: leaderStatsResponse } },
      config: { access: access.roles('leader', 'admin') },
    },
    (req) => districtStatistics(db, req.actor, req.query.from, req.query.to),
  );
  r.get(
    '/api/teams/:id/leader-statistics',
    {
      schema: { params: teamIdParams, querystring: leaderStatsQuery, response: { 200: leaderStatsResponse } },
      config: { access: access.teamLevel('id') },
    },
    (req) => teamStatistics(db, req.actor, req.params.id, req.query.from, req.query.to),
  );
}
