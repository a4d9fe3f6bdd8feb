import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content Security Policy: everything from Tillit's own origin, no inline script, no
 * plugins, and no framing. Images may also be data: URLs (the QR codes are drawn that way).
 */
const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * Security headers on every answer (pages, assets, JSON, PDF letters), from @fastify/helmet:
 * the CSP above, `nosniff`, `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY` for old
 * browsers. Answers other than the web app's hashed assets get `Cache-Control: no-store`: they
 * may hold people's data (all of /api, the letters) and must not stay in a shared or browser
 * cache. HSTS is sent only on answers that came over HTTPS (a proxy's `X-Forwarded-Proto`
 * counts only when the proxy is trusted), and can be turned off.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: CSP,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // Static files are routes of their own (wildcard off), so the matched route names the file.
    if (!request.routeOptions.url?.startsWith('/assets/')) reply.header('cache-control', 'no-store');
    if (options.hsts && request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    return payload;
  });
}
