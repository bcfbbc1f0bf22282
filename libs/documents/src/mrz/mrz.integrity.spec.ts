import { composeMrz, parseMrz } from '@idv/mrz';
import {
  confirmationCouldMatter,
  judgeMrz,
  mrzIntegrityChecks,
  type MrzEvidence,
  type NumberLineRead,
} from './mrz.integrity';
import { documentKindFromText } from '../document-kind';
import { typesConsistent } from '../document-type';
import { detectedType } from './mrz-document-type';

const today = new Date('2026-11-01T12:00:00Z');
const lines = composeMrz({
  format: 'TD3',
  documentCode: 'P',
  issuingCountry: 'SWE',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  documentNumber: 'L898902C3',
  nationality: 'SWE',
  dateOfBirth: '1974-08-12',
  sex: 'F',
  expiryDate: '2031-04-15',
});
/** Replaces the character at `column` of line 2 (0-based). */
const edit = (column: number, to: string) => [
  lines[0],
  lines[1].slice(0, column) + to + lines[1].slice(column + 1),
];
const evidence = (read: string[], overrides: Partial<MrzEvidence> = {}): MrzEvidence => ({
  found: true,
  parse: parseMrz(read, { today }),
  confidence: 0.9,
  lowConfidence: 0.6,
  confirmations: {},
  today,
  exact: true,
  ...overrides,
});

