import { compareRecord } from '@idv/matching';
import { composeMrz, parseMrz, transliterate } from '@idv/mrz';
import type { DocumentEvidence } from '@idv/verdict';
import { compareEvidence } from '../record.comparison';
import { mrzFieldEvidence } from './mrz.fields';
import {
  dateDigitCandidates,
  judgeMrz,
  mrzIntegrityChecks,
  oneSwapCandidates,
  unprovenNumber,
} from './mrz.integrity';
import {
  namesPrintedAsRead,
  namesPrintedAsRegistered,
  nearNames,
  numberPrintedOnPage,
  printsCountryCode,
  repairPrintedOnPage,
} from './printed-page';

const today = new Date('2026-11-01T12:00:00Z');
const record = {
  surname: 'VAN T HOF',
  givenNames: 'FLEUR',
  dateOfBirth: '2005-09-12',
  nationality: 'NLD',
  documentNumber: '234273275',
};
function read(nationality = 'NLD') {
  const lines = composeMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingCountry: nationality,
    surname: 'VAN T HOF',
    givenNames: 'FLEUR',
    documentNumber: '234273275',
    nationality,
    dateOfBirth: '2005-09-12',
    sex: 'F',
    expiryDate: '2031-08-06',
  });
  return parseMrz(lines, { today });
}
/** The evidence an MRZ reader gives for a clean read of `read(nationality)`. */
function evidenceOf(nationality?: string): DocumentEvidence {
  const parse = read(nationality);
  const judgement = judgeMrz({
    found: true,
    parse,
    confidence: 0.9,
    lowConfidence: 0.6,
    confirmations: {},
    today,
    exact: true,
  });
  return {
    family: 'mrz',
    format: parse.format,
    documentType: 'passport',
    found: true,
    supported: true,
    readable: true,
    unreadable: [],
    confidence: 0.9,
    fields: mrzFieldEvidence(parse, 'front', 0.9),
    checks: mrzIntegrityChecks(parse, judgement),
  };
}

describe('an MRZ read against the record', () => {
  it('makes a one-character document number difference a plain mismatch when its check digit verifies', () => {
    const parse = read();
    const plain = compareRecord(
      { ...record, documentNumber: '234273276' },
      { ...parse.fields, format: parse.format },
    );
    expect(plain.documentNumber).toMatchObject({ status: 'mismatch', near: true });
    const report = compareEvidence({ ...record, documentNumber: '234273276' }, evidenceOf());
    expect(report.documentNumber).toMatchObject({ status: 'mismatch', near: false });
  });

  it('doubts a nationality that differs when the MRZ shows no country code at all', () => {
    expect(compareEvidence(record, evidenceOf('MLD')).nationality).toMatchObject({
      status: 'mismatch',
      near: true,
    });
    expect(compareEvidence(record, evidenceOf('BEL')).nationality).toMatchObject({
      status: 'mismatch',
      near: false,
    });
  });

  it('takes the century of a birth date from the record, since the MRZ has two-digit years', () => {
    expect(compareEvidence({ ...record, dateOfBirth: '1905-09-12' }, evidenceOf()).dateOfBirth).toMatchObject(
      {
        status: 'match',
        near: false,
      },
    );
    expect(compareEvidence({ ...record, dateOfBirth: '1995-09-12' }, evidenceOf()).dateOfBirth?.status).toBe(
      'mismatch',
    );
  });

  it('makes a near-miss name that a second read corroborates a plain mismatch', () => {
    const evidence = evidenceOf();
    const typo = { ...record, givenNames: 'FXEUR' };
    expect(nearNames(compareEvidence(typo, evidence))).toEqual(['givenNames']);
    evidence.fields.givenNames = { ...evidence.fields.givenNames!, corroborated: true };
    expect(compareEvidence(typo, evidence).givenNames).toMatchObject({ status: 'mismatch', near: false });
  });
});

