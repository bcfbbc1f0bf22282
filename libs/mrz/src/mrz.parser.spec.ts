import { composeMrz, detectMrzFormat, IcaoFormat, MrzDocumentData, MrzParseResult, parseMrz } from '@idv/mrz';
import { loadMrzVectors, loadSpecimens, VectorCase, eachCorpusRow } from './mrz-corpus.fixture';

const ICAO_FORMATS: readonly string[] = ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'];
const vectors = loadMrzVectors();
const specimens = loadSpecimens() ?? [];

const checkVerdict = (r: MrzParseResult) => r.checks.length > 0 && r.checks.every((c) => c.valid);
const printedDigit = (r: MrzParseResult, field: string) => r.checks.find((c) => c.field === field)?.printed;
/** Peer parsers write inner fillers as spaces and keep or drop edge fillers; we keep inner `<` only. */
const asMrz = (value: unknown) =>
  String(value)
    .replace(/ /g, '<')
    .replace(/^<+|<+$/g, '');

/** Maps a corpus `expected` key to what our result says about it; undefined = not comparable. */
function actualFor(key: string, r: MrzParseResult): unknown {
  const f = r.fields;
  const long = f.documentNumber.length > 9;
  const map: Record<string, () => unknown> = {
    document_code: () => f.documentCode,
    issuing_state: () => f.issuingCountry,
    nationality: () => f.nationality,
    surname: () => f.surname,
    given_names: () => f.givenNames,
    document_number: () => f.documentNumber,
    birth_date: () => f.dateOfBirthMrz,
    expiry_date: () => f.expiryDateMrz,
    birth_date_iso: () => f.dateOfBirth,
    expiry_date_iso: () => f.expiryDate,
    sex: () => f.sex,
    // cheminfo reports a long number's continuation as part of optional1; we report what follows it.
    optional_data: () => (long ? undefined : f.optionalData),
    personal_number: () => f.optionalData,
    optional_data_2: () => f.optionalData2,
    document_number_check_digit: () => printedDigit(r, 'documentNumber'),
    birth_date_check_digit: () => printedDigit(r, 'dateOfBirth'),
    expiry_date_check_digit: () => printedDigit(r, 'expiryDate'),
    personal_number_check_digit: () => printedDigit(r, 'optionalData'),
    composite_check_digit: () => printedDigit(r, 'composite'),
    valid_birth_date: () => !r.invalidFields.includes('dateOfBirth'),
    valid_expiry_date: () => !r.invalidFields.includes('expiryDate'),
    valid_document_number: () => !r.invalidFields.includes('documentNumber'),
    valid_composite: () => !r.invalidFields.includes('composite'),
    date_of_birth_is_calendar_date: () => f.dateOfBirth !== null,
    expiry_date_is_calendar_date: () => f.expiryDate !== null,
  };
  return map[key]?.();
}

function expectFields(c: VectorCase, r: MrzParseResult): void {
  for (const [key, expected] of Object.entries(c.expected)) {
    // null: the source parser rejected the value (UTO as a country); not a field value to compare.
    if (expected === null) continue;
    const actual = actualFor(key, r);
    if (actual === undefined) continue;
    if (typeof expected === 'string') expect([key, asMrz(actual)]).toEqual([key, asMrz(expected)]);
    else expect([key, actual]).toEqual([key, expected]);
  }
}

/** Cases whose source repairs OCR swaps without being asked: foxanna reads nationality UT0 as UTO. */
const SOURCE_REPAIRS_OCR = new Set(['foxanna-td1-bel-prado']);

