import { citizenCheckCharacter, parseCitizenNumber } from './citizen-number';

describe('citizen number (GB 11643-1999)', () => {
  it('computes the check character of the standard example and of an X number', () => {
    // GB 11643-1999's own example, and a widely published one ending in X.
    expect(citizenCheckCharacter('11010519491231002')).toBe('X');
    expect(citizenCheckCharacter('44052418800101001')).toBe('4');
  });

  it('reads region, birth date, sex and kind', () => {
    const n = parseCitizenNumber('11010519491231002x')!;
    expect(n).toMatchObject({
      value: '11010519491231002X',
      checkCharacterValid: true,
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'F',
      kind: 'resident',
    });
  });

  it('tells a wrong check character, an impossible date and residence permits', () => {
    expect(parseCitizenNumber('110105194912310021')!.checkCharacterValid).toBe(false);
    expect(parseCitizenNumber('110105194902300021')!.birthDate).toBeNull();
    const permit = parseCitizenNumber(`81000019900101001${citizenCheckCharacter('81000019900101001')}`)!;
    expect(permit).toMatchObject({ kind: 'residence_permit', permitRegion: 'HKG', sex: 'M' });
  });

  it('refuses what is not 18 digits with a final digit or X', () => {
    for (const bad of [
      '',
      '11010519491231002',
      '1101051949123100XX',
      '11010519491231002Y',
      'ABCDEFGHIJKLMNOPQR',
    ])
      expect(parseCitizenNumber(bad)).toBeNull();
  });
});
