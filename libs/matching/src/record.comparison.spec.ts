import { compareRecord, comparisonStatuses, DocumentFields, RegistrationRecord } from '@idv/matching';

const record = (over: Partial<RegistrationRecord> = {}): RegistrationRecord => ({
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  dateOfBirth: '1974-08-12',
  nationality: 'SWE',
  ...over,
});

const mrz = (over: Partial<DocumentFields> = {}): DocumentFields => ({
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  dateOfBirth: '1974-08-12',
  nationality: 'SWE',
  format: 'TD3',
  ...over,
});

/** Status of both name fields, with `near` spelled out, for compact expectations. */
function names(
  registered: [string, string],
  read: [string, string],
  over: Partial<DocumentFields> = {},
): string[] {
  const report = compareRecord(
    record({ surname: registered[0], givenNames: registered[1] }),
    mrz({ surname: read[0], givenNames: read[1], ...over }),
  );
  return [report.surname!, report.givenNames!].map((f) => (f.near ? 'near' : f.status));
}

describe('compareRecord: names through ICAO transliteration', () => {
  it.each([
    ['Müller', 'MUELLER'],
    ['Müller', 'MULLER'],
    ['Strauß', 'STRAUSS'],
    ['Åström', 'AASTROEM'],
    ['Åström', 'ASTROM'],
    ['García Núñez', 'GARCIA NUNEZ'],
    ["O'Neill", 'ONEILL'],
    ['O’Neill', 'O NEILL'],
    ['Smith-Jones', 'SMITH JONES'],
    ['  van   der Berg ', 'VAN DER BERG'],
    ['Española Española', 'ESPAÑOLA<ESPAÑOLA'],
  ])('%s matches MRZ %s', (registered, read) => {
    expect(names([registered, 'Hans'], [read, 'HANS'])).toEqual(['match', 'match']);
  });

  it('does not accept a spelling no transliteration produces', () => {
    // MUELER is one edit from MUELLER: a near miss for a person to look at, never a match.
    expect(names(['Müller', 'Hans'], ['MUELER', 'HANS'])).toEqual(['near', 'match']);
    expect(names(['Müller', 'Hans'], ['SCHMIDT', 'HANS'])).toEqual(['mismatch', 'match']);
  });

  it('takes an ICAO digraph on one side for the bare letter on the other (JØRGEN typed Jorgen, BJÖRK printed BJORK)', () => {
    expect(names(['Braendstrup', 'Jorgen'], ['BRAENDSTRUP', 'JOERGEN'])).toEqual(['match', 'match']);
    expect(names(['Hamalainen', 'Aino'], ['HAEMAELAEINEN', 'AINO'])).toEqual(['match', 'match']);
    const report = compareRecord(record({ givenNames: 'Bjork' }), mrz({ givenNames: 'BJOERK' }));
    expect(report.givenNames).toMatchObject({ status: 'match', basis: 'spelling' });
    expect(names(['Braendstrup', 'Bjoerk'], ['BRAENDSTRUP', 'BJORK'])).toEqual(['match', 'match']);
    // Only the digraph folds: another letter left out is still a typo.
    expect(names(['Brandstrup', 'Jorgn'], ['BRAENDSTRUP', 'JOERGEN'])).toEqual(['match', 'near']);
    expect(names(['Braendstrup', 'Jeorgen'], ['BRAENDSTRUP', 'JORGEN'])).toEqual(['match', 'near']);
  });

  it('tells an ICAO spelling variant apart from an exact match', () => {
    const report = compareRecord(record({ surname: 'Müller' }), mrz({ surname: 'MULLER' }));
    expect(report.surname).toMatchObject({
      status: 'match',
      basis: 'spelling',
      expected: 'Müller',
      found: 'MULLER',
    });
  });
});

describe('compareRecord: Chinese names in Han characters', () => {
  it.each([
    [
      ['王', '小明'],
      ['WANG', 'XIAOMING'],
    ],
    [
      ['王', '小明'],
      ['WANG', 'XIAO MING'],
    ],
    [
      ['张', '伟'],
      ['ZHANG', 'WEI'],
    ],
    [
      ['欧阳', '娜娜'],
      ['OUYANG', 'NANA'],
    ],
    [
      ['曾', '小明'],
      ['ZENG', 'XIAOMING'],
    ],
    [
      ['单', '田芳'],
      ['SHAN', 'TIANFANG'],
    ],
    [
      ['吕', '伟'],
      ['LYU', 'WEI'],
    ],
    [
      ['吕', '伟'],
      ['LV', 'WEI'],
    ],
  ] as [[string, string], [string, string]][])('%j matches MRZ %j', (registered, read) => {
    expect(names(registered, read)).toEqual(['match', 'match']);
  });

  it('reads polyphonic surnames as surnames, not with their everyday reading', () => {
    // 曾 is CENG in 曾经 and 单 is DAN in 单位; as surnames they are ZENG and SHAN.
    expect(names(['曾', '小明'], ['CENG', 'XIAOMING'])[0]).not.toBe('match');
    expect(names(['单', '田芳'], ['DAN', 'TIANFANG'])[0]).toBe('mismatch');
  });

  it('does not match another Chinese name', () => {
    expect(names(['王', '小明'], ['WANG', 'XIAOHONG'])).toEqual(['match', 'mismatch']);
    expect(names(['张', '伟'], ['ZHAO', 'WEI'])).toEqual(['mismatch', 'match']);
  });
});

