/**
 * Staffing before gains (#22 item 5): per team and week, the hours needed against the hours
 * staffed by weekday and part of the day, the competence gaps, and the smallest staffing change
 * that would cover the visits nobody is planned on. No names: hours and counts only.
 */
import { z } from 'zod';

export const staffingParts = ['morning', 'day', 'evening', 'night'] as const;

/** GET /api/teams/:id/staffing?from=YYYY-MM-DD: the week starting on that date (default: this week's Monday, Oslo). */
export const staffingQuery = z.object({ from: z.iso.date().optional() });

const cell = z.object({
  weekday: z.number().int().min(1).max(7),
  part: z.enum(staffingParts),
  neededHours: z.number(),
  staffedHours: z.number(),
});

export const staffingWeekResponse = z.object({
  teamId: z.string(),
  from: z.string(),
  to: z.string(),
  cells: z.array(cell),
  competences: z.array(cell.extend({ competence: z.string() })),
  gaps: z.array(cell.extend({ competence: z.string() })),
  unstaffed: z.object({
    visits: z.number().int(),
    suggestions: z.array(
      z.object({
        weekday: z.number().int().min(1).max(7),
        part: z.enum(staffingParts),
        competence: z.string().nullable(),
        covers: z.number().int(),
      }),
    ),
  }),
});
export type StaffingWeek = z.infer<typeof staffingWeekResponse>;
