import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectValidFhir, fhirClient, fhirToken, validated } from '../../test/fhir.ts';
import { useWorldSuite } from '../../test/harness.ts';

const ALL = ['user/*.read', 'user/Observation.write', 'user/Encounter.write'];
const s = useWorldSuite();

describe('FHIR R4: metadata and Patient', () => {
  it('describes itself without a token', async () => {
    const res = await fhirClient(s.app, null).get('/fhir/R4/metadata');
    expect(res.status).toBe(200);
    const types = res.body.rest[0].resource.map((r: { type: string }) => r.type);
    expect(types).toContain('Patient');
    expect(types).not.toContain('QuestionnaireResponse');
  });

  it('reads a served person as Patient with the fødselsnummer', async () => {
    const anna = fhirClient(s.app, await fhirToken(s.app, 'anna', ALL));
    const res = await anna.get(`/fhir/R4/Patient/${s.world.petter.id}`);
    expect(res.status).toBe(200);
    expect(res.body.identifier[0]).toEqual({
      use: 'official',
      system: 'urn:oid:2.16.578.1.12.4.1.4.1',
      value: s.world.petter.nationalId,
    });
    expect(validated.resources).toBeGreaterThan(0);
  });
});

export { expectValidFhir, sql };
