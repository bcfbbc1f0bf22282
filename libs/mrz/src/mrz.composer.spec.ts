import * as countries from 'i18n-iso-countries';
import { composeMrz, MrzDocumentData, MrzError, MrzErrorCode, IcaoFormat, MrzSex } from '@idv/mrz';
import { GenerationVector, loadMrzVectors, eachCorpusRow } from './mrz-corpus.fixture';

const SUPPORTED: readonly string[] = ['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B'];

/** The Arg0s1080 generator takes country names; two of them are not ISO countries. */
const NON_ISO_COUNTRY_NAMES: Record<string, string> = { utopia: 'UTO', unknown: 'XXX' };

function countryCode(nameOrCode: string): string {
  if (/^[A-Za-z<]{1,3}$/.test(nameOrCode)) return nameOrCode;
  const code = NON_ISO_COUNTRY_NAMES[nameOrCode.toLowerCase()] ?? countries.getAlpha3Code(nameOrCode, 'en');
  if (!code) throw new Error(`no country code for ${nameOrCode}`);
  return code;
}

/** Maps a corpus generation vector (raw YYMMDD dates, loose case) to our input type. */
function toDocumentData(v: GenerationVector): MrzDocumentData {
  const input = v.input;
  // Only YY reaches the MRZ, and 20YY has the same leap years as 19YY for every YY but 00.
  const iso = (yymmdd: string) => `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return {
    format: v.format as IcaoFormat,
    // mrz-java's visa generator writes V when no code is given.
    documentCode: input.document_code ?? 'V',
    issuingCountry: countryCode(input.issuing_state),
    surname: input.surname,
    givenNames: input.given_names,
    documentNumber: input.document_number,
    nationality: countryCode(input.nationality),
    dateOfBirth: iso(input.birth_date),
    sex: input.sex.toUpperCase() as MrzSex,
    expiryDate: iso(input.expiry_date),
    optionalData: input.optional_data,
    optionalData2: input.optional_data_2,
  };
}

const stevenson: MrzDocumentData = {
  format: 'TD1',
  documentCode: 'I',
  issuingCountry: 'UTO',
  surname: 'Stevenson',
  givenNames: 'Peter John',
  documentNumber: 'D23145890734',
  nationality: 'UTO',
  dateOfBirth: '1934-07-12',
  sex: 'M',
  expiryDate: '1995-07-12',
};

describe('composeMrz', () => {
  describe('corpus generation_vectors', () => {
    const vectors = loadMrzVectors()?.generation_vectors ?? [];
    const supported = vectors.filter((v) => SUPPORTED.includes(v.format));
    // FRENCH_NATIONAL_ID and SLOVAK_ID_2X34 are national layouts outside ICAO 9303; we do not compose them.

    eachCorpusRow(supported.map((v) => [v.format, v.source_test, v] as const))('%s %s', (_f, _t, v) => {
      const scheme = v.input.transliteration?.startsWith('Serbian') ? 'serbian' : undefined;
      expect(composeMrz(toDocumentData(v), { transliteration: scheme })).toEqual(v.expected_lines);
    });
  });

  it('writes a long TD1 document number per ICAO Part 5 (ICAO Doc 9303 Part 11 example)', () => {
    expect(composeMrz(stevenson)).toEqual([
      'I<UTOD23145890<7349<<<<<<<<<<<',
      '3407127M9507122UTO<<<<<<<<<<<2',
      'STEVENSON<<PETER<JOHN<<<<<<<<<',
    ]);
  });

  it('continues a long TD2 number in the optional data', () => {
    const [, line2] = composeMrz({ ...stevenson, format: 'TD2' });
    expect(line2.slice(0, 10)).toBe('D23145890<');
    expect(line2.slice(28, 35)).toBe('7349<<<');
  });

  it('every line has the length of its format', () => {
    for (const [format, length, count] of [
      ['TD1', 30, 3],
      ['TD2', 36, 2],
      ['TD3', 44, 2],
      ['MRV-A', 44, 2],
      ['MRV-B', 36, 2],
    ] as const) {
      const lines = composeMrz({ ...stevenson, format, documentNumber: 'X1234567' });
      expect(lines).toHaveLength(count);
      for (const line of lines) expect(line).toMatch(new RegExp(`^[A-Z0-9<]{${length}}$`));
    }
  });

  it('transliterates names with the ICAO table', () => {
    const [line1] = composeMrz({
      ...stevenson,
      format: 'TD3',
      surname: 'Müller-Lüdenscheidt',
      givenNames: 'Jörg',
    });
    expect(line1).toBe('I<UTOMUELLER<LUEDENSCHEIDT<<JOERG'.padEnd(44, '<'));
  });

  it.each([
    [{ dateOfBirth: '1990-02-30' }, MrzErrorCode.INVALID_DATE],
    [{ expiryDate: '900101' }, MrzErrorCode.INVALID_DATE],
    [{ issuingCountry: 'GERMANY' }, MrzErrorCode.FIELD_TOO_LONG],
    [{ documentCode: 'PPP' }, MrzErrorCode.FIELD_TOO_LONG],
    [{ optionalData: 'X'.repeat(16) }, MrzErrorCode.FIELD_TOO_LONG],
    [{ sex: 'Q' as MrzSex }, MrzErrorCode.INVALID_ARGUMENT],
  ])('rejects %j', (patch, code) => {
    expect(() => composeMrz({ ...stevenson, documentNumber: 'A1', ...patch })).toThrow(MrzError);
    expect(() => composeMrz({ ...stevenson, documentNumber: 'A1', ...patch })).toThrow(
      expect.objectContaining({ code }),
    );
  });
});
