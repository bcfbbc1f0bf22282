import { checkMrzLines, structureScore } from './mrz.validator';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

describe('checkMrzLines', () => {
  it('verifies every check digit of a correct TD3 and returns its fields', () => {
    expect(checkMrzLines(TD3)).toMatchObject({
      format: 'TD3',
      valid: true,
      passed: 5,
      total: 5,
      documentNumber: 'L898902C3',
      birthDate: '740812',
      expiryDate: '120415',
    });
  });

  it('counts a broken check digit', () => {
    const broken = [TD3[0], TD3[1].replace('7408122', '7408123')];
    const check = checkMrzLines(broken);
    expect(check.valid).toBe(false);
    expect(check.passed).toBeLessThan(check.total);
  });

  it('validates a visa (MRV-A) by its own check digits', () => {
    const visa = [
      'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L8988901C4XXX4009078F96121096ZE184226B<<<<<<',
    ];
    expect(checkMrzLines(visa)).toMatchObject({ format: 'MRV-A', valid: true });
  });

  it('repairs a country code misread in one character when the other country field confirms it', () => {
    const misread = [
      'P<NLDMEULENDIJK<<LOES<ALBERTINE<<<<<<<<<<<<<',
      'XA00000148MLD7110195F0604121123456782<<<<<02',
    ];
    expect(checkMrzLines(misread).lines[1]).toBe('XA00000148NLD7110195F0604121123456782<<<<<02');
  });

  it('leaves two different known country codes alone (a foreign national)', () => {
    const permit = [
      'IRGBRZU12345673<<<<<<<<<<<<<<<',
      '6608198F0808088IND<<<<<<<<<<<6',
      'SAMPLE<<SUSANNA<<<<<<<<<<<<<<<',
    ];
    expect(checkMrzLines(permit).lines[1]).toContain('IND');
  });

  it('reads the pre-2021 French national ID', () => {
    const cni = ['IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<', '9409923102854CORINNE<<<<<<<6512068F4'];
    expect(checkMrzLines(cni)).toMatchObject({
      format: 'FRENCH_NATIONAL_ID',
      valid: true,
      birthDate: '651206',
    });
  });

  it('scores the start of the name line by its structure', () => {
    expect(structureScore(TD3)).toBe(2);
    expect(structureScore(['CP<UTOERIKSSON'])).toBe(1);
  });
});
