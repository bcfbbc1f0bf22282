import { hkidCheckDigit, parseCitizenNumber, parseHkidNumber } from '@idv/id-numbers';
import sharp from 'sharp';
import { addYears } from '../iso-date';
import { missingFonts } from '../font.check';
import { CardCase, CardKind, CardScenario } from './card.model';
import { generateCardCase, planCardCase } from './card.generator';
import { requiredCardFonts, uncoveredCharacters } from './card-fonts';
import { ageOn, requiredTerm } from './card-issue';
import { DIVISIONS } from './divisions';

const describeCard = (seed: number, kind: CardKind, scenario: CardScenario): CardCase =>
  planCardCase(seed, { kind, scenario }).sample;

describe('card generator', () => {
  it('gives the same bytes and case for the same seed, and another card for another seed', async () => {
    const a = await generateCardCase(42, { kind: 'cn_resident_id', scenario: 'mild' });
    const b = await generateCardCase(42, { kind: 'cn_resident_id', scenario: 'mild' });
    expect(b.case).toEqual(a.case);
    expect(b.images.front!.equals(a.images.front!)).toBe(true);
    expect(b.images.back!.equals(a.images.back!)).toBe(true);
    const other = await generateCardCase(43, { kind: 'cn_resident_id', scenario: 'mild' });
    expect(other.images.front!.equals(a.images.front!)).toBe(false);
  });

  it('prints a valid citizen number that states the printed birth date, sex and a known division', () => {
    const codes = new Set(DIVISIONS.map((d) => d.code));
    for (let seed = 0; seed < 60; seed++) {
      const c = describeCard(seed, seed % 3 === 0 ? 'cn_residence_permit' : 'cn_resident_id', 'clean');
      const n = parseCitizenNumber(c.groundTruth.fields.documentNumber!.value)!;
      expect(n.checkCharacterValid).toBe(true);
      expect(n.birthDate).toBe(c.groundTruth.fields.dateOfBirth!.value);
      expect(n.sex).toBe(c.groundTruth.fields.sex!.value);
      if (c.kind === 'cn_residence_permit') expect(n.kind).toBe('residence_permit');
      else expect(codes.has(n.regionCode)).toBe(true);
      if (c.record.documentNumber) expect(c.record.documentNumber).toBe(n.value);
    }
  });

  it('breaks the check character, or only the agreement with 出生/性别, as the scenario says', () => {
    for (let seed = 0; seed < 20; seed++) {
      const broken = describeCard(seed, 'cn_resident_id', 'number-invalid');
      expect(parseCitizenNumber(broken.groundTruth.fields.documentNumber!.value)!.checkCharacterValid).toBe(
        false,
      );
      expect(broken).toMatchObject({ expectedVerdict: 'rejected', expectedReasons: ['ID_NUMBER_INVALID'] });
      expect(broken.record.documentNumber).toBeUndefined();

      const odd = describeCard(seed, 'cn_resident_id', 'number-inconsistent');
      const n = parseCitizenNumber(odd.groundTruth.fields.documentNumber!.value)!;
      expect(n.checkCharacterValid).toBe(true);
      const f = odd.groundTruth.fields;
      expect(n.birthDate !== f.dateOfBirth!.value || n.sex !== f.sex!.value).toBe(true);
      expect(odd.expectedReasons).toEqual(['ID_NUMBER_INCONSISTENT']);

      const hk = describeCard(seed, 'hk_identity_card', 'number-invalid');
      expect(parseHkidNumber(hk.groundTruth.fields.documentNumber!.value)!.checkDigitValid).toBe(false);
      const fine = describeCard(seed, 'hk_identity_card', 'clean').groundTruth.fields.documentNumber!;
      expect(fine.printed).toBe(`${fine.value.slice(0, -1)}(${hkidCheckDigit(fine.value.slice(0, -1))})`);
    }
  });

  it('gives the term the law requires for the age at issue, and a wrong one only for validity-term', () => {
    expect(requiredTerm('2010-05-01', '2026-04-30', false)).toBe(5);
    expect(requiredTerm('2010-05-01', '2026-05-01', false)).toBe(10);
    expect(requiredTerm('1990-01-01', '2016-01-01', false)).toBe(20);
    expect(requiredTerm('1970-01-01', '2016-01-01', false)).toBe('long');
    expect(requiredTerm('1970-01-01', '2016-01-01', true)).toBe(5);
    const years = (from: string, to: string) => (to ? ageOn(from, to) : 'long');
    for (let seed = 0; seed < 40; seed++) {
      for (const scenario of ['clean', 'validity-term', 'long-term', 'expired'] as const) {
        const permit = seed % 4 === 0 && scenario !== 'long-term';
        const c = describeCard(seed, permit ? 'cn_residence_permit' : 'cn_resident_id', scenario);
        const g = c.groundTruth;
        const dob = g.fields.dateOfBirth!.value;
        const term = years(g.validFrom, g.expiryDate);
        const lawful = requiredTerm(dob, g.validFrom, c.kind === 'cn_residence_permit');
        expect(term === lawful).toBe(scenario !== 'validity-term');
        expect(g.validityConsistent).toBe(scenario !== 'validity-term');
        if (scenario === 'expired') expect(g.expiryDate < c.today).toBe(true);
        else expect(g.longTerm || g.expiryDate > c.today).toBe(true);
        if (scenario === 'long-term')
          expect(g.fields.validity!.printed).toMatch(/^\d{4}\.\d{2}\.\d{2}-长期$/);
        if (g.expiryDate) expect(addYears(g.validFrom, term as number)).toBe(g.expiryDate);
      }
    }
  });

  it('makes record typos the registration would accept: a homophone name, a valid other number', () => {
    let homophones = 0;
    for (let seed = 0; seed < 60; seed++) {
      const c = describeCard(seed, 'cn_resident_id', 'mismatch');
      const name = c.groundTruth.fields.fullName!.value;
      const typed = c.record.fullName ?? `${c.record.surname}${c.record.givenNames}`;
      if (c.mismatchField === 'fullName') {
        homophones++;
        expect(typed).not.toBe(name);
        expect(typed.length).toBe(name.length);
      }
      if (c.record.documentNumber) {
        const n = parseCitizenNumber(c.record.documentNumber)!;
        expect(n.checkCharacterValid).toBe(true);
        expect(n.birthDate).toBe(c.record.dateOfBirth);
        if (c.record.sex) expect(n.sex).toBe(c.record.sex);
      }
      expect(c).toMatchObject({ expectedVerdict: 'mismatch', reasonField: c.mismatchField });
    }
    expect(homophones).toBeGreaterThan(10);
    const hk = [...Array(30).keys()]
      .map((s) => describeCard(s, 'hk_identity_card', 'mismatch'))
      .filter((c) => c.mismatchField === 'fullName');
    expect(hk.length).toBeGreaterThan(0);
    for (const c of hk) expect(c.record.fullName).toMatch(/^[A-Z]+ [A-Z]+$/);
  });

  it('names the missing side, swaps the uploaded sides and expects a copy to be refused', () => {
    const missing = describeCard(3, 'cn_resident_id', 'side-missing');
    expect(Object.keys(missing.files)).toEqual([missing.reasonField === 'front' ? 'back' : 'front']);
    expect(missing.expectedReasons).toEqual(['DOCUMENT_SIDE_MISSING']);
    const swapped = describeCard(3, 'cn_resident_id', 'swapped');
    expect(swapped).toMatchObject({ sidesSwapped: true, expectedVerdict: 'accepted' });
    expect(describeCard(3, 'hk_identity_card', 'copy')).toMatchObject({
      expectedVerdict: 'unreadable',
      expectedReasons: ['DOCUMENT_COPY'],
    });
    expect(describeCard(3, 'cn_resident_id', 'rare-character').acceptableVerdicts).toEqual(['manual_review']);
    expect(() => planCardCase(1, { kind: 'hk_identity_card', scenario: 'side-missing' })).toThrow(
      /does not exist/,
    );
  });

  it('uses only installed fonts with every glyph printed, in both style sets', () => {
    for (const set of ['primary', 'holdout'] as const)
      expect(missingFonts(requiredCardFonts(set))).toEqual([]);
    // 䶮 is in CJK Extension A: WenQuanYi Micro Hei lacks it, so a name with it must get another font.
    expect(uncoveredCharacters('WenQuanYi Micro Hei', '王䶮')).toEqual(['䶮']);
    expect(uncoveredCharacters('Noto Sans CJK SC', '王䶮')).toEqual([]);
  });

  it.each([
    ['cn_resident_id', 'clean', 'primary'],
    ['cn_residence_permit', 'mild', 'holdout'],
    ['hk_identity_card', 'severe', 'holdout'],
  ] as const)(
    'puts every ground-truth box of a %s (%s, %s) inside its image',
    async (kind, scenario, styleSet) => {
      for (const seed of [5, 6]) {
        const { case: c, images } = await generateCardCase(seed, { kind, scenario, styleSet });
        expect(c.groundTruth.styleSet).toBe(styleSet);
        for (const truth of Object.values(c.groundTruth.fields)) {
          const side = c.sidesSwapped ? (truth!.side === 'front' ? 'back' : 'front') : truth!.side;
          const meta = await sharp(images[side]!).metadata();
          if (!truth!.box) continue; // cut off by a crop
          const b = truth!.box;
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.y).toBeGreaterThanOrEqual(0);
          expect(b.width).toBeGreaterThan(0);
          expect(b.x + b.width).toBeLessThanOrEqual(meta.width!);
          expect(b.y + b.height).toBeLessThanOrEqual(meta.height!);
        }
        if (scenario === 'clean') expect(Object.values(c.groundTruth.fields).every((t) => t!.box)).toBe(true);
      }
    },
  );
});
