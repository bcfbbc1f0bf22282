import { transliterate, transliterationVariants } from '@idv/mrz';
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { caseSeed, describeCase, generateCase, SampleCase, SyntheticError } from './index';
import { addYears } from './iso-date';
import { checkDigits } from './synthetic.fixture';

const sha256 = (b?: Buffer) => (b ? createHash('sha256').update(b).digest('hex') : '');
const LINE_LENGTH: Record<string, number> = { TD1: 30, TD2: 36, TD3: 44, 'MRV-A': 44, 'MRV-B': 36 };

/** How the service is expected to compare names: ICAO transliteration, Han characters through pinyin. */
function comparable(name: string): string[] {
  const romanised = /\p{Script=Han}/u.test(name)
    ? pinyin(name, { toneType: 'none', type: 'array' }).join(' ')
    : name;
  return transliterationVariants(romanised).map((v) => v.replace(/\s+/g, ''));
}
const sameName = (a: string, b: string) => comparable(a).some((v) => comparable(b).includes(v));

describe('generateCase', () => {
  it('is deterministic: the same seed gives byte-identical images and case, another seed differs', async () => {
    const seed = caseSeed(42, 3);
    const options = { scenario: 'clean', documentType: 'id_card' } as const;
    const [a, b, c] = await Promise.all([
      generateCase(seed, options),
      generateCase(seed, options),
      generateCase(seed + 1, options),
    ]);
    expect(sha256(a.images.front)).toBe(sha256(b.images.front));
    expect(sha256(a.images.back)).toBe(sha256(b.images.back));
    expect(JSON.stringify(a.case)).toBe(JSON.stringify(b.case));
    expect(sha256(c.images.front)).not.toBe(sha256(a.images.front));
    expect(describeCase(seed, options)).toEqual(a.case);
  });

  it('renders a TD1 card on two sides and a passport on one, at about 300 dpi with real proportions', async () => {
    const card = await generateCase(7, { scenario: 'clean', documentType: 'id_card', documentTypes: {} });
    const passport = await generateCase(8, { scenario: 'clean', documentType: 'passport' });
    expect(passport.case.format).toBe('TD3');
    expect(passport.images.back).toBeUndefined();
    const sharp = (await import('sharp')).default;
    const meta = await sharp(passport.images.front).metadata();
    // 125 x 88 mm at 280-330 dpi plus a scanner margin of up to 4 mm per side.
    expect(meta.width).toBeGreaterThanOrEqual(Math.floor((125 / 25.4) * 280));
    expect(meta.width).toBeLessThanOrEqual(Math.ceil((133 / 25.4) * 330));
    expect(meta.width! / meta.height!).toBeCloseTo(133 / 96, 0);
    if (card.case.format === 'TD1') {
      expect(card.images.back).toBeDefined();
      expect(card.case.files.back).toMatch(/-back\.(png|jpg)$/);
    }
  });

  it('rejects a malformed today and non-integer seeds with INVALID_OPTIONS', () => {
    expect(() => describeCase(1, { today: '2026-02-30' })).toThrow(SyntheticError);
    expect(() => describeCase(1.5)).toThrow(/seed/);
    expect(() =>
      describeCase(1, {
        scenarios: { clean: 0, mild: 0, severe: 0, mismatch: 0, expired: 0, tampered: 0, unsupported: 0 },
      }),
    ).toThrow(/weights/);
  });
});