describe('near-miss names the printed page is read for', () => {
  it('are one-letter slips, not names in each other’s field (a record with surname and given names swapped)', () => {
    const swapped = { ...record, surname: 'FLEUR', givenNames: 'VAN T HOF' };
    const report = compareEvidence(swapped, evidenceOf());
    expect(report.surname).toMatchObject({ near: true, basis: 'swapped_fields' });
    expect(nearNames(report)).toEqual([]);
    expect(nearNames(compareEvidence({ ...record, givenNames: 'FXEUR' }, evidenceOf()))).toEqual([
      'givenNames',
    ]);
  });
});

describe('the printed page', () => {
  const mrz = { surname: 'VAN T HOF', givenNames: 'FLEUR' };

  it('shows a one-letter name difference as the MRZ reads it', () => {
    const page = 'Naam / Surname\nVAN T HOF\nVoornamen / Given names\nFLEUR\n';
    const registered = { surname: 'VAN T HOF', givenNames: 'FXEUR' };
    expect(namesPrintedAsRead(['givenNames'], mrz, registered, page)).toEqual(['givenNames']);
  });

  it('settles a registered name that is only the start of the printed one (CELIN for CELINE)', () => {
    const registered = { surname: 'VAN T HOF', givenNames: 'FLEU' };
    expect(namesPrintedAsRead(['givenNames'], mrz, registered, 'Voornamen / Given names\nFLEUR\n')).toEqual([
      'givenNames',
    ]);
  });

  it('settles a one-letter typo in a name printed with diacritics (MÄKNIEN registered, MÄKINEN printed)', () => {
    // The MRZ holds MAEKINEN; the page's Ä is read without its dots.
    const cases: [string, string, string][] = [
      ['MAEKINEN', 'MÄKNIEN', 'Efternamn / Surname\nMAKINEN\n'],
      ['SCHROEDER', 'SCHRÖDR', '1. Name / Surname\nSCHRODER\n'],
      ['GONCALVES', 'GRNÇALVES', 'Apelido / Surname\nGONCALVES\n'],
      // Holdout photos, the page read with a slip of its own that leaves it nowhere near the record's spelling:
      // FJØRTOFT read FIORTOFT (Fjørtof registered), LØVLIE read LBVLIE (Løwlie).
      ['FJOERTOFT', 'Fjørtof', 'Name\nFIORTOFT\n'],
      ['LOEVLIE', 'Løwlie', '1. Last name\nLBVLIE\n'],
    ];
    for (const [mrzSurname, typo, page] of cases) {
      const names = { surname: mrzSurname, givenNames: 'AINO' };
      const registered = { surname: transliterate(typo), givenNames: 'AINO' };
      expect([typo, namesPrintedAsRead(['surname'], names, registered, page)]).toEqual([typo, ['surname']]);
    }
  });

  it('takes a page word one slip from both the read and the record as a witness for neither', () => {
    // LØVLIE printed, read LOVLIF: LØVLIT registered is as near as the MRZ's LOEVLIE; LØWLIT is not.
    const names = { surname: 'LOEVLIE', givenNames: 'AINO' };
    const page = '1. Last name\nLOVLIF\n2. First names\nAINO\n';
    expect(namesPrintedAsRead(['surname'], names, { surname: 'LOVLIT', givenNames: 'AINO' }, page)).toEqual(
      [],
    );
    expect(namesPrintedAsRead(['surname'], names, { surname: 'LOWLIT', givenNames: 'AINO' }, page)).toEqual([
      'surname',
    ]);
  });

  it('settles nothing when the page shows neither spelling, or shows the registered one', () => {
    const registered = { surname: 'VAN T HOF', givenNames: 'FXEUR' };
    for (const page of ['illegible', 'Given names FXEUR FLEUR'])
      expect(namesPrintedAsRead(['givenNames'], mrz, registered, page)).toEqual([]);
  });

  it('shows the MRZ reading slipped where it prints the name as registered, in any spelling an issuer prints', () => {
    // A photographed TD1 name line read KRIZ<<DENKA (the Z dropped), a passport's GÖTZ read GT: the page prints
    // ZDENKA and GOTZ, the record's ZDEŇKA and Götz.
    const page = 'Efternamn / Surname\nKRIiZ\nFornamn / Given names\nZDENKA\n1. Name / Surname\nGOTZ\n';
    expect(
      namesPrintedAsRegistered(
        ['surname', 'givenNames'],
        { surname: 'GT', givenNames: 'DENKA' },
        { surname: 'Götz', givenNames: 'ZDEŇKA' },
        page,
      ),
    ).toEqual([
      ['surname', 'GOTZ'],
      ['givenNames', 'ZDENKA'],
    ]);
  });

  it('leaves a name for a person where the page prints the MRZ reading, or not the record’s spelling', () => {
    const names = { surname: 'MAKINEN', givenNames: 'AINO' };
    // The record has a typo: the page prints the document's name, not the typo.
    expect(
      namesPrintedAsRegistered(['surname'], names, { surname: 'MÄKNIEN', givenNames: 'AINO' }, 'MAKINEN'),
    ).toEqual([]);
    // The page prints the name as the MRZ reads it (and the record's spelling too): nothing is shown slipped.
    expect(
      namesPrintedAsRegistered(
        ['surname'],
        names,
        { surname: 'MAKINE', givenNames: 'AINO' },
        'MAKINEN MAKINE',
      ),
    ).toEqual([]);
    expect(
      namesPrintedAsRegistered(['surname'], names, { surname: 'MAKINEM', givenNames: 'AINO' }, 'illegible'),
    ).toEqual([]);
    // A name of short words only may be a caption's word: DE registered, DF read, `Lugar de nacimiento` printed.
    expect(
      namesPrintedAsRegistered(
        ['surname'],
        { surname: 'DF', givenNames: 'AINO' },
        { surname: 'DE', givenNames: 'AINO' },
        'Lugar de nacimiento / Place of birth',
      ),
    ).toEqual([]);
  });

  it('takes a short name as printed where it stands on a line of its own, as a field does', () => {
    // A photographed passport's MRZ read GA<<RKA for GAL<<REKA; its page printed GAL under its caption.
    const read = { surname: 'GA', givenNames: 'RKA' };
    const typed = { surname: 'Gál', givenNames: 'Réka' };
    const page = 'Country code\nHUN\n1. Surname\nGAL\n2. Given names\nREKA\n';
    expect(namesPrintedAsRegistered(['surname', 'givenNames'], read, typed, page)).toEqual([
      ['surname', 'GAL'],
      ['givenNames', 'REKA'],
    ]);
    // The same three letters inside a line of other words prove nothing.
    const inCaption = 'Country code HUN\n1. Surname GAL 2. Given names\nREKA\n';
    expect(namesPrintedAsRegistered(['surname'], read, typed, inCaption)).toEqual([]);
  });

  it('shows a country code only as a word of its own', () => {
    expect(printsCountryCode('NLD', 'Nationaliteit / Nationality\nNederlandse\nCode / Code NLD\n')).toBe(
      true,
    );
    for (const text of ['NLDX passport', 'illegible']) expect(printsCountryCode('NLD', text)).toBe(false);
  });
});