describe('parseMrz on the corpus cases', () => {
  const cases = vectors?.cases ?? [];
  const icao = cases.filter((c) => ICAO_FORMATS.includes(c.format) && c.independent_icao_check);
  const wrongShape = (c: VectorCase) =>
    c.independent_icao_check!.errors.includes('wrong number or length of lines');

  eachCorpusRow(icao.filter((c) => !wrongShape(c)).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const raw = parseMrz(c.lines);
    expect(raw.format).toBe(c.format);
    // Our verdict is check digits only; `valid` of the source may also reject UTO, so compare
    // with the corpus's own independent ICAO check.
    expect(checkVerdict(raw)).toBe(c.independent_icao_check!.all_ok);
    expect(raw.valid).toBe(c.independent_icao_check!.all_ok);
    const corrected = parseMrz(c.lines, { autocorrect: true });
    if (raw.valid) expect(corrected.valid).toBe(true);
    expectFields(c, c.options?.autocorrect || SOURCE_REPAIRS_OCR.has(c.id) ? corrected : raw);
  });

  eachCorpusRow(icao.filter(wrongShape).map((c) => [c.id, c] as const))(
    '%s: wrong line length is no format',
    (_id, c) => {
      const result = parseMrz(c.lines);
      expect(result).toMatchObject({ format: null, valid: false, invalidFields: ['format'] });
    },
  );

  // The pre-2021 French national ID, as other parsers read it.
  const french = cases.filter((c) => c.format === 'FRENCH_NATIONAL_ID');
  eachCorpusRow(french.map((c) => [c.id, c] as const))('%s (French national ID)', (_id, c) => {
    const result = parseMrz(c.lines, { autocorrect: c.options?.autocorrect === true });
    expect(result.format).toBe('FRENCH_NATIONAL_ID');
    if (c.valid === false) {
      expect(result.valid).toBe(false);
      return;
    }
    expect(result.valid).toBe(true);
    const e = c.expected as Record<string, string | undefined>;
    const number = e.full_document_number ?? e.document_number;
    if (number && number.length === 12) expect(result.fields.documentNumber).toBe(number);
    if (e.surname) expect(result.fields.surname).toBe(e.surname);
    if (e.given_names) expect(result.fields.givenNames).toBe(e.given_names.replace(/,/g, ''));
    if (e.birth_date_iso) expect(result.fields.dateOfBirth).toBe(e.birth_date_iso);
    if (e.birth_date) expect(result.fields.dateOfBirthMrz).toBe(e.birth_date);
    if (e.expiry_date_iso) expect(result.fields.expiryDate).toBe(e.expiry_date_iso);
    if (e.sex) expect(result.fields.sex).toBe(e.sex[0].toUpperCase());
  });

  const nonIcao = cases.filter((c) => !ICAO_FORMATS.includes(c.format) && c.format !== 'FRENCH_NATIONAL_ID');
  eachCorpusRow(nonIcao.map((c) => [c.id, c.format, c] as const))(
    '%s (%s) is not a valid ICAO MRZ',
    (_id, format, c) => {
      const result = parseMrz(c.lines);
      expect(result.valid).toBe(false);
      // National layouts are recognised as not ICAO; malformed input of an ICAO shape keeps its format.
      if (format !== 'unknown') expect(result.format).toBeNull();
      else if (result.format !== null) expect(result.invalidFields).toContain('characters');
    },
  );

  it('autocorrection reports the swaps cheminfo asserts and makes the TD1 valid', () => {
    const c = cases.find((x) => x.id === 'cheminfo-td1-autocorrect');
    if (!c) return;
    const result = parseMrz(c.lines, { autocorrect: true });
    expect(result.valid).toBe(true);
    expect(result.corrections).toEqual(
      expect.arrayContaining([
        { line: 1, column: 1, from: 'S', to: '5' },
        { line: 1, column: 6, from: 'G', to: '6' },
        { line: 1, column: 29, from: 'B', to: '8' },
        { line: 2, column: 0, from: '5', to: 'S' },
        { line: 2, column: 14, from: '8', to: 'B' },
      ]),
    );
    expect(result.corrections).toHaveLength(16);
    expect(parseMrz(c.lines).valid).toBe(false);
  });
});

