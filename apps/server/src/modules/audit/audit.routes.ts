import { auditListResponse, auditQuery, auditVerifyResponse } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { AuditReader } from './audit.reader.ts';

export function auditRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit',
    {
      schema: { querystring: auditQuery, response: { 200: auditListResponse } },
      config: { access: access.roles('admin') },
    },
    async (req) => {
      const rows = await new AuditReader(db, req.actor).list(req.query);
      return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString(), hash: row.hash.slice(0, 12) }));
    },
  );

  r.get(
    '/api/audit/verify',
    { schema: { response: { 200: auditVerifyResponse } }, config: { access: access.roles('admin') } },
    async (req) => new AuditReader(db, req.actor).verify(),
  );
}
