import {
  alignments,
  extractMrzCandidates,
  fitLength,
  normaliseLine,
  repairDocumentCode,
  repairFillers,
  repairNameTail,
} from './mrz-text.cleaner';
import { mrzFromText } from './mrz.reader';

describe('MRZ text cleaning', () => {
  it('normalises an OCR line: spaces, guillemets and stray marks', () => {
    expect(normaliseLine('p<uto eriksson«anna. ')).toBe('P<UTOERIKSSON<<ANNA');
  });

  it('repairs a letter read inside a long filler run, but not a name part', () => {
    expect(repairFillers('P<UTOERIKSSON<<ANNA<<<<K<<<<<<')).toBe('P<UTOERIKSSON<<ANNA<<<<<<<<<<<');
    // A one-letter given name after the double filler is a name, not noise.
    expect(repairFillers('P<UTOSMITH<<K<<<<<<<<<')).toBe('P<UTOSMITH<<K<<<<<<<<<');
  });

  it('fits a miscounted filler run to the layout length', () => {
    const line = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
    expect(fitLength(line.slice(0, 40), 44)).toBe(line);
    expect(fitLength(line + '<<', 44)).toBe(line);
  });

  it('offers cutting noise at either end of an over-long line', () => {
    const variants = alignments('IL898902C36UTO7408122F1204159ZE184226B<<<<<10', 44);
    expect(variants).toContain('L898902C36UTO7408122F1204159ZE184226B<<<<<10');
  });

  it("reads a zone's first line from a later character on only where its start as read is no better a header", () => {
    // An edge read as a character before a card's code: `|IDUTO…` (normalised) is noise, then the header.
    expect(alignments('KIDUTOD231458907<<<<<<<<<<<<<<', 30, true)).toContain(
      'IDUTOD231458907<<<<<<<<<<<<<<<',
    );
    // Read as two characters, the first of them a code letter: the header two characters on is still the better.
    expect(alignments('CTI<HUNMK41811579<<<<<<<<<<<<<<<', 30, true)).toContain(
      'I<HUNMK41811579<<<<<<<<<<<<<<<',
    );
    // A header read whole (code I, state SWE) is not taken for noise: dropping it put a forged number (its check
    // digit left) one place on, where it passed by chance.
    const forged = [
      'IRSWER9864115<0460679069<<<<<<',
      '6010184M2904157CZE<<<<<<<<<<<7',
      'CERNY<<ONDREJ<<<<<<<<<<<<<<<<<',
    ];
    expect(alignments(forged[0], 30, true)).not.toContain('RSWER9864115<0460679069<<<<<<<');
    expect(mrzFromText([forged[0].slice(1) + '<', ...forged.slice(1)].join('\n')).checkDigitsPassed).toBe(3);
    expect(mrzFromText(forged.join('\n'))).toMatchObject({
      exact: true,
      checkDigitsPassed: 2,
      lines: forged,
    });
  });

  it('takes the MRZ lines out of a band read with neighbouring text, layout by line length', () => {
    const text = [
      'Holder signature  Anna Maria Eriksson',
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ].join('\n');
    const [best] = extractMrzCandidates(text);
    expect(best.length).toBe(30);
    expect(best.lines).toEqual([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
  });

  it('decides the layout by the line with fewest fillers (filler runs shrink under OCR)', () => {
    const text = 'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<';
    expect(extractMrzCandidates(text)[0].length).toBe(44);
  });

  it('finds nothing in text without MRZ-shaped lines', () => {
    expect(extractMrzCandidates('VISA\n1234 5678 9012 3456\nJOHN SMITH')).toEqual([]);
  });
});

describe('MRZ structural repairs', () => {
  it('clears noise after the padding of a name line, keeping a short last name part', () => {
    const noisy = 'P<HUNHANDRA<<ROZALIA<IRMA<<<<<<<<<<<<<<<<<J<';
    expect(repairNameTail(noisy)).toBe(noisy.replace('J', '<'));
    expect(repairNameTail('ERIKSSON<<ANNA<MARIA<<<<<<<<<<')).toBe('ERIKSSON<<ANNA<MARIA<<<<<<<<<<');
    expect(repairNameTail('LEE<<AN<<<<<<<<<<<<<<<<<<<<<<<')).toBe('LEE<<AN<<<<<<<<<<<<<<<<<<<<<<<');
  });

  it('reads a non-code first character as the document code letter it resembles', () => {
    expect(repairDocumentCode('ZDLIEID98754015<<<<<<<<<<<<<<<')).toBe('IDLIEID98754015<<<<<<<<<<<<<<<');
    expect(repairDocumentCode('P<UTOERIKSSON')).toBe('P<UTOERIKSSON');
  });
});