describe('parseMrz on the specimen ground truth', () => {
  /** Deliberate exceptions, each with its reason. */
  const SKIP_FIELDS: Record<string, { fields: string[]; why: string }> = {
    'cze-passport-arg.png': {
      fields: ['birth_date'],
      why: 'born 1911 per the visual zone; the MRZ 110101 reads 2011',
    },
    'esp-idcard-diagram-pe.png': {
      fields: ['surname', 'given_names'],
      why: 'a single < separates the names',
    },
    'aut-idcard-nonconformant-ijs.png': { fields: ['*'], why: 'fields shifted by a missing check digit' },
  };
  const usable = specimens.filter((s) => s.ground_truth.mrz_lines.length > 0);

  eachCorpusRow(usable.map((s) => [s.file, s] as const))('%s', (file, s) => {
    const result = parseMrz(s.ground_truth.mrz_lines);
    if (s.mrz_format === 'FRENCH_NATIONAL_ID') {
      // Not ICAO: its own layout, no expiry date in the MRZ.
      expect(result).toMatchObject({ format: 'FRENCH_NATIONAL_ID', valid: s.mrz_check_digits_valid });
      expect(result.fields).toMatchObject({
        documentNumber: s.ground_truth.document_number,
        surname: s.ground_truth.surname,
        givenNames: s.ground_truth.given_names,
        dateOfBirth: s.ground_truth.birth_date,
        nationality: 'FRA',
      });
      return;
    }
    if (!ICAO_FORMATS.includes(s.mrz_format) && s.mrz_format !== 'nonconformant') {
      expect(result.format).toBeNull();
      return;
    }
    expect(result.valid).toBe(s.mrz_check_digits_valid);
    const skip = SKIP_FIELDS[file]?.fields ?? [];
    if (skip.includes('*')) return;
    expect(result.format).toBe(s.mrz_format);
    const g = s.ground_truth;
    const f = result.fields;
    const pairs: Array<[string, unknown, unknown]> = [
      ['document_number', f.documentNumber, g.document_number],
      ['surname', f.surname, g.surname],
      ['given_names', f.givenNames, g.given_names],
      ['nationality', f.nationality, g.nationality],
      ['issuing_country', f.issuingCountry, g.issuing_country],
      ['birth_date', f.dateOfBirth, g.birth_date],
      ['expiry_date', f.expiryDate, g.expiry_date],
      ['sex', f.sex, g.sex],
      ['document_code', f.documentCode, g.document_code],
      ['optional_data', f.optionalData, g.optional_data ?? ''],
      ['birth_date_mrz', f.dateOfBirthMrz, g.birth_date_mrz],
    ];
    for (const [key, actual, expected] of pairs) {
      if (!skip.includes(key)) expect([key, actual]).toEqual([key, expected]);
    }
  });
});

describe('compose → parse round trip', () => {
  const base: Omit<MrzDocumentData, 'format'> = {
    documentCode: 'P',
    issuingCountry: 'D',
    surname: 'Müller-Lü',
    givenNames: 'Jörg Anna',
    documentNumber: 'C01X00T47',
    nationality: 'UTO',
    dateOfBirth: '1964-08-12',
    sex: 'F',
    expiryDate: '2031-10-31',
    optionalData: 'AB12',
  };
  const today = new Date('2025-06-01T00:00:00Z');

  it.each(['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'] as IcaoFormat[])('%s', (format) => {
    const documentCode = format.startsWith('MRV') ? 'V' : 'P';
    const lines = composeMrz({
      ...base,
      format,
      documentCode,
      optionalData2: format === 'TD1' ? 'XY' : undefined,
    });
    const result = parseMrz(lines, { today });
    expect(result.format).toBe(format);
    expect(result.valid).toBe(true);
    expect(result.fields).toEqual({
      documentCode,
      issuingCountry: 'D',
      surname: 'MUELLER LUE',
      givenNames: 'JOERG ANNA',
      documentNumber: 'C01X00T47',
      nationality: 'UTO',
      dateOfBirth: '1964-08-12',
      dateOfBirthMrz: '640812',
      sex: 'F',
      expiryDate: '2031-10-31',
      expiryDateMrz: '311031',
      optionalData: 'AB12',
      optionalData2: format === 'TD1' ? 'XY' : '',
    });
    expect(result.warnings).toEqual([]);
  });

  it.each(['TD1', 'TD2'] as IcaoFormat[])('%s long document number', (format) => {
    const lines = composeMrz({ ...base, format, documentNumber: 'D23145890734', optionalData: 'Q' });
    const result = parseMrz(lines, { today });
    expect(result.valid).toBe(true);
    expect(result.fields.documentNumber).toBe('D23145890734');
    expect(result.fields.optionalData).toBe('Q');
  });
});