describe('judgeMrz', () => {
  it('passes a valid read through', () => {
    expect(judgeMrz(evidence(lines))).toMatchObject({ readable: true, valid: true, failedCheckDigits: [] });
  });

  it('does not excuse a digit of the number replaced by another digit on a confident read', () => {
    const forged = edit(1, '7'); // L898902C3 → L798902C3, check digits left as printed
    const outcome = judgeMrz(evidence(forged));
    expect(outcome.failedCheckDigits).toEqual(['documentNumber', 'composite']);
    expect(outcome.failureExplainedByOcr).toBe(false);
  });

  it('puts a failure down to OCR when one confusable character repairs it (8 read as B)', () => {
    const misread = edit(1, 'B'); // LB98902C3
    expect(judgeMrz(evidence(misread)).failureExplainedByOcr).toBe(true);
  });

  it('puts a letter of the number prefix read as a digit down to OCR (XS… read as X5…)', () => {
    const withPrefix = composeMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingCountry: 'JPN',
      surname: 'GAIMU',
      givenNames: 'SAKURA',
      documentNumber: 'XS1234567',
      nationality: 'JPN',
      dateOfBirth: '1979-02-20',
      sex: 'F',
      expiryDate: '2016-03-20',
    });
    const misread = [withPrefix[0], withPrefix[1].replace('XS1', 'X51')];
    expect(judgeMrz(evidence(misread)).failureExplainedByOcr).toBe(true);
  });

  it('puts an unsure read, a non-digit check digit and several failing fields down to OCR', () => {
    const forged = edit(1, '7');
    expect(judgeMrz(evidence(forged, { confidence: 0.4 })).failureExplainedByOcr).toBe(true);
    expect(judgeMrz(evidence(edit(9, '<'))).failureExplainedByOcr).toBe(true);
    const twoFields = [
      lines[0],
      lines[1].slice(0, 1) + '7' + lines[1].slice(2, 13) + '6' + lines[1].slice(14),
    ];
    expect(judgeMrz(evidence(twoFields)).failureExplainedByOcr).toBe(true);
  });

  it('treats an unsure read confirmed by a second source as the document itself being wrong', () => {
    const forged = edit(1, '7');
    const confirmed = evidence(forged, { confidence: 0.4, confirmations: { documentNumber: true } });
    expect(judgeMrz(confirmed).failureExplainedByOcr).toBe(false);
    expect(confirmationCouldMatter(confirmed.parse!)).toBe(true);
    expect(confirmationCouldMatter(parseMrz(edit(9, '<'), { today }))).toBe(false);
  });

  it('takes a fitted read as printed when two recognisers read its data lines alike (not the name line)', () => {
    const forged = edit(1, '7');
    // The cleaner fitted one of the readings, but the MRZ model and the line recogniser read line 2 alike.
    expect(
      judgeMrz(evidence(forged, { exact: false, corroborated: [false, true] })).failureExplainedByOcr,
    ).toBe(false);
    // Only the name line agreed: the number line may still be a misread.
    expect(
      judgeMrz(evidence(forged, { exact: false, corroborated: [true, false] })).failureExplainedByOcr,
    ).toBe(true);
  });

  it('takes a fitted line as printed where its own check digits verify, the failing field read as is below', () => {
    // Holdout TD1 in Liberation Sans, its expiry forged: the number line read `IDESPNX272476G19…` (a 6 read 6G),
    // the G taken out and the number verifying; the birth and expiry line read as is. No second reading of line 1.
    const td1 = composeMrz({
      format: 'TD1',
      documentCode: 'ID',
      issuingCountry: 'ESP',
      surname: 'MUNOZ',
      givenNames: 'LUCIA',
      documentNumber: 'NX2724761',
      nationality: 'ESP',
      dateOfBirth: '1975-03-16',
      sex: 'F',
      expiryDate: '2034-04-29',
    });
    const forged = [td1[0], td1[1].slice(0, 8) + '5' + td1[1].slice(9), td1[2]]; // expiry 340429 → 340529
    const raw = [td1[0].replace('476', '476G').slice(0, 31), forged[1], 'MUNOZ<<LUCIA<<<<<<<<<<<<<<<'];
    const judged = (lines: string[]) => judgeMrz(evidence(forged, { exact: false, raw: lines }));
    expect(judged(raw).failedCheckDigits).toEqual(['expiryDate', 'composite']);
    expect(judged(raw).failureExplainedByOcr).toBe(false);
    // The failing line itself fitted (a filler put in): no longer as read, and its expiry fails.
    expect(judged([raw[0], forged[1].slice(0, 29), raw[2]]).failureExplainedByOcr).toBe(true);
    // The number line fitted and failing its own digit: not proven by it.
    const numberForged = [td1[0].replace('NX27', 'NX28'), td1[1], td1[2]];
    const fitted = judgeMrz(evidence(numberForged, { exact: false, raw: [raw[0], td1[1], raw[2]] }));
    expect(fitted.failedCheckDigits).toEqual(['documentNumber', 'composite']);
    expect(fitted.failureExplainedByOcr).toBe(true);
  });

  it('puts a failing field the two recognisers read differently down to OCR, wherever the other reading put it', () => {
    // Holdout case: WV9489023 read WW… by the line recogniser (its line taken as read), WV… by the MRZ model.
    const misread = edit(1, 'W'); // LW98902C3: a letter for a letter, no confusable pair repairs it
    expect(judgeMrz(evidence(misread)).failureExplainedByOcr).toBe(false);
    const model = [lines[0], `${lines[1].slice(0, 10)}G${lines[1].slice(10, 42)}`]; // a split glyph after the number
    expect(judgeMrz(evidence(misread, { readings: [model, misread] })).failureExplainedByOcr).toBe(true);
    // A forger's digit reads alike in both, even where one reading holds the field shifted by a glyph put in.
    const forged = edit(1, '7');
    const shifted = [lines[0], `G${forged[1].slice(0, 43)}`];
    expect(judgeMrz(evidence(forged, { readings: [shifted, forged] })).failureExplainedByOcr).toBe(false);
    // Fields whose digits verify may differ between the readings: only the failing one is asked about.
    const otherDate = [lines[0], forged[1].slice(0, 13) + '0' + forged[1].slice(14)];
    expect(judgeMrz(evidence(forged, { readings: [otherDate, forged] })).failureExplainedByOcr).toBe(false);
  });

  it('calls a failure a misread when the read is wrong elsewhere: realigned, a code that is none, a layout broken', () => {
    const forged = edit(1, '7');
    expect(judgeMrz(evidence(forged)).failureExplainedByOcr).toBe(false);
    // Lines OCR did not read at the layout's length: a character was put in or taken out to fit them.
    expect(judgeMrz(evidence(forged, { exact: false })).failureExplainedByOcr).toBe(true);
    // The TD1: …3303056ESP<<<… read as …3303056GESP<<… (nationality GES, fillers shifted, composite failing).
    const td1 = [
      'IDESPMC3667052762358504893<<<<',
      '0009243M3303056GESP<<<<<<<<<<9',
      'IBANEZ<<OSCAR<<<<<<<<<<<<<<<<<',
    ];
    const shifted = judgeMrz(evidence(td1));
    expect(shifted.failedCheckDigits).toEqual(['composite']);
    expect(shifted.failureExplainedByOcr).toBe(true);
    // Even with the printed number confirming the read: a read with a code that is none proves nothing.
    expect(judgeMrz(evidence(td1, { confirmations: { documentNumber: true } })).failureExplainedByOcr).toBe(
      true,
    );
    // Letters after the name's padding, and a document code ICAO does not define.
    const tail = [lines[0].slice(0, 40) + 'K<<<', forged[1]];
    expect(judgeMrz(evidence(tail)).failureExplainedByOcr).toBe(true);
    expect(judgeMrz(evidence(['Q' + lines[0].slice(1), forged[1]])).failureExplainedByOcr).toBe(true);
    // The printed page shows a covered field otherwise.
    expect(judgeMrz(evidence(forged, { printedDisagrees: true })).failureExplainedByOcr).toBe(true);
    // A birth date that is no calendar day (740812 read as 749812, month 98): a forger writes a date that exists.
    const noDay = edit(15, '9');
    expect(judgeMrz(evidence(noDay)).failedCheckDigits).toContain('dateOfBirth');
    expect(judgeMrz(evidence(noDay)).failureExplainedByOcr).toBe(true);
    expect(judgeMrz(evidence(edit(16, '9'))).failureExplainedByOcr).toBe(false);
  });

  it('keeps a forgery signal on a code that is none when both the issuer and the nationality show it', () => {
    const fictional = composeMrz({
      format: 'TD1',
      documentCode: 'ID',
      issuingCountry: 'CMW',
      surname: 'PUBLIC',
      givenNames: 'JON',
      documentNumber: '512849702',
      nationality: 'CMW',
      dateOfBirth: '1961-04-12',
      sex: 'M',
      expiryDate: '2014-02-20',
    });
    const broken = [
      fictional[0],
      fictional[1].slice(0, 29) + ((Number(fictional[1][29]) + 1) % 10),
      fictional[2],
    ];
    expect(judgeMrz(evidence(broken)).failureExplainedByOcr).toBe(false);
  });

  it('is not readable when nothing parsed', () => {
    const outcome = judgeMrz({ ...evidence(lines), parse: parseMrz(['P<SWE'], { today }) });
    expect(outcome).toMatchObject({ found: true, readable: false, valid: false });
  });
});

