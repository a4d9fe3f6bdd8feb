import { describe, expect, it } from 'vitest';
import { loadConfig, oidcProvider } from '../../config.ts';

describe('single sign-on settings', () => {
  it('are off when nothing is set', () => {
    expect(loadConfig({}).oidc).toEqual({ staff: undefined, eid: undefined });
  });

  it('take the staff provider with `sub` and ID-porten with `pid` as the subject', () => {
    const env = {
      TILLIT_OIDC_STAFF_ISSUER: 'https://login.kommune.no',
      TILLIT_OIDC_STAFF_CLIENT_ID: 'tillit',
      TILLIT_OIDC_STAFF_CLIENT_SECRET: 's3cret',
      TILLIT_OIDC_STAFF_REDIRECT_URI: 'https://tillit.kommune.no/api/auth/oidc/staff/callback',
      TILLIT_OIDC_EID_ISSUER: 'https://test.idporten.no',
      TILLIT_OIDC_EID_CLIENT_ID: 'tillit-eid',
      TILLIT_OIDC_EID_REDIRECT_URI: 'https://tillit.kommune.no/api/auth/oidc/eid/callback',
      TILLIT_OIDC_EID_ACR_VALUES: 'idporten-loa-high',
    };
    const { staff, eid } = loadConfig(env).oidc;
    expect(staff).toMatchObject({
      clientSecret: 's3cret',
      subjectClaim: 'sub',
      scope: 'openid',
      allowInsecureHttp: false,
    });
    expect(eid).toMatchObject({ subjectClaim: 'pid', acrValues: 'idporten-loa-high', clientSecret: undefined });
  });

  it('refuse to start with a provider set only in part', () => {
    expect(() => oidcProvider({ TILLIT_OIDC_STAFF_ISSUER: 'https://login.kommune.no' }, 'STAFF', 'sub')).toThrow(
      /must be set together/,
    );
  });
});
