import { z } from 'zod';

export const serviceTypes = ['hjemmesykepleie', 'praktisk_bistand', 'opplaering', 'trygghetsalarm'] as const;

/** The legal basis follows from the service type (helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6). */
export const legalBasisOf: Record<(typeof serviceTypes)[number], string> = {
  hjemmesykepleie: 'Helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav a (helsetjenester i hjemmet)',
  praktisk_bistand:
    'Helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b (personlig assistanse, herunder praktisk bistand)',
  opplaering:
    'Helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b (personlig assistanse, herunder opplæring)',
  trygghetsalarm: 'Helse- og omsorgstjenesteloven § 3-1 og § 3-2 første ledd nr. 6 bokstav b',
};

export const decisionBody = z
  .object({
    serviceType: z.enum(serviceTypes),
    hoursPerWeek: z.number().min(0).max(168),
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable().optional(),
    needsAndWishes: z.string().trim().min(5).max(4000),
    reasons: z.string().trim().min(5).max(4000),
  })
  .strict()
  .refine((d) => !d.validUntil || d.validUntil >= d.validFrom, {
    path: ['validUntil'],
    message: 'The end date must be on or after the start date',
  });

export type DecisionInput = z.infer<typeof decisionBody>;
