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
      const reader = new AuditReader(db, req.actor);
      const { person, ...q } = req.query;
      type Found = { name: string; birthDate: string };
      const shown = (rows: Awaited<ReturnType<AuditReader['list']>>, names = new Map<string, Found>()) =>
        rows.map((row) => ({
          ...row,
          at: new Date(row.at).toISOString(),
          hash: row.hash.slice(0, 12),
          ...(row.recipientId && names.has(row.recipientId) && { person: names.get(row.recipientId) }),
        }));
      if (!person) return shown(await reader.list(q));
      // A search by person answers with the same rows, each naming the person found.
      const found = await reader.search(person, q);
      return shown(found.rows, new Map(found.people.map((p) => [p.id, { name: p.name, birthDate: p.birthDate }])));
    },
  );

  r.get(
    '/api/audit/verify',
    { schema: { response: { 200: auditVerifyResponse } }, config: { access: access.roles('admin') } },
    async (req) => new AuditReader(db, req.actor).verify(),
  );
}
