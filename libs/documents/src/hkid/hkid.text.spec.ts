import { ocrLine } from '../cards/text-line.fixture';
import { hkidNumberIn, isHkidTitle, parseHkid } from './hkid.text';

const line = ocrLine;

describe('parseHkid', () => {
  it('reads each field by its shape, as the Chinese model renders the Latin lines', () => {
    const text = parseHkid(
      [line('香港永久性居民身份證', 10), line('HONG KONG PERMANENT IDENTITY CARD', 40)],
      [line('陈大文', 5)],
      [
        line('CHAN, Tai Man', 10),
        line('7115 1129 2429', 40),
        line('出生日期 Date of Birth', 70),
        line('01-01-1990女F', 100),
        line('***AZ', 130),
        line('(01-79) 15-09-18', 160),
      ],
    );
    expect(text).toMatchObject({
      englishName: { value: 'CHAN, Tai Man' },
      chineseName: { value: '陈大文' },
      birthDate: { value: '1990-01-01' },
      sex: { value: 'F' },
      issueDate: { value: '2018-09-15' },
      symbols: '***AZ',
      permanent: true,
    });
  });

  it('tells a non-permanent card by its title when the symbols were not legible', () => {
    const text = parseHkid(
      [line('HONG KONG IDENTITY CARD', 40)],
      [],
      [line('WONG, Siu Ming', 10), line('31-12-2001 M', 100)],
    );
    expect(text.permanent).toBe(false);
    expect(text.sex?.value).toBe('M');
    expect(text.chineseName).toBeNull();
    expect(isHkidTitle([line('HONG KONG IDENTITY CARD', 40)])).toBe(true);
  });

  it('refuses a date of birth that is no calendar date and a name without its comma', () => {
    const text = parseHkid([], [], [line('CHAN TAI MAN', 10), line('31-02-1990 F', 100)]);
    expect(text.englishName).toBeNull();
    expect(text.birthDate).toBeNull();
  });
});

describe('hkidNumberIn', () => {
  // Numbers of generated cards, as the MRZ model read them (their check digits hold).
  it.each([
    ['M420539C7D', 'M4205397'],
    ['M42053907', 'M4205397'], // `(` read as 0, `)` dropped
    ['V723531C03', 'V7235313'], // `(` read as C0
    ['R30243205', 'R3024325'],
    ['R3024325', 'R3024325'],
  ])('finds the check digit of %s where the brackets leave it', (text, value) => {
    const n = hkidNumberIn(text)!;
    expect(n.value).toBe(value);
    expect(n.checkDigitValid).toBe(true);
  });

  it('keeps a check digit that fails when no reading of the brackets makes it hold', () => {
    expect(hkidNumberIn('E616421C3D')).toMatchObject({ value: 'E6164213', checkDigitValid: false });
    // The closing bracket read as a digit: the character after the opening one.
    expect(hkidNumberIn('B418518C990')).toMatchObject({ value: 'B4185189', checkDigitValid: false });
  });

  it('finds no number in a line without the prefix and six digits', () => {
    expect(hkidNumberIn('6753 1131 0193')).toBeNull();
    expect(hkidNumberIn('CHAN, Tai Man')).toBeNull();
  });
});