describe('describeCase over many seeds', () => {
  const today = '2026-06-15';
  const cases: SampleCase[] = Array.from({ length: 400 }, (_, i) =>
    describeCase(caseSeed(2024, i), { today }),
  );
  const byScenario = (s: SampleCase['scenario']) => cases.filter((c) => c.scenario === s);

  it('draws every scenario, document type and MRZ format', () => {
    for (const s of ['clean', 'mild', 'severe', 'mismatch', 'expired', 'tampered', 'unsupported'] as const) {
      expect(byScenario(s).length).toBeGreaterThan(5);
    }
    expect(new Set(cases.map((c) => c.format))).toEqual(
      new Set(['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B', 'none']),
    );
    expect(new Set(cases.map((c) => c.documentType))).toEqual(
      new Set(['passport', 'id_card', 'residence_permit', 'visa', 'other']),
    );
  });

  it('prints MRZ lines of the right shape whose ICAO check digits all verify, except on tampered documents', () => {
    for (const c of cases.filter((x) => x.format !== 'none')) {
      const { mrzLines } = c.groundTruth;
      expect(mrzLines.every((l) => l.length === LINE_LENGTH[c.format] && /^[A-Z0-9<]+$/.test(l))).toBe(true);
      const digits = checkDigits(mrzLines);
      if (c.scenario === 'tampered') {
        expect(digits.documentNumber).toBe(false);
        expect(c.groundTruth.mrzValid).toBe(false);
      } else {
        expect({ id: c.id, ...digits }).toEqual({
          id: c.id,
          ...Object.fromEntries(Object.keys(digits).map((k) => [k, true])),
        });
      }
    }
  });

  it('tampers exactly one digit of the printed document number and expects MRZ_CHECK_DIGIT_INVALID', () => {
    for (const c of byScenario('tampered')) {
      expect(c.expectedVerdict).toBe('rejected');
      expect(c.expectedReasons).toEqual(['MRZ_CHECK_DIGIT_INVALID']);
      const line =
        c.format === 'TD1' ? c.groundTruth.mrzLines[0].slice(5, 14) : c.groundTruth.mrzLines[1].slice(0, 9);
      expect(line.replace(/<+$/, '')).toBe(c.groundTruth.documentNumber);
    }
  });

  it('judges expiry against today: expired cases lie in the past, all others stay valid for two more years', () => {
    for (const c of cases.filter((x) => x.format !== 'none')) {
      if (c.scenario === 'expired') {
        expect(c.groundTruth.expiryDate < today).toBe(true);
        expect(c.expectedReasons).toEqual(['DOCUMENT_EXPIRED']);
      } else {
        expect(c.groundTruth.expiryDate >= addYears(today, 2)).toBe(true);
      }
      expect(c.groundTruth.issueDate <= today).toBe(true);
      expect(c.groundTruth.dateOfBirth < c.groundTruth.issueDate).toBe(true);
    }
  });

  it('keeps diacritics in the visual zone and puts their ICAO transliteration in the MRZ', () => {
    const accented = cases.filter((c) => /[^\x20-\x7e]/.test(c.groundTruth.surname) && c.format !== 'none');
    expect(accented.length).toBeGreaterThan(20);
    for (const c of accented) {
      expect(transliterate(c.groundTruth.surname).startsWith(c.groundTruth.mrzSurname.split(' ')[0])).toBe(
        true,
      );
      expect(c.groundTruth.mrzLines.join('')).toMatch(/^[A-Z0-9<]+$/);
    }
  });

  it('includes Chinese applicants registered in Han characters, with pinyin in the MRZ', () => {
    const chinese = cases.filter((c) => c.groundTruth.nativeSurname && c.format !== 'none');
    expect(chinese.length).toBeGreaterThan(10);
    const han = chinese.filter((c) => /\p{Script=Han}/u.test(c.record.surname));
    expect(han.length).toBeGreaterThan(5);
    for (const c of chinese) expect(c.groundTruth.nationality).toBe('CHN');
    for (const c of han.filter((x) => x.scenario !== 'mismatch')) {
      expect(sameName(c.record.surname, c.groundTruth.mrzSurname)).toBe(true);
      expect(sameName(c.record.givenNames, c.groundTruth.mrzGivenNames)).toBe(true);
    }
  });

  it('draws a holder with a surname only on request: empty given names in the MRZ, the print and the record', () => {
    for (const seed of [1, 3]) {
      const plain = describeCase(seed, { scenario: 'clean', documentType: 'passport' });
      const single = describeCase(seed, { scenario: 'clean', documentType: 'passport', singleName: true });
      expect(single.groundTruth).toMatchObject({ givenNames: '', mrzGivenNames: '' });
      expect(single.record.givenNames).toBe('');
      // The name field holds the surname and fillers only (no `<<` separator before given names).
      const nameField = single.groundTruth.mrzLines[0].slice(5);
      expect(nameField.replace(/<+$/, '')).toBe(single.groundTruth.mrzSurname.replace(/ /g, '<'));
      expect(single.groundTruth.mrzSurname).toBe(plain.groundTruth.mrzSurname);
      expect(single.groundTruth.dateOfBirth).toBe(plain.groundTruth.dateOfBirth);
    }
  });

  it('truncates names too long for the MRZ name field', () => {
    const truncated = cases.filter(
      (c) =>
        c.format !== 'none' &&
        transliterate(`${c.groundTruth.surname} ${c.groundTruth.givenNames}`).replace(/\s/g, '') !==
          `${c.groundTruth.mrzSurname}${c.groundTruth.mrzGivenNames}`.replace(/\s/g, ''),
    );
    expect(truncated.length).toBeGreaterThan(3);
  });

  it('gives accepted cases a record that matches the document, and mismatch cases exactly one differing field', () => {
    for (const c of cases.filter((x) => x.format !== 'none')) {
      const truth = c.groundTruth;
      const differs = {
        surname: !sameName(c.record.surname, truth.surname),
        givenNames: !sameName(c.record.givenNames, truth.givenNames),
        dateOfBirth: c.record.dateOfBirth !== truth.dateOfBirth,
        documentNumber:
          c.record.documentNumber !== undefined && c.record.documentNumber !== truth.documentNumber,
        nationality: c.record.nationality !== truth.nationality,
      };
      const differing = Object.entries(differs)
        .filter(([, d]) => d)
        .map(([f]) => f);
      if (c.scenario === 'mismatch') {
        expect({ id: c.id, differing }).toEqual({ id: c.id, differing: [c.mismatchField] });
        expect(c.expectedVerdict).toBe('mismatch');
        expect(c.expectedReasons).toEqual(['FIELD_MISMATCH']);
      } else {
        expect({ id: c.id, differing }).toEqual({ id: c.id, differing: [] });
      }
    }
  });

  it('labels severe cases unreadable with the quality reason, and mild ones accepted', () => {
    for (const c of byScenario('severe')) {
      expect(c.expectedVerdict).toBe('unreadable');
      expect(c.expectedReasons.length).toBe(1);
      expect(c.defects.length).toBeGreaterThan(0);
    }
    for (const c of byScenario('mild')) {
      expect(c.expectedVerdict).toBe('accepted');
      expect(c.defects.length).toBeGreaterThan(0);
    }
    for (const c of byScenario('unsupported')) {
      expect(c.groundTruth.mrzLines).toEqual([]);
      expect(c.expectedVerdict).toBe('unsupported');
    }
  });

  it('uses real ISO 3166-1 alpha-3 codes plus UTO', async () => {
    const countries = (await import('i18n-iso-countries')).default;
    for (const c of cases.filter((x) => x.format !== 'none')) {
      for (const code of [c.groundTruth.issuingCountry, c.groundTruth.nationality, c.record.nationality]) {
        expect(code === 'UTO' || countries.isValid(code)).toBe(true);
      }
    }
    expect(cases.some((c) => c.groundTruth.nationality === 'UTO')).toBe(true);
  });

  it('follows the configured scenario weights', () => {
    const onlyTampered = Array.from({ length: 20 }, (_, i) =>
      describeCase(i, {
        scenarios: { clean: 0, mild: 0, severe: 0, mismatch: 0, expired: 0, tampered: 1, unsupported: 0 },
      }),
    );
    expect(onlyTampered.every((c) => c.scenario === 'tampered')).toBe(true);
  });
});
