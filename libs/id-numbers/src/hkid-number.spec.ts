import { hkidCheckDigit, parseHkidNumber } from './hkid-number';

describe('HKID number', () => {
  it('computes check digits for one- and two-letter prefixes, including A and 0', () => {
    expect(hkidCheckDigit('A123456')).toBe('3');
    expect(hkidCheckDigit('C668668')).toBe('9'); // the Immigration Department's sample card
    // Every residue maps to a character, and A stands for 10.
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) seen.add(hkidCheckDigit(`AB${String(100000 + n * 37)}`));
    expect(seen.has('A')).toBe(true);
    expect(seen.has('0')).toBe(true);
  });

  it('reads the printed and the compact form as one number', () => {
    expect(parseHkidNumber('A123456(3)')).toEqual({
      value: 'A1234563',
      printed: 'A123456(3)',
      checkDigitValid: true,
    });
    expect(parseHkidNumber('a1234563')!.value).toBe('A1234563');
    expect(parseHkidNumber('A123456(4)')!.checkDigitValid).toBe(false);
    expect(parseHkidNumber('123456(3)')).toBeNull();
  });
});
