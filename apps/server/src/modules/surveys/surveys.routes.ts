import {
  answerBody,
  barometerResponse,
  inviteBody,
  inviteResponse,
  okResponse,
  PULSE_ITEMS,
  pulseAnswerResponse,
  pulseBody,
  pulseItemsResponse,
  quarterQuery,
  SURVEY_ITEMS,
  surveyFormResponse,
  surveyItemsResponse,
  surveyResultsResponse,
  tokenParams,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Clock } from '../../time/clock.ts';
import { answerPulse, barometer } from './pulse.repository.ts';
import { invite, submit, surveyForm, teamResults } from './surveys.repository.ts';

const idParams = z.object({ id: z.uuid() });

export function surveysRoutes(app: FastifyInstance, db: Db, clock: Clock) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/recipients/:id/survey-links',
    {
      schema: { params: idParams, body: inviteBody, response: { 201: inviteResponse } },
      config: { access: access.record('id', 'serve') },
    },
    async (req, reply) => {
      reply.status(201);
      return invite(db, req.actor, req.params.id, req.body.channel);
    },
  );
  // The answering pages are public: the token is the only key, and it opens nothing but the form.
  r.get(
    '/api/surveys/:token',
    { schema: { params: tokenParams, response: { 200: surveyFormResponse } }, config: { access: access.public() } },
    (req) => surveyForm(db, req.params.token),
  );
  r.post(
    '/api/surveys/:token',
    {
      schema: { params: tokenParams, body: answerBody, response: { 201: okResponse } },
      config: { access: access.public() },
    },
    async (req, reply) => {
      reply.status(201);
      return submit(db, req.params.token, req.body, clock);
    },
  );
  r.get(
    '/api/pulse',
    { schema: { response: { 200: pulseItemsResponse } }, config: { access: access.session() } },
    () => ({ items: PULSE_ITEMS.map(({ id, nb, en }) => ({ id, nb, en })) }),
  );
  r.post(
    '/api/pulse',
    {
      schema: { body: pulseBody, response: { 201: pulseAnswerResponse } },
      config: { access: access.roles('member', 'leader') },
    },
    async (req, reply) => {
      reply.status(201);
      return answerPulse(db, req.actor, req.body.answers, clock);
    },
  );
  r.get(
    '/api/barometer',
    {
      schema: { querystring: quarterQuery, response: { 200: barometerResponse } },
      config: { access: access.roles('leader', 'admin') },
    },
    (req) => barometer(db, req.actor, req.query.quarter),
  );
  r.get(
    '/api/survey-items',
    { schema: { response: { 200: surveyItemsResponse } }, config: { access: access.session() } },
    () => SURVEY_ITEMS.map(({ id, nb, en }) => ({ id, nb, en })),
  );
  r.get(
    '/api/teams/:id/survey-results',
    {
      schema: { params: idParams, querystring: quarterQuery, response: { 200: surveyResultsResponse } },
      config: { access: access.teamLevel('id') },
    },
    (req) => teamResults(db, req.actor, req.params.id, req.query.quarter),
  );
}
