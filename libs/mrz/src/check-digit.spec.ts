import { computeCheckDigit, MrzError, MrzErrorCode } from '@idv/mrz';
import { loadMrzVectors, eachCorpusRow } from './mrz-corpus.fixture';

const vectors = loadMrzVectors()?.check_digit_vectors ?? [];

describe('computeCheckDigit', () => {
  it('weights 7-3-1 with < = 0 and A = 10', () => {
    expect(computeCheckDigit('L898902C3')).toBe('6'); // ICAO Part 4 specimen
    expect(computeCheckDigit('A')).toBe('0'); // 10*7 = 70
    expect(computeCheckDigit('<A')).toBe('0'); // 10*3 = 30
    expect(computeCheckDigit('<<B')).toBe('1'); // 11*1
  });

  it.each(['', 'abc', 'A B', 'Ñ', '-'])('rejects %j with an MrzError', (value) => {
    expect(() => computeCheckDigit(value)).toThrow(MrzError);
  });

  it('names the error code', () => {
    expect(() => computeCheckDigit('a')).toThrow(
      expect.objectContaining({ code: MrzErrorCode.INVALID_CHARACTER }),
    );
    expect(() => computeCheckDigit('')).toThrow(expect.objectContaining({ code: MrzErrorCode.EMPTY_VALUE }));
  });

  describe('corpus check_digit_vectors', () => {
    const computable = vectors.filter((v) => v.check_digit !== '' || v.check_digit_is_not !== undefined);
    const uncomputable = vectors.filter((v) => v.check_digit === '' && v.check_digit_is_not === undefined);

    eachCorpusRow(computable.map((v) => [v.input, v] as const))('%s', (_input, v) => {
      const digit = computeCheckDigit(v.input);
      if (v.check_digit_is_not !== undefined) expect(digit).not.toBe(v.check_digit_is_not);
      else if (v.valid === false)
        expect(digit).not.toBe(v.check_digit); // a wrong candidate digit
      else expect(digit).toBe(v.check_digit);
    });

    eachCorpusRow(uncomputable.map((v) => [v.input]))('throws for %j', (input) => {
      expect(() => computeCheckDigit(input)).toThrow(MrzError);
    });
  });
});
