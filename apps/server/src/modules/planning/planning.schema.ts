/** One zod schema per planning endpoint; refinements name the field that is wrong. */
import { z } from 'zod';

export const teamParams = z.object({ teamId: z.uuid() });
export const runParams = z.object({ runId: z.uuid() });
export const visitParams = z.object({ visitId: z.uuid() });
export const idParams = z.object({ id: z.uuid() });
export const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

/** «Hvem kommer?»: for the person themself, or for one of their registered next of kin. */
export const visitingLinkBody = z.discriminatedUnion('for', [
  z.object({ for: z.literal('person') }).strict(),
  z.object({ for: z.literal('next_of_kin'), nextOfKinId: z.uuid() }).strict(),
]);

export const periodQuery = z.object({
  from: z.iso.date(),
  days: z.coerce.number().int().min(1).max(14).default(14),
});

export const newRunBody = z.object({
  from: z.iso.date(),
  days: z.number().int().min(1).max(14).default(14),
  timeLimitSeconds: z.number().int().min(1).max(120).default(20),
});

export const seenBody = z.object({ ids: z.array(z.uuid()).max(1000) });
export const rerunBody = z.object({ timeLimitSeconds: z.number().int().min(1).max(120).optional() });

export const lockBody = z.object({ staffId: z.uuid().optional() });
export const dayLockBody = z.object({ staffId: z.uuid(), date: z.iso.date() });

/** A shift starts in the day (0 … 1439); a night shift ends the next morning, so its end may pass 1440. */
const startMinute = z.number().int().min(0).max(1439);
const endMinute = z.number().int().min(1).max(2880);
export const rotaEntryBody = z
  .object({
    staffId: z.uuid(),
    kind: z.enum(['day', 'evening', 'night']),
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((d) => new Set(d).size === d.length, { message: 'Each weekday once' }),
    everyWeeks: z.number().int().min(1).max(4).default(1),
    weekOffset: z.number().int().min(0).max(3).default(0),
    startMinute,
    endMinute,
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable().default(null),
  })
  .refine((e) => e.endMinute > e.startMinute, { path: ['endMinute'], message: 'The shift must end after it starts' })
  .refine((e) => e.endMinute - e.startMinute <= 1440, {
    path: ['endMinute'],
    message: 'A shift lasts at most 24 hours (a night shift ends the next morning)',
  })
  .refine((e) => e.weekOffset < e.everyWeeks, {
    path: ['weekOffset'],
    message: 'The week in the cycle must be less than the cycle length',
  })
  .refine((e) => e.validUntil === null || e.validUntil >= e.validFrom, {
    path: ['validUntil'],
    message: 'The rota must end on or after it starts',
  });

export const absenceBody = z
  .object({
    staffId: z.uuid(),
    fromDate: z.iso.date(),
    toDate: z.iso.date(),
    reason: z.enum(['sick', 'leave', 'course', 'other']),
  })
  .refine((a) => a.toDate >= a.fromDate, { path: ['toDate'], message: 'The absence must end on or after its start' });

export const sickBody = z.object({
  staffId: z.uuid(),
  date: z.iso.date(),
  timeLimitSeconds: z.number().int().min(1).max(120).default(10),
});
