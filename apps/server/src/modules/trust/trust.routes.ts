import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { dialogueRoutes } from './dialogue.routes.ts';
import { teamIndicators } from './indicators.repository.ts';

const params = z.object({ id: z.uuid() });
/** A period of at most about a year; it must end on or after its start. */
const period = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'The period must end on or after its start' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 400 * 86_400_000, {
    path: ['to'],
    message: 'The period can be at most 400 days',
  });

export function trustRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/teams/:id/indicators',
    { schema: { params, querystring: period }, config: { access: access.teamLevel('id') } },
    (req) => teamIndicators(db, req.actor, req.params.id, req.query.from, req.query.to),
  );
  dialogueRoutes(app, db);
}
