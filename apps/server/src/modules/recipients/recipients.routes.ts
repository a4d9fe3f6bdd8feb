import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { RecordRepository } from './recipients.repository.ts';
import {
  endServiceBody,
  newRecipientBody,
  nextOfKinBody,
  recipientParams,
  recipientPatch,
} from './recipients.schema.ts';

/** Routes only parse input and call the repository bound to the actor; it checks access and logs. */
export function recipientsRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = (actor: Actor) => new RecordRepository(db, actor);

  r.get(
    '/api/recipients/:id',
    { schema: { params: recipientParams }, config: { access: access.record('id') } },
    async (req, reply) =>
      reply.type('application/json; charset=utf-8').send(await repo(req.actor).readJson(req.params.id)),
  );

  r.patch(
    '/api/recipients/:id',
    { schema: { params: recipientParams, body: recipientPatch }, config: { access: access.record('id', 'write') } },
    (req) => repo(req.actor).update(req.params.id, req.body),
  );

  r.post(
    '/api/recipients/:id/next-of-kin',
    { schema: { params: recipientParams, body: nextOfKinBody }, config: { access: access.record('id', 'write') } },
    async (req, reply) => {
      reply.status(201);
      return repo(req.actor).addNextOfKin(req.params.id, req.body);
    },
  );

  r.post(
    '/api/recipients/:id/end-service',
    { schema: { params: recipientParams, body: endServiceBody }, config: { access: access.record('id', 'serve') } },
    (req) => repo(req.actor).endService(req.params.id, req.body),
  );

  r.post(
    '/api/recipients',
    { schema: { body: newRecipientBody }, config: { access: access.team('teamId', 'team', 'body') } },
    async (req, reply) => {
      reply.status(201);
      return repo(req.actor).create(req.body);
    },
  );
}
