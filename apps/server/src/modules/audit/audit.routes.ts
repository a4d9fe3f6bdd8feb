import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { AuditReader } from './audit.reader.ts';

const auditQuery = z.object({
  recipientId: z.uuid().optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export function auditRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit',
    { schema: { querystring: auditQuery }, config: { access: access.roles('admin') } },
    async (req) => {
      const rows = await new AuditReader(db, req.actor).list(req.query);
      return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString(), hash: row.hash.slice(0, 12) }));
    },
  );

  r.get('/api/audit/verify', { config: { access: access.roles('admin') } }, async (req) =>
    new AuditReader(db, req.actor).verify(),
  );
}
