/** Health probes: what a load balancer or orchestrator reads (never the database's path, host or kind). */
import { z } from 'zod';

/** GET /api/health/live */
export const liveResponse = z.object({ status: z.literal('ok') });

/** GET /api/health/ready and GET /api/health: 200 with `ok`, 503 with why not. */
export const readyResponse = z.object({ status: z.literal('ok') });
export const notReadyResponse = z.object({ status: z.enum(['shutting_down', 'database_unavailable']) });
