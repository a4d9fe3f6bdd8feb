/**
 * The portal module's public surface: «Min side», the person served's own pages and their next
 * of kin's with consent (see docs/ARCHITECTURE.md «The person's own pages»). `createPortalLogin`
 * is the one function that makes a citizen's log-in (the staff route, the demo, and later the
 * national eID log-in call it); `portalRoutes` is registered by app.ts.
 */
export { createPortalLogin, type NewPortalLogin, setConsent } from './portal.staff.ts';
export { portalRoutes } from './portal.routes.ts';
