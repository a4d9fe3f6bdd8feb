/** Staffing before gains (#22 item 5): its route is registered by app.ts; the pure rules are in staffing.rules.ts. */
export { teamStaffingWeek } from './staffing.repository.ts';