describe('repairPrintedOnPage', () => {
  // The Japanese passport specimen: `XS1234567` printed, the MRZ's `S` read as `5` by both recognisers.
  const genuine = [
    'P<JPNGAIMU<<SAKURA<<<<<<<<<<<<<<<<<<<<<<<<<<',
    'XS12345673JPN7902206F1603202<<<<<<<<<<<<<<02',
  ];
  const misread = [genuine[0], genuine[1].replace('XS', 'X5')];
  const page = 'Passport No. XS1234567\nSurname GAIMU\nGiven name SAKURA\nDate of birth 20 FEB 1979';

  it('takes the one repair the page prints: every check digit verifies with it, the fields are the repaired read', () => {
    const parse = parseMrz(misread, { today });
    expect(parse.valid).toBe(false);
    const repair = repairPrintedOnPage(parse, oneSwapCandidates(parse, today), page);
    expect(repair?.correction).toEqual({ line: 1, column: 1, from: '5', to: 'S' });
    expect(repair?.parse.valid).toBe(true);
    expect(repair?.parse.fields.documentNumber).toBe('XS1234567');
  });

  it('repairs nothing when the page prints the number as read, or not at all', () => {
    const parse = parseMrz(misread, { today });
    const candidates = oneSwapCandidates(parse, today);
    expect(candidates.length).toBeGreaterThan(0);
    expect(repairPrintedOnPage(parse, candidates, page.replace('XS1234567', 'X51234567'))).toBeNull();
    expect(repairPrintedOnPage(parse, candidates, 'Surname GAIMU\nGiven name SAKURA')).toBeNull();
  });

  it("never repairs a forger's edit: the page prints the edited number as the MRZ shows it", () => {
    // One digit of the number changed on both zones, the check digits left as issued.
    const forged = [genuine[0], genuine[1].replace('XS1234567', 'XS1234587')];
    const parse = parseMrz(forged, { today });
    expect(parse.valid).toBe(false);
    const candidates = oneSwapCandidates(parse, today);
    expect(repairPrintedOnPage(parse, candidates, page.replace('XS1234567', 'XS1234587'))).toBeNull();
  });

  it('never repairs O/0 or I/1, which page OCR confuses as the MRZ OCR does (the forgery bench case)', () => {
    // A forged number (`J03WG1353`, its check digit 0 left as issued): read `JO3WG1353` it verifies by chance, and
    // the page's OCR read its printed 0 as O.
    const forged = [
      'P<ITAESPOSITO<<CHIARA<<<<<<<<<<<<<<<<<<<<<<<',
      'J03WG13530ITA0403276F3504037<<<<<<<<<<<<<<00',
    ];
    const parse = parseMrz(forged, { today });
    const candidates = oneSwapCandidates(parse, today);
    expect(candidates.map((c) => c.parse.fields.documentNumber)).toContain('JO3WG1353');
    expect(repairPrintedOnPage(parse, candidates, 'PASSPORT JO3WG1353 ESPOSITO')).toBeNull();
  });

  it('takes no repair the record contradicts: a record that gives another number', () => {
    const parse = parseMrz(misread, { today });
    const candidates = oneSwapCandidates(parse, today);
    expect(repairPrintedOnPage(parse, candidates, page, { documentNumber: 'XS7654321' })).toBeNull();
    expect(
      repairPrintedOnPage(parse, candidates, page, { documentNumber: 'xs 1234567' })?.parse.fields
        .documentNumber,
    ).toBe('XS1234567');
  });

  it('leaves a read with two printed repairs to the check digits alone (ambiguous)', () => {
    const parse = parseMrz(misread, { today });
    const [first] = oneSwapCandidates(parse, today);
    const twin = {
      ...first,
      parse: { ...first.parse, fields: { ...first.parse.fields, documentNumber: 'X5I234567' } },
    };
    expect(repairPrintedOnPage(parse, [first, twin], `${page} X5I234567`)).toBeNull();
  });
});