describe('compareRecord: truncated MRZ names', () => {
  const long: [string, string] = ['Nilavadhanananda', 'Chayapa Dejthamrong Krasuang'];

  it('accepts the ICAO truncation when the name field was full', () => {
    // The example of ICAO 9303 Part 3 §4.6 for a 31-character field (TD2).
    expect(names(long, ['NILAVADHANANANDA', 'CHAYAPA DEJ K'], { format: 'TD2' })).toEqual(['match', 'match']);
    expect(
      names(long, ['NILAVADHANANANDA', 'CHAYAPA DEJTHAMRONG KRAS'], { format: null, nameTruncated: true }),
    ).toEqual(['match', 'match']);
  });

  it('infers a full field from its length when the layout is unknown', () => {
    // 39 characters: exactly the TD3 name field.
    const read: [string, string] = ['NILAVADHANANANDA', 'CHAYAPA DEJTHAMRONG K'];
    expect(`${read[0]}<<${read[1]}`).toHaveLength(39);
    expect(names(long, read, { format: null })).toEqual(['match', 'match']);
  });

  it('does not excuse a shortened name when the field had room: a person looks at it', () => {
    expect(names(long, ['NILAVADHANANANDA', 'CHAYAPA DEJ K'], { format: 'TD3' })).toEqual(['match', 'near']);
    const report = compareRecord(
      record({ surname: long[0], givenNames: long[1] }),
      mrz({ surname: 'NILAVADHANANANDA', givenNames: 'CHAYAPA DEJ K', nameTruncated: false, format: 'TD2' }),
    );
    expect(report.givenNames).toMatchObject({ status: 'mismatch', near: true, basis: 'partial' });
  });

  it('does not accept a truncation that is not a prefix of the registered name', () => {
    expect(names(long, ['NILAVADHANANANDA', 'CHAYAPA DEX K'], { nameTruncated: true })[1]).toBe('mismatch');
  });
});

describe('compareRecord: near misses', () => {
  it('flags one-letter typos, swaps and omissions as near, with what made them near', () => {
    const cases: [[string, string], [string, string], string][] = [
      [['Eriksson', 'Anna Maria'], ['ERIKSON', 'ANNA MARIA'], 'one_edit'],
      [['Eriksson', 'Anna Maria'], ['ERIKSSNO', 'ANNA MARIA'], 'one_edit'],
      [['Eriksson', 'Anna Maria'], ['ERIKSSON', 'MARIA ANNA'], 'swapped'],
      [['Eriksson', 'Anna Maria'], ['ERIKSSON', 'ANNA'], 'partial'],
      [['Eriksson', 'Anna'], ['ERIKSSON', 'ANNA MARIA'], 'partial'],
    ];
    for (const [registered, read, basis] of cases) {
      const report = compareRecord(
        record({ surname: registered[0], givenNames: registered[1] }),
        mrz({ surname: read[0], givenNames: read[1] }),
      );
      const near = [report.surname!, report.givenNames!].find((f) => f.status !== 'match')!;
      expect({ read, status: near.status, near: near.near, basis: near.basis }).toEqual({
        read,
        status: 'mismatch',
        near: true,
        basis,
      });
      expect(near.score).toBeGreaterThan(0);
      expect(near.score).toBeLessThan(1);
    }
  });

  it('flags surname and given names exchanged as near on both fields', () => {
    const report = compareRecord(record(), mrz({ surname: 'ANNA MARIA', givenNames: 'ERIKSSON' }));
    expect([report.surname, report.givenNames]).toEqual([
      expect.objectContaining({ status: 'mismatch', near: true, basis: 'swapped_fields' }),
      expect.objectContaining({ status: 'mismatch', near: true, basis: 'swapped_fields' }),
    ]);
  });

  it('keeps two edits a plain mismatch', () => {
    expect(compareRecord(record(), mrz({ surname: 'ERIKSEN' })).surname).toMatchObject({
      status: 'mismatch',
      near: false,
      basis: null,
    });
  });
});

