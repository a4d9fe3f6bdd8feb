import {
  comparisonResponse,
  dashboardResponse,
  monthsQuery,
  noteBody,
  noteParams,
  notePatchBody,
  notesResponse,
  selfAssessmentBody,
  selfAssessmentResponse,
  teamIdParams,
  teamNote,
  trustPeriodQuery,
} from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { comparison, teamDashboard } from './dashboard.repository.ts';
import { addNote, listNotes, updateNote } from './notes.repository.ts';
import { mySelfAssessment, saveSelfAssessment } from './selfassessment.repository.ts';

/** The dialogue around the figures: team dashboard and notes, the leader's comparison and self-assessment. */
export function dialogueRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/teams/:id/dashboard',
    {
      schema: { params: teamIdParams, querystring: monthsQuery, response: { 200: dashboardResponse } },
      config: { access: access.teamLevel('id') },
    },
    (req) => teamDashboard(db, req.actor, req.params.id, req.query.months),
  );
  r.get(
    '/api/teams/:id/notes',
    { schema: { params: teamIdParams, response: { 200: notesResponse } }, config: { access: access.team('id') } },
    (req) => listNotes(db, req.actor, req.params.id),
  );
  r.post(
    '/api/teams/:id/notes',
    {
      schema: { params: teamIdParams, body: noteBody, response: { 201: teamNote } },
      config: { access: access.team('id') },
    },
    async (req, reply) => {
      reply.status(201);
      return addNote(db, req.actor, req.params.id, req.body);
    },
  );
  r.patch(
    '/api/teams/:id/notes/:noteId',
    {
      schema: { params: noteParams, body: notePatchBody, response: { 200: teamNote } },
      config: { access: access.team('id') },
    },
    (req) => updateNote(db, req.actor, req.params.id, req.params.noteId, req.body),
  );
  r.get(
    '/api/trust/comparison',
    {
      schema: { querystring: trustPeriodQuery, response: { 200: comparisonResponse } },
      config: { access: access.roles('leader', 'admin') },
    },
    (req) => comparison(db, req.actor, req.query.from, req.query.to),
  );
  r.get(
    '/api/self-assessment',
    { schema: { response: { 200: selfAssessmentResponse } }, config: { access: access.roles('leader') } },
    (req) => mySelfAssessment(db, req.actor),
  );
  r.post(
    '/api/self-assessment',
    {
      schema: { body: selfAssessmentBody, response: { 200: selfAssessmentResponse } },
      config: { access: access.roles('leader') },
    },
    (req) =>
      saveSelfAssessment(db, req.actor, req.body.answers as Record<string, { rating: number | null; note?: string }>),
  );
}