describe('numberPrintedOnPage', () => {
  // A generated Polish card: its number FH1261703, the MRZ model reading the 6 as G (the check digit cannot tell).
  const card = (number: string) =>
    parseMrz(
      [`IDPOL${number}2<<<<<<<<<<<<<<<`, '8710053F3004250POL<<<<<<<<<<<4', 'LUKASIEWICZ<<ZANETA<<<<<<<<<<<'],
      { today },
    );

  it('takes the spelling the page prints for a G among digits: the 6 printed, every check digit verifying', () => {
    const read = card('FH12G1703');
    expect(read.valid).toBe(true);
    expect(unprovenNumber(read, {})).toBe(true);
    const settled = numberPrintedOnPage(read, 'Document No. FH1261703\nSurname LUKASIEWICZ', today);
    expect(settled?.parse.fields.documentNumber).toBe('FH1261703');
    expect(settled?.parse.valid).toBe(true);
    expect(settled?.corrections).toEqual([{ line: 0, column: 9, from: 'G', to: '6' }]);
    // Shown on the page, the number is proven.
    expect(unprovenNumber(settled!.parse, {}, true)).toBe(false);
  });

  it('proves a number the page prints with its letter as read, changing nothing', () => {
    const read = card('FH12G1703');
    expect(numberPrintedOnPage(read, 'No. FH12G1703', today)).toEqual({ parse: read, corrections: [] });
  });

  it('settles nothing the page does not print, or prints in two spellings', () => {
    const read = card('FH12G1703');
    expect(numberPrintedOnPage(read, 'Surname LUKASIEWICZ', today)).toBeNull();
    expect(numberPrintedOnPage(read, 'FH12G1703 FH1261703', today)).toBeNull();
  });

  it('leaves O, I and Z among digits alone: the page OCR confuses them as the MRZ OCR does', () => {
    // A forged WJ0309434 read WJO3O9434: the page's OCR reading its own 0s as O would prove the forgery.
    for (const number of ['FH12O1703', 'FH12I1703', 'FH12Z1703']) {
      const read = card(number);
      expect(numberPrintedOnPage(read, `No. ${number}`, today)).toBeNull();
    }
  });
});

