import { AuditError, AuditErrorCode } from './audit.error';
import { assertNoPersonalData, auditSaltFromEnv, personalDataDigest } from './personal-data';

describe('assertNoPersonalData', () => {
  it.each([
    [{ surname: 'MUSTERMANN' }, 'data.surname'],
    [{ givenNames: 'ERIKA' }, 'data.givenNames'],
    [{ date_of_birth: '1964-08-12' }, 'data.date_of_birth'],
    [{ changes: { documentNumber: 'C01X00T47' } }, 'data.changes.documentNumber'],
    [{ fields: [{ ok: 1 }, { Email: 'a@b.c' }] }, 'data.fields[1].Email'],
    [{ phone: '+49 30 1234' }, 'data.phone'],
  ])('refuses %j naming the key', (data, path) => {
    let thrown: unknown;
    try {
      assertNoPersonalData(data);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AuditError);
    expect((thrown as AuditError).code).toBe(AuditErrorCode.PersonalData);
    expect((thrown as AuditError).message).toContain(path);
  });

  it('accepts ids, statuses and digests', () => {
    expect(() =>
      assertNoPersonalData({
        applicantId: 'a1',
        status: 'restricted',
        surnameDigest: 'ab12',
        fields: ['surname'],
      }),
    ).not.toThrow();
  });
});

describe('personalDataDigest', () => {
  it('is a stable 64-hex digest that depends on the salt and never contains the value', () => {
    const a = personalDataDigest('MUSTERMANN', 'salt-1');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(personalDataDigest('MUSTERMANN', 'salt-1')).toBe(a);
    expect(personalDataDigest('MUSTERMANN', 'salt-2')).not.toBe(a);
    expect(personalDataDigest('MUSTERFRAU', 'salt-1')).not.toBe(a);
  });

  it('treats composed and decomposed Unicode spellings as the same value', () => {
    expect(personalDataDigest('JOS\u00c9', 's')).toBe(personalDataDigest('JOSE\u0301', 's'));
  });

  it('takes its salt from the configuration (IDV_AUDIT_SALT)', () => {
    const env = { IDV_AUDIT_SALT: 'prod-secret-of-32-characters-xyz', IDV_ENCRYPTION_KEY: 'ab'.repeat(32) };
    expect(auditSaltFromEnv(env)).toBe('prod-secret-of-32-characters-xyz');
  });
});
