import { z } from 'zod';

export const idParams = z.object({ id: z.uuid() });

export const competenceBody = z
  .object({
    competenceCode: z.string().trim().min(1).max(60),
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable().optional(),
  })
  .strict()
  .refine((v) => !v.validUntil || v.validUntil >= v.validFrom, {
    path: ['validUntil'],
    message: 'The end date must be on or after the start date',
  });

export type CompetenceInput = z.infer<typeof competenceBody>;