describe('parseMrz verdicts', () => {
  const td3 = [
    'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
    'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
  ];

  it('names the failing check and keeps the fields', () => {
    const tampered = [td3[0], td3[1].replace('7408122', '7408132')];
    const result = parseMrz(tampered);
    expect(result.valid).toBe(false);
    expect(result.invalidFields).toEqual(['dateOfBirth', 'composite']);
    expect(result.checks.find((c) => c.field === 'dateOfBirth')).toEqual({
      field: 'dateOfBirth',
      valid: false,
      printed: '2',
      computed: '3',
    });
    expect(result.fields.documentNumber).toBe('L898902C3');
  });

  it('accepts the Belgian long-number variant that counts the filler, with a warning', () => {
    const bel = [
      'IDBEL000590240<6013<<<<<<<<<<<',
      '8512017F1311048BEL851201002007',
      'REINARTZ<<ULRIKE<KATIA<E<<<<<<',
    ];
    const result = parseMrz(bel);
    expect(result.valid).toBe(true);
    expect(result.warnings).toContain('LONG_NUMBER_CHECK_INCLUDES_FILLER');
  });

  it('reports unknown countries as warnings only', () => {
    const rou = ['IDROUSAVA<<SUPERMAN<<<<<<<<<<<<<<<<<', 'HD198025<51328505095M130509012049941'];
    const result = parseMrz(rou);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual(['UNKNOWN_COUNTRY: nationality 132']);
  });

  it('autocorrects a visa by field type only', () => {
    const visa = ['V<UT0ERIK55ON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX40O9O78F96121O9<<<<<<<<'];
    const result = parseMrz(visa, { autocorrect: true });
    expect(result.valid).toBe(true);
    expect(result.fields.surname).toBe('ERIKSSON');
    expect(result.corrections).toHaveLength(6);
    // The document number is alphanumeric: a swap there would be a guess, so it is left alone.
    const wrongNumber = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L898B901C4XXX4009078F9612109<<<<<<<<'];
    expect(parseMrz(wrongNumber, { autocorrect: true })).toMatchObject({ valid: false, corrections: [] });
  });

  it('reads a Q or D where only a digit may stand as 0, and leaves one in the document number as read', () => {
    // A recogniser trained on many faces reads a narrow 0 as Q: here the composite digit and a birth-date digit.
    const td1 = [
      'IDSVK6121709927<<<<<<<<<<<<<<<',
      '5202186M3001019SVK<<<<<<<<<<<0',
      'KOVAC<<LUBOMIR<<<<<<<<<<<<<<<<',
    ];
    const misread = [td1[0], `${td1[1].slice(0, 2)}D${td1[1].slice(3, 29)}Q`, td1[2]];
    expect(parseMrz(misread).invalidFields).toEqual(expect.arrayContaining(['dateOfBirth', 'composite']));
    const result = parseMrz(misread, { autocorrect: true });
    expect(result).toMatchObject({ valid: true, lines: td1 });
    expect(result.corrections).toEqual([
      { line: 1, column: 2, from: 'D', to: '0' },
      { line: 1, column: 29, from: 'Q', to: '0' },
    ]);
    // A document number may hold letters: a Q there is the document's or the read's, not a 0 for certain.
    const number = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', td3[1].replace('L898902C3', 'L8989Q2C3')];
    expect(parseMrz(number, { autocorrect: true }).fields.documentNumber).toBe('L8989Q2C3');
  });

  it('uses today for the birth century and 1970-2069 for expiry', () => {
    const lines = composeMrz({ ...td3base(), dateOfBirth: '2020-02-13', expiryDate: '2030-01-01' });
    expect(parseMrz(lines, { today: new Date('2025-01-01') }).fields.dateOfBirth).toBe('2020-02-13');
    expect(parseMrz(lines, { today: new Date('2019-01-01') }).fields.dateOfBirth).toBe('1920-02-13');
  });

  it.each([
    [[]],
    [['']],
    [['<']],
    [['p<utoeriksson']],
    [[td3[0], td3[1], td3[1]]],
    [['x'.repeat(44), 'ä'.repeat(44)]],
  ])('never throws: %j', (lines) => {
    expect(() => parseMrz(lines)).not.toThrow();
    expect(parseMrz(lines).valid).toBe(false);
  });

  function td3base(): MrzDocumentData {
    return { ...parseToData(td3), format: 'TD3' };
  }
  function parseToData(lines: string[]): MrzDocumentData {
    const f = parseMrz(lines).fields;
    return {
      format: 'TD3',
      documentCode: f.documentCode,
      issuingCountry: f.issuingCountry,
      surname: f.surname,
      givenNames: f.givenNames,
      documentNumber: f.documentNumber,
      nationality: f.nationality,
      dateOfBirth: f.dateOfBirth!,
      sex: f.sex!,
      expiryDate: f.expiryDate!,
    };
  }
});