describe('repairPrintedOnPage on a date', () => {
  // A generated Icelandic passport: born 1949-04-16 (`490416`, check digit 2), the 0 read as 9 on a photo.
  const genuine = [
    'P<ISLSIGURDARDOTTIR<<ARNI<<<<<<<<<<<<<<<<<<<',
    'MXKCN72742ISL4904162M2301077<<<<<<<<<<<<<<00',
  ];
  const slipped = [genuine[0], genuine[1].replace('4904162', '4994162')];

  it('takes the one date a digit away that verifies both check digits and that the page prints', () => {
    const parse = parseMrz(slipped, { autocorrect: true, today });
    expect(parse.valid).toBe(false);
    const candidates = dateDigitCandidates(parse, today);
    expect(candidates.map((c) => c.parse.fields.dateOfBirth)).toEqual(['1949-04-16']);
    const repair = repairPrintedOnPage(parse, candidates, 'Date of birth 16 APR 1949');
    expect(repair?.correction).toEqual({ line: 1, column: 15, from: '9', to: '0' });
    expect(repair?.parse.valid).toBe(true);
  });

  it('repairs nothing the page does not print, nor against the birth date a record gives', () => {
    const parse = parseMrz(slipped, { autocorrect: true, today });
    const candidates = dateDigitCandidates(parse, today);
    expect(repairPrintedOnPage(parse, candidates, 'PASSPORT Document No MXKCN7274')).toBeNull();
    expect(
      repairPrintedOnPage(parse, candidates, 'Date of birth 16 APR 1949', { dateOfBirth: '1949-04-26' }),
    ).toBeNull();
  });

  it("never repairs a forger's date: the page prints the edited date as the MRZ shows it", () => {
    // The year changed on both zones (1949 → 1959), the check digits left as issued.
    const forged = [genuine[0], genuine[1].replace('4904162', '5904162')];
    const parse = parseMrz(forged, { autocorrect: true, today });
    expect(parse.valid).toBe(false);
    const candidates = dateDigitCandidates(parse, today);
    expect(candidates.map((c) => c.parse.fields.dateOfBirth)).toContain('1949-04-16');
    expect(repairPrintedOnPage(parse, candidates, 'Date of birth 16 APR 1959')).toBeNull();
  });
});
