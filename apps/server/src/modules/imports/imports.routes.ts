import { IMPORT_MAX_BYTES, importBody, importParams, importReport } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { ImportService } from './imports.service.ts';

/**
 * POST /api/imports/:kind (staff | recipients) with `{ csv, dryRun }`: administrators only.
 * 200 with every row for a dry run and for a real run that imported the file; 422 with the
 * same list when a real run refused a row and wrote nothing. The body may be up to 5 MB of CSV
 * (JSON escaping can add a little, hence the margin).
 */
export function importsRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/imports/:kind',
    {
      bodyLimit: IMPORT_MAX_BYTES + 1024 * 1024,
      schema: { params: importParams, body: importBody, response: { 200: importReport, 422: importReport } },
      config: { access: access.roles('admin') },
    },
    async (req, reply) => {
      const { refused, report } = await new ImportService(db, req.actor).run(
        req.params.kind,
        req.body.csv,
        req.body.dryRun,
      );
      reply.status(refused ? 422 : 200);
      return report;
    },
  );
}
