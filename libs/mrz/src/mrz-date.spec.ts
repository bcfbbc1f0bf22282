import { birthDateToIso, expiryDateToIso } from './mrz-date';
import { loadMrzVectors } from './mrz-corpus.fixture';

describe('two-digit years', () => {
  const today = new Date('2025-06-01T00:00:00Z');

  it('corpus date_century_vectors (foxanna/mrz_parser policy)', () => {
    const vectors = loadMrzVectors()?.date_century_vectors.vectors ?? [];
    // Deliberately different: foxanna reads expiry 70 as 2070 although its own note says 70-99 → 19xx;
    // we keep the window 1970-2069.
    const ours = vectors.filter((v) => !(v.field === 'expiry_date' && v.input === '700213'));
    for (const v of ours) {
      const actual =
        v.field === 'birth_date' ? birthDateToIso(v.input, today, null) : expiryDateToIso(v.input);
      expect([v.field, v.input, actual]).toEqual([v.field, v.input, v.expected]);
    }
    expect(expiryDateToIso('700213')).toBe('1970-02-13');
  });

  it('puts a birth after the expiry date in the previous century', () => {
    expect(birthDateToIso('121212', today, '2011-06-29')).toBe('1912-12-12');
    expect(birthDateToIso('121212', today, '2031-06-29')).toBe('2012-12-12');
  });

  it('returns null for non-dates', () => {
    expect(birthDateToIso('880941', today, null)).toBeNull();
    expect(expiryDateToIso('2ZZ716')).toBeNull();
    expect(expiryDateToIso('000229')).toBe('2000-02-29');
    expect(expiryDateToIso('010229')).toBeNull();
  });
});