describe('detectMrzFormat', () => {
  it.each([
    [['A'.repeat(30), 'A'.repeat(30), 'A'.repeat(30)], 'TD1'],
    [['V'.repeat(30), 'A'.repeat(30), 'A'.repeat(30)], 'TD1'],
    [['I'.repeat(36), 'A'.repeat(36)], 'TD2'],
    [['V'.repeat(36), 'A'.repeat(36)], 'MRV-B'],
    [['P'.repeat(44), 'A'.repeat(44)], 'TD3'],
    [['V'.repeat(44), 'A'.repeat(44)], 'MRV-A'],
    [['IDFRA' + '<'.repeat(31), 'A'.repeat(36)], 'FRENCH_NATIONAL_ID'],
    [['P'.repeat(44), 'A'.repeat(43)], null],
    [['A'.repeat(30), 'A'.repeat(30)], null],
  ])('%j → %s', (lines, format) => {
    expect(detectMrzFormat(lines)).toBe(format);
  });
});

describe('parseMrz on the pre-2021 French national ID card', () => {
  const cni = ['IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<', '9409923102854CORINNE<<<<<<<6512068F4'];

  it('reads its own layout: 12-character number, given names on line 2, expiry from the issue month', () => {
    const result = parseMrz(cni, { today: new Date('2026-11-01T12:00:00Z') });
    expect(result).toMatchObject({ format: 'FRENCH_NATIONAL_ID', valid: true, invalidFields: [] });
    expect(result.fields).toMatchObject({
      documentCode: 'ID',
      issuingCountry: 'FRA',
      surname: 'BERTHIER',
      givenNames: 'CORINNE',
      documentNumber: '940992310285',
      nationality: 'FRA',
      dateOfBirth: '1965-12-06',
      sex: 'F',
      // Issued September 1994, valid ten years.
      expiryDate: '2004-09-01',
    });
    expect(result.checks.map((c) => c.field)).toEqual(['documentNumber', 'dateOfBirth', 'composite']);
    expect(result.warnings.join()).toContain('EXPIRY_FROM_ISSUE_DATE');
  });

  it('fails the number and composite digits when one number digit changes', () => {
    const edited = [cni[0], cni[1].slice(0, 5) + '4' + cni[1].slice(6)];
    const result = parseMrz(edited);
    expect(result.valid).toBe(false);
    expect(result.invalidFields).toEqual(expect.arrayContaining(['documentNumber', 'composite']));
    expect(result.invalidFields).not.toContain('dateOfBirth');
  });
});

describe('parseMrz on a French ICAO TD2 card', () => {
  // Same shape as the pre-2021 card (IDFRA…, 2×36), but laid out as ICAO TD2: number, nationality, dates.
  const td2 = ['IDFRALEFEVRE<<JEROME<<<<<<<<<<<<<<<<', 'NX1M359220FRA8704164M3501210<<<<<<<4'];

  it('reads it as TD2, whose check digits verify, not as the national layout', () => {
    const result = parseMrz(td2, { autocorrect: true, today: new Date('2026-11-01T12:00:00Z') });
    expect(result).toMatchObject({ format: 'TD2', valid: true });
    expect(result.fields).toMatchObject({
      issuingCountry: 'FRA',
      surname: 'LEFEVRE',
      givenNames: 'JEROME',
      documentNumber: 'NX1M35922',
      dateOfBirth: '1987-04-16',
      expiryDate: '2035-01-21',
    });
  });
});
