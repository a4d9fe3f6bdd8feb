/**
 * The handover module («Rapport»): built from the shift's documentation; «Lest» per item. Its
 * surface is its routes (registered by app.ts) and the shift boundaries, which tests and later
 * sources share. See docs/ARCHITECTURE.md «Handover (rapport)».
 */
export { handoverRoutes } from './handover.routes.ts';
export { previousShift, type Shift, shiftAt, shiftWindow } from './handover.shifts.ts';
