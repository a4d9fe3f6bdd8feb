import { idParams, kprDistrictsResponse, kprExportResponse, kprQuery } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { StatisticsRepository } from './statistics.repository.ts';

/** «Rapportering til KPR»: the district's data set for a period, as JSON (with its validation) or CSV. */
export function statisticsRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/districts',
    { schema: { response: { 200: kprDistrictsResponse } }, config: { access: access.roles('leader', 'admin') } },
    (req) => new StatisticsRepository(db, req.actor).districts(),
  );
  r.get(
    '/api/districts/:id/kpr',
    {
      schema: { params: idParams, querystring: kprQuery, response: { 200: kprExportResponse } },
      config: { access: access.roles('leader', 'admin') },
    },
    (req) => new StatisticsRepository(db, req.actor).kprExport(req.params.id, req.query.from, req.query.to, 'json'),
  );
  r.get(
    '/api/districts/:id/kpr.csv',
    {
      schema: { params: idParams, querystring: kprQuery },
      config: { access: access.roles('leader', 'admin') },
    },
    async (req, reply) => {
      const csv = await new StatisticsRepository(db, req.actor).kprCsv(req.params.id, req.query.from, req.query.to);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="kpr-${req.query.from}-${req.query.to}.csv"`);
      return reply.send(csv);
    },
  );
}
