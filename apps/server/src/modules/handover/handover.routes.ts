import { handoverQuery, handoverReadBody, handoverReadResponse, handoverResponse } from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { HandoverRepository } from './handover.repository.ts';

const idParams = z.object({ id: z.uuid() });

/** «Rapport»: the team's handover of a shift, and «Lest» per item. */
export function handoverRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const handover = (req: { actor: Actor }) => new HandoverRepository(db, req.actor);

  r.get(
    '/api/teams/:id/handover',
    {
      schema: { params: idParams, querystring: handoverQuery, response: { 200: handoverResponse } },
      config: { access: access.team('id') },
    },
    (req) => {
      const { date, shift } = req.query;
      return handover(req).read(req.params.id, date && shift ? { date, shift } : undefined);
    },
  );
  r.post(
    '/api/teams/:id/handover/read',
    {
      schema: { params: idParams, body: handoverReadBody, response: { 200: handoverReadResponse } },
      config: { access: access.team('id') },
    },
    (req) => {
      const { date, shift, kind, key } = req.body;
      return handover(req).markRead(req.params.id, { date, shift }, kind, key);
    },
  );
}