describe('document kind and type', () => {
  it('tells identity documents from payment and loyalty cards by their printed words', () => {
    expect(documentKindFromText('PASSPORT / PASSEPORT\nSurname / Nom\nERIKSSON')).toBe('identity');
    expect(documentKindFromText('NORDIC UNION BANK\n4929 1234 5678 9012\nVALID THRU 08/29')).toBe('other');
    expect(documentKindFromText('FRESHWAY\nMEMBER CARD\nMember since 2019')).toBe('other');
    expect(documentKindFromText('MERIDIAN TRUST\n4535 2152 2999 2463\nSIOBHAN OSULLIVAN')).toBe('other');
    expect(documentKindFromText('HANSA SPARKASSE\nSOLVEIG BRAENDEN')).toBe('other');
    // One card digit misread as a letter, "VALID" garbled: still the marks of a payment card.
    expect(documentKindFromText('AERIDIAN TRUST\nL596 7647 2767 6659\nCONCEICAO')).toBe('other');
    expect(documentKindFromText('vaecotHRU. 06/29')).toBe('other');
    expect(documentKindFromText('REF AB12 CD34 EF56 GH78')).toBe('unknown');
    expect(documentKindFromText('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<')).toBe('identity');
    expect(documentKindFromText('~~ ;; ..')).toBe('unknown');
  });

  it('detects the type from the document code, falling back on the layout when OCR garbled the code', () => {
    expect(detectedType('P', 'TD3')).toBe('passport');
    expect(detectedType('IR', 'TD1')).toBe('residence_permit');
    expect(detectedType('ZD', 'TD1')).toBe('id_card');
    expect(detectedType('VC', 'MRV-B')).toBe('visa');
    expect(typesConsistent('passport', 'id_card')).toBe(false);
    expect(typesConsistent('id_card', 'residence_permit')).toBe(true);
    expect(typesConsistent(null, 'visa')).toBe(true);
  });
});

