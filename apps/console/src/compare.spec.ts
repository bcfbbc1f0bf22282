import { compareFields } from './compare';

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
});
