import type { ServiceType } from '@tillit/contracts';

/** The legal basis follows from the service type (helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6). */
export const legalBasisOf: Record<ServiceType, string> = {
  hjemmesykepleie: 'Helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav a (helsetjenester i hjemmet)',
  praktisk_bistand:
    'Helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b (personlig assistanse, herunder praktisk bistand)',
  opplaering:
    'Helse- og omsorgstjenesteloven § 3-2 første ledd nr. 6 bokstav b (personlig assistanse, herunder opplæring)',
  trygghetsalarm: 'Helse- og omsorgstjenesteloven § 3-1 og § 3-2 første ledd nr. 6 bokstav b',
};
