import {
  endServiceBody,
  endServiceResponse,
  idParams,
  newRecipientBody,
  newRecipientResponse,
  nextOfKinBody,
  nextOfKinResponse,
  recipientPatch,
  recordResponse,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { RecordRepository } from './recipients.repository.ts';

/** Routes only parse input and call the repository bound to the actor; it checks access and logs. */
export function recipientsRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = (actor: Actor) => new RecordRepository(db, actor);

  // No response schema: the answer is PostgreSQL's JSON text passed through (the hot path;
  // Fastify does not serialize a string), so the serializer would never see it. It has the
  // shape of `recordResponse`, which recipients.read.db.test.ts checks.
  r.get(
    '/api/recipients/:id',
    { schema: { params: idParams }, config: { access: access.record('id') } },
    async (req, reply) =>
      reply.type('application/json; charset=utf-8').send(await repo(req.actor).readJson(req.params.id)),
  );

  r.patch(
    '/api/recipients/:id',
    {
      schema: { params: idParams, body: recipientPatch, response: { 200: recordResponse } },
      config: { access: access.record('id', 'write') },
    },
    (req) => repo(req.actor).update(req.params.id, req.body),
  );

  r.post(
    '/api/recipients/:id/next-of-kin',
    {
      schema: { params: idParams, body: nextOfKinBody, response: { 201: nextOfKinResponse } },
      config: { access: access.record('id', 'write') },
    },
    async (req, reply) => {
      reply.status(201);
      return repo(req.actor).addNextOfKin(req.params.id, req.body);
    },
  );

  r.post(
    '/api/recipients/:id/end-service',
    {
      schema: { params: idParams, body: endServiceBody, response: { 200: endServiceResponse } },
      config: { access: access.record('id', 'serve') },
    },
    (req) => repo(req.actor).endService(req.params.id, req.body),
  );

  r.post(
    '/api/recipients',
    {
      schema: { body: newRecipientBody, response: { 201: newRecipientResponse } },
      config: { access: access.team('teamId', 'team', 'body') },
    },
    async (req, reply) => {
      reply.status(201);
      return repo(req.actor).create(req.body);
    },
  );
}
