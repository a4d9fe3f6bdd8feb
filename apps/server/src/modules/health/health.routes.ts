import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

/** Liveness and which database is in use; no session needed. */
export function healthRoutes(app: FastifyInstance, database: Database) {
  app.get('/api/health', { config: { public: true } }, async () => {
    await database.db.execute(sql`SELECT 1`);
    return { status: 'ok', database: database.kind, databaseDescription: database.description };
  });
}
