import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/** One route as registered: what the route-table checks and the fuzzer read. */
export interface RouteEntry {
  method: string;
  url: string;
  /** The zod schemas (params, querystring, body, response) given in the route's options. */
  schema?: FastifySchema;
  config?: RouteOptions['config'];
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/**
 * Starts recording every route added to `app` from now on (call it before any route is
 * registered). Fastify keeps no readable list of routes with their options, so an `onRoute`
 * hook collects them; plugins' routes are seen too, since hooks are inherited.
 */
export function recordRoutes(app: FastifyInstance): void {
  const entries: RouteEntry[] = [];
  tables.set(app, entries);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      entries.push({
        method,
        url: route.url,
        schema: route.schema,
        // Read when asked: a later onRoute hook may still give the route its config.
        get config() {
          return route.config;
        },
      });
  });
}

/** The routes recorded for `app` (empty when `recordRoutes` was not called). */
export function routesOf(app: FastifyInstance): readonly RouteEntry[] {
  return tables.get(app) ?? [];
}
