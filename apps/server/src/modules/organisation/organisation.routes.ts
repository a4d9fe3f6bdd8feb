import {
  competenceBody,
  competenceTypesResponse,
  organisationIdParams as idParams,
  staffCompetenceResponse,
  teamRecipientsResponse,
  teamResponse,
  teamsResponse,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Actor } from '../../http/actor.ts';
import { OrganisationRepository } from './organisation.repository.ts';

export function organisationRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const repo = (actor: Actor) => new OrganisationRepository(db, actor);

  r.get('/api/teams', { schema: { response: { 200: teamsResponse } }, config: { access: access.session() } }, (req) =>
    repo(req.actor).listTeams(),
  );
  r.get(
    '/api/teams/:id',
    { schema: { params: idParams, response: { 200: teamResponse } }, config: { access: access.teamLevel('id') } },
    (req) => repo(req.actor).getTeam(req.params.id),
  );
  r.get(
    '/api/teams/:id/recipients',
    { schema: { params: idParams, response: { 200: teamRecipientsResponse } }, config: { access: access.team('id') } },
    (req) => repo(req.actor).listTeamRecipients(req.params.id),
  );
  r.get(
    '/api/competence-types',
    { schema: { response: { 200: competenceTypesResponse } }, config: { access: access.session() } },
    (req) => repo(req.actor).listCompetenceTypes(),
  );
  r.post(
    '/api/staff/:id/competences',
    {
      schema: { params: idParams, body: competenceBody, response: { 201: staffCompetenceResponse } },
      config: { access: access.roles('leader', 'admin') },
    },
    async (req, reply) => {
      reply.status(201);
      return repo(req.actor).addCompetence(req.params.id, req.body);
    },
  );
}
