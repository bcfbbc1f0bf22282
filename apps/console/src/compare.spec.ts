import { compareFields, wholeName } from './compare';

describe('compareFields', () => {
  const record = {
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    dateOfBirth: '1974-08-12',
    nationality: 'SWE',
    sex: 'F',
  };

  it("follows the engine's comparison where it has one", () => {
    const rows = compareFields(
      { surname: 'ERIKSSON', givenNames: 'ANNA MARIA', dateOfBirth: '1990-01-01', nationality: 'SWE' },
      record,
      { surname: 'match', givenNames: 'match', dateOfBirth: 'mismatch', nationality: 'match' },
    );
    expect(rows.find((r) => r.field === 'dateOfBirth')).toEqual({
      field: 'dateOfBirth',
      document: '1990-01-01',
      record: '1974-08-12',
      result: 'mismatch',
    });
    expect(rows.filter((r) => r.result === 'mismatch')).toHaveLength(1);
  });

  it('compares the rest the way a person reads them (case, accents, MRZ fillers)', () => {
    const rows = compareFields({ surname: 'Eriksson', givenNames: 'ANNA<MARIA', sex: 'M' }, record, null);
    expect(rows.find((r) => r.field === 'surname')!.result).toBe('match');
    expect(rows.find((r) => r.field === 'givenNames')!.result).toBe('match');
    expect(rows.find((r) => r.field === 'sex')!.result).toBe('mismatch');
    expect(rows.find((r) => r.field === 'dateOfBirth')!.result).toBe('missing');
    expect(rows.find((r) => r.field === 'documentNumber')!.result).toBeNull();
  });

  it('shows a Resident ID card’s printed name beside the record’s whole name, as the engine judged it', () => {
    const card = {
      format: 'CN_RESIDENT_ID',
      fullName: '王小明',
      dateOfBirth: '1990-03-07',
      sex: 'M',
      documentNumber: '11010519900307123X',
    };
    const rows = compareFields(
      card,
      { surname: '王', givenNames: '晓明', dateOfBirth: '1990-03-07', nationality: 'CHN' },
      { fullName: 'mismatch', dateOfBirth: 'match' },
    );
    expect(rows.map((r) => r.field)).toEqual(['fullName', 'dateOfBirth', 'sex', 'documentNumber']);
    expect(rows[0]).toEqual({ field: 'fullName', document: '王小明', record: '王晓明', result: 'mismatch' });
    expect(rows[1].result).toBe('match');
    // Not in the record: nothing to compare, not a difference.
    expect(rows[2].result).toBeNull();
  });

  it('puts an HKID record’s name beside the card’s name in the same script', () => {
    const hkid = {
      format: 'HKID',
      fullName: 'CHAN, Tai Man',
      chineseName: '陳大文',
      dateOfBirth: '1985-05-05',
    };
    const han = compareFields(hkid, { fullName: '陈大文' }, { fullName: 'match' });
    expect(han.find((r) => r.field === 'chineseName')).toMatchObject({ record: '陈大文', result: 'match' });
    expect(han.find((r) => r.field === 'fullName')).toMatchObject({ record: null, result: null });
    const latin = compareFields(hkid, { surname: 'CHAN', givenNames: 'TAI MAN' }, { fullName: 'match' });
    expect(latin.find((r) => r.field === 'fullName')).toMatchObject({
      record: 'CHAN TAI MAN',
      result: 'match',
    });
    expect(latin.find((r) => r.field === 'chineseName')).toMatchObject({ record: null, result: null });
  });

  it('joins a Han surname and given names without a space, Latin ones with one', () => {
    expect(wholeName({ surname: '欧阳', givenNames: '雨' })).toBe('欧阳雨');
    expect(wholeName({ surname: 'OUYANG', givenNames: 'YU' })).toBe('OUYANG YU');
    expect(wholeName({ fullName: '买买提·艾力', surname: '买买提' })).toBe('买买提·艾力');
    expect(wholeName({})).toBeNull();
  });
});