describe('compareRecord: dates, numbers, nationality, sex', () => {
  it('requires the exact date of birth', () => {
    expect(compareRecord(record(), mrz()).dateOfBirth!.status).toBe('match');
    for (const other of ['1974-08-13', '1974-12-08', '1975-08-12']) {
      expect(compareRecord(record(), mrz({ dateOfBirth: other })).dateOfBirth).toMatchObject({
        status: 'mismatch',
        near: false,
      });
    }
  });

  it('calls a date 100 years off near: the MRZ only stores two year digits', () => {
    expect(
      compareRecord(record({ dateOfBirth: '1924-03-01' }), mrz({ dateOfBirth: '2024-03-01' })).dateOfBirth,
    ).toMatchObject({ status: 'mismatch', near: true, basis: 'century' });
  });

  it('compares document numbers without fillers, spaces or case, and O/0, I/1 as near only', () => {
    const number = (registered: string, read: string) =>
      compareRecord(record({ documentNumber: registered }), mrz({ documentNumber: read })).documentNumber!;
    expect(number('l898902c3', 'L898902C3<')).toMatchObject({ status: 'match', near: false });
    expect(number('L 898 902 C3', 'L898902C3')).toMatchObject({ status: 'match' });
    expect(number('AB0I2345', 'ABO12345')).toMatchObject({
      status: 'mismatch',
      near: true,
      basis: 'ocr_ambiguous',
    });
    expect(number('L898902C3', 'L898902C4')).toMatchObject({
      status: 'mismatch',
      near: true,
      basis: 'one_edit',
    });
    expect(number('L898902C3', 'X123456Y7')).toMatchObject({ status: 'mismatch', near: false });
  });

  it('maps ICAO nationality codes to ISO alpha-3', () => {
    expect(
      compareRecord(record({ nationality: 'DEU' }), mrz({ nationality: 'D<<' })).nationality,
    ).toMatchObject({
      status: 'match',
      basis: 'code_alias',
    });
    expect(
      compareRecord(record({ nationality: 'GBR' }), mrz({ nationality: 'GBD' })).nationality!.status,
    ).toBe('match');
    expect(
      compareRecord(record({ nationality: 'DEU' }), mrz({ nationality: 'AUT' })).nationality!.status,
    ).toBe('mismatch');
  });

  it('reports documentNumber and sex only when registered', () => {
    const bare = compareRecord(record(), mrz({ documentNumber: 'L898902C3', sex: 'F' }));
    expect(Object.keys(bare).sort()).toEqual(['dateOfBirth', 'givenNames', 'nationality', 'surname']);
    const full = compareRecord(
      record({ sex: 'X', documentNumber: 'L898902C3' }),
      mrz({ sex: '<', documentNumber: 'L898902C3' }),
    );
    expect(comparisonStatuses(full)).toEqual({
      surname: 'match',
      givenNames: 'match',
      dateOfBirth: 'match',
      nationality: 'match',
      documentNumber: 'match',
      sex: 'match',
    });
    expect(compareRecord(record({ sex: 'F' }), mrz({ sex: 'M' })).sex!.status).toBe('mismatch');
  });

  it('reports fields the document did not yield as missing, not as mismatches', () => {
    const report = compareRecord(record({ documentNumber: 'L898902C3' }), { surname: 'ERIKSSON' });
    expect(comparisonStatuses(report)).toEqual({
      surname: 'match',
      givenNames: 'missing',
      dateOfBirth: 'missing',
      nationality: 'missing',
      documentNumber: 'missing',
    });
  });

  it('matches a person with no given names only against an empty given-name field', () => {
    expect(names(['Sukarno', ''], ['SUKARNO', ''])).toEqual(['match', 'match']);
    expect(names(['Sukarno', ''], ['SUKARNO', 'BUNG'])).toEqual(['match', 'mismatch']);
    expect(names(['Sukarno', '  '], ['SUKARNO', ''])).toEqual(['match', 'match']);
    expect(names(['Sukarno', 'Bung'], ['SUKARNO', ''])).toEqual(['match', 'mismatch']);
    const report = compareRecord(
      record({ surname: 'Sukarno', givenNames: '' }),
      mrz({ surname: 'SUKARNO', givenNames: 'BUNG' }),
    );
    expect(report.givenNames).toMatchObject({ status: 'mismatch', near: false, expected: '', found: 'BUNG' });
  });

  it('calls a single name the issuer wrote as given names (<<SUKARNO) near, for a person to look at', () => {
    expect(names(['Sukarno', ''], ['', 'SUKARNO'])).toEqual(['near', 'near']);
  });
});