describe('mrzIntegrityChecks', () => {
  it('reports one check per check digit, vouching for its field, judged as the read was', () => {
    const forged = edit(1, '7');
    const parse = parseMrz(forged, { today });
    const checks = mrzIntegrityChecks(parse, judgeMrz(evidence(forged)));
    expect(checks.find((c) => c.name === 'mrz.documentNumber')).toMatchObject({
      holds: false,
      covers: ['documentNumber'],
      severity: 'forgery',
      reason: 'MRZ_CHECK_DIGIT_INVALID',
      explainedByOcr: false,
    });
    expect(checks.find((c) => c.name === 'mrz.dateOfBirth')).toMatchObject({
      holds: true,
      covers: ['dateOfBirth'],
    });
    // The composite vouches for no field alone: a number whose own digit verifies stays certain.
    expect(checks.find((c) => c.name === 'mrz.composite')).toMatchObject({ covers: [] });
    const misread = mrzIntegrityChecks(parseMrz(edit(1, 'B'), { today }), judgeMrz(evidence(edit(1, 'B'))));
    expect(misread.filter((c) => !c.holds).every((c) => c.explainedByOcr)).toBe(true);
  });

  it('verifies nothing on a TD1 card whose number line was read shifted, though its digits pass (by chance)', () => {
    const layoutCheck = (read: string[]) => {
      const parse = parseMrz(read, { today });
      expect(parse.valid).toBe(true);
      return mrzIntegrityChecks(parse, judgeMrz(evidence(read))).find((c) => c.name === 'mrz.layout');
    };
    // A forged card's line 1 read with an I put in and a 6 dropped: the shifted number verifies by chance.
    const shifted = [
      'IIDHUNWV8166197<<<<<<<<<<<<<<<',
      '9105160F3005305HUN<<<<<<<<<<<6',
      'KOVARI<<ZSOFIA<<<<<<<<<<<<<<<<',
    ];
    expect(layoutCheck(shifted)).toMatchObject({ holds: false, explainedByOcr: true });
    // A card whose state is no code but is its nationality too (Slovenia's old cards: `SI<`) has no such check.
    const slovenian = [
      'I<SI<09999100180706966505468<<',
      '6606079F0807276SI<<<<<<<<<<<<0',
      'VZOREC<<TINA<<<<<<<<<<<<<<<<<<',
    ];
    expect(layoutCheck(slovenian)).toBeUndefined();
  });

  // Forged cards (one digit of the number changed, its check digit left) read so that the number verifies by
  // chance: 0 as 6 and 6 as G (G weighs as 6) in HX8540654; two 0 as O in WJ0309434.
  it.each([
    [
      'a G',
      ['IDCZEHX8546G54014094929796<<<<', '9801082F3102215CZE<<<<<<<<<<<2', 'DVORAK<<KATERINA<<<<<<<<<<<<<<'],
      'IDCZEHX8540654014094929796<<<<',
    ],
    [
      'an O',
      ['I<CZEWJO3O9434839328530701<<<<', '9904101M3201222CZE<<<<<<<<<<<3', 'CERNY<<TOMAS<<<<<<<<<<<<<<<<<<'],
      'I<CZEWJ0309434839328530701<<<<',
    ],
  ])(
    'verifies nothing on a number read with %s among its digits that the second reading does not show',
    (_, read, printedLine) => {
      const layoutCheck = (lines: string[], corroborated?: boolean[]) =>
        mrzIntegrityChecks(parseMrz(lines, { today }), judgeMrz(evidence(lines)), { corroborated }).find(
          (c) => c.name === 'mrz.layout',
        );
      expect(parseMrz(read, { today }).valid).toBe(true);
      expect(layoutCheck(read)).toMatchObject({ holds: false, explainedByOcr: true });
      expect(layoutCheck(read, [false, true, true])).toMatchObject({ holds: false, explainedByOcr: true });
      // Both recognisers read the letter there: it is printed so.
      expect(layoutCheck(read, [true, true, true])).toBeUndefined();
      // The number as printed (its check digit failing: the forgery) has no such doubt.
      expect(layoutCheck([printedLine, read[1], read[2]])).toBeUndefined();
    },
  );

  it('keeps a number doubtful whose G the MRZ model read was taken for a 6, where the second reading shows another digit', () => {
    // The forged FreeMono card again: the model reads `HX8546G54` (the forged 6 and a G for the printed 6); the
    // second reading shows `HX8540654`. Its G read as the 6 the second shows there, the number verifies by chance,
    // with no letter left in it to doubt.
    const modelReading = [
      'IDCZEHX8546G54014094929796<<<<',
      '9801082F3102215CZE<<<<<<<<<<<2',
      'DVORAK<<KATERINA<<<<<<<<<<<<<<',
    ];
    const chosen = [modelReading[0].replace('546G54', '546654'), modelReading[1], modelReading[2]];
    const secondReading = [chosen[0].replace('546654', '540654'), chosen[1], chosen[2]];
    expect(parseMrz(chosen, { today }).valid).toBe(true);
    const layoutCheck = (read: NumberLineRead) =>
      mrzIntegrityChecks(parseMrz(chosen, { today }), judgeMrz(evidence(chosen)), read).find(
        (c) => c.name === 'mrz.layout',
      );
    const corroborated = [false, true, true];
    expect(layoutCheck({ corroborated, modelReading, secondReading })).toMatchObject({ holds: false });
    // Where the second reading shows the number as chosen, the model's G was the 6: proven.
    expect(layoutCheck({ corroborated, modelReading, secondReading: chosen })).toBeUndefined();
    // A number the second reading gave whole, the model's own reading of it garbled (a 9 put in, an O), is not
    // the model's letter undone: nothing to doubt.
    const garbled = [chosen[0].replace('HX8546654014', 'HX85O4665401'), chosen[1], chosen[2]];
    expect(layoutCheck({ corroborated, modelReading: garbled, secondReading: chosen })).toBeUndefined();
  });

  it("proves a short number's G read as 6 where the second reading shows the digits, its filler read as 5", () => {
    // A genuine FreeMono passport: the model reads `N98983G9<`, the second `N98983695` (the filler after the
    // eight characters of the number as 5, which weighs nothing in the check digit).
    const chosen = ['P<SWENYSTROEM<<AASA'.padEnd(44, '<'), 'N9898369<5SWE9909243F3412237<<<<<<<<<<<<<<08'];
    const modelReading = [chosen[0], chosen[1].replace('N9898369', 'N98983G9')];
    const secondReading = [chosen[0], 'N989836955WE9909243F3412237<<<<<<<<<<<<<<<08'];
    const layoutCheck = (read: NumberLineRead) =>
      mrzIntegrityChecks(parseMrz(chosen, { today }), judgeMrz(evidence(chosen)), read).find(
        (c) => c.name === 'mrz.layout',
      );
    expect(parseMrz(chosen, { today }).valid).toBe(true);
    expect(layoutCheck({ corroborated: [true, false], modelReading, secondReading })).toBeUndefined();
    // A digit of the number read otherwise by the second reading leaves it doubtful.
    const otherwise = [chosen[0], secondReading[1].replace('N98983', 'N98980')];
    expect(
      layoutCheck({ corroborated: [true, false], modelReading, secondReading: otherwise }),
    ).toMatchObject({
      holds: false,
    });
  });

  it('takes a number both recognisers read alike, letters and check digit, as printed, the rest of the line apart', () => {
    // A genuine card whose number really holds Z among its digits; the MRZ model read two digits too many in the
    // optional data (fitted away), so the line as a whole is not corroborated, but the number is.
    const lines = [
      'ARFINZ4Z883946679888083948<<<<',
      '0402224M2912305DEU<<<<<<<<<<<0',
      'STRASSER<<RUDIGER<<<<<<<<<<<<<',
    ];
    const model = ['ARFINZ4Z88394667988808838948<<', lines[1], lines[2]];
    const layoutCheck = (read: NumberLineRead) =>
      mrzIntegrityChecks(parseMrz(lines, { today }), judgeMrz(evidence(lines)), read).find(
        (c) => c.name === 'mrz.layout',
      );
    const corroborated = [false, true, true];
    expect(layoutCheck({ corroborated })).toMatchObject({ holds: false, explainedByOcr: true });
    expect(layoutCheck({ corroborated, modelReading: model, secondReading: lines })).toBeUndefined();
    // Read otherwise by the MRZ model at the number's place (a 2 where the other reads Z), it stays unproven.
    const otherwise = [model[0].replace('Z4Z8', 'Z428'), lines[1], lines[2]];
    expect(layoutCheck({ corroborated, modelReading: otherwise, secondReading: lines })).toMatchObject({
      holds: false,
    });
  });
});
