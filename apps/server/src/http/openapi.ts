import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Access } from './access.ts';
import { access } from './access.ts';
import { SESSION_COOKIE } from './gate.ts';

/** Plain words for a route's access declaration, shown to the reader of the API description. */
export function describeAccess(declared: Access | undefined): string {
  if (!declared) return 'undeclared: refused (403 access_undeclared)';
  switch (declared.kind) {
    case 'public':
      return 'public, rate-limited per address';
    case 'session':
      return 'any logged-in user; the answer is scoped to the user';
    case 'record':
      return `the record policy (${declared.use}) on the person named by ${declared.of} \`${declared.param}\``;
    case 'teamMember':
      return `members of the team named by ${declared.of} \`${declared.param}\` (${declared.in})`;
    case 'teamLevel':
      return `team-level figures: the team's members, leaders of its district, administrators (\`${declared.param}\`)`;
    case 'roles':
      return `users with the role ${declared.roles.join(' or ')}`;
    case 'citizen':
      return "citizens only (the person served, or a next of kin with the person's consent); the person comes from the log-in, never the URL";
    case 'fhir':
      return `FHIR bearer token with the scope user/${declared.resource}.${declared.mode}, acting as its bound user`;
  }
}

/**
 * OpenAPI 3 for the app's own JSON API, generated from the same zod schemas the routes validate
 * with (fastify-type-provider-zod's transform), so it cannot drift from what the server accepts.
 * Each operation names its access rule (`x-tillit-access`) and, unless public, the session cookie
 * and the CSRF header it needs. Registered before the routes: @fastify/swagger collects them as
 * they are added.
 */
export async function registerOpenApi(app: FastifyInstance, version: string) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tillit API',
        version,
        description:
          "The JSON API of Tillit's web app. Changes (POST, PUT, PATCH, DELETE) need the session's CSRF token " +
          'in `x-csrf-token` (from GET /api/auth/me). Errors are `{ error: { code, message, field? } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: (document) => {
      const transformed = jsonSchemaTransform(document);
      const declared = document.route.config?.access;
      // Routes without a schema (the health probes) still get their operation and access rule.
      const schema = (transformed.schema ?? {}) as Record<string, unknown>;
      transformed.schema = schema;
      schema['x-tillit-access'] = describeAccess(declared);
      if (declared && declared.kind !== 'public') {
        const changes = !['GET', 'HEAD'].includes(String(document.route.method));
        schema.security = [changes ? { session: [], csrf: [] } : { session: [] }];
      }
      return transformed;
    },
  });
}

/** GET /api/docs: the OpenAPI document (JSON); any OpenAPI viewer or code generator reads it. */
export function openApiRoutes(app: FastifyInstance) {
  app.get('/api/docs', { schema: { hide: true }, config: { access: access.public() } }, async () => app.swagger());
}
