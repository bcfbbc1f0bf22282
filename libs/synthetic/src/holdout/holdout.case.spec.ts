import { createHash } from 'node:crypto';
import { transliterationVariants } from '@idv/mrz';
import { planCase, renderSideImage } from '../case.generator';
import { applyDefect, applyDefects } from '../defects/defect.pipeline';
import { DocumentImage } from '../defects/document-image';
import { MRZ_FONTS, MrzFontFamily } from '../document-fonts';
import { caseSeed, Defect, describeCase, generateCase, SampleCase } from '../index';
import { checkDigits } from '../synthetic.fixture';
import { esc } from '../svg.util';

const sha256 = (b?: Buffer | string) => (b ? createHash('sha256').update(b).digest('hex') : '');
const nonAscii = (name: string) => /[^\x20-\x7e]/.test(name);
/** The MRZ name as ICAO's recommended transliteration or the marks stripped would write it. */
const mrzSpellings = (name: string) =>
  transliterationVariants(name).map((v) => v.replace(/\s+/g, ' ').trim());

describe('holdout set', () => {
  it('is deterministic, and independent of the primary set drawn from the same seed', async () => {
    const seed = caseSeed(7, 2);
    const options = { styleSet: 'holdout', scenario: 'clean', documentType: 'passport' } as const;
    const [a, b, primary] = await Promise.all([
      generateCase(seed, options),
      generateCase(seed, options),
      generateCase(seed, { scenario: 'clean', documentType: 'passport' }),
    ]);
    expect(sha256(a.images.front)).toBe(sha256(b.images.front));
    expect(JSON.stringify(a.case)).toBe(JSON.stringify(b.case));
    expect(describeCase(seed, options)).toEqual(a.case);
    expect(a.case.styleSet).toBe('holdout');
    expect(primary.case.styleSet).toBeUndefined();
    expect(a.case.groundTruth.surname).not.toBe(primary.case.groundTruth.surname);
    expect(sha256(a.images.front)).not.toBe(sha256(primary.images.front));
  }, 180_000);

  it('photographs a document the same way every time, keeping its regions on the document', async () => {
    const plan = planCase(caseSeed(7, 3), {
      styleSet: 'holdout',
      scenario: 'clean',
      documentType: 'passport',
    });
    const page = await renderSideImage(plan.sides.front, plan.softness, []);
    const small = await applyDefect(page, { kind: 'lowres', width: 700 });
    const defects: Defect[] = [
      {
        kind: 'photo',
        scale: 0.8,
        roll: 4,
        tilt: 20,
        tiltAxis: 30,
        surface: 'hand',
        shadow: 0.3,
        noise: 5,
        seed: 3,
      },
      { kind: 'moire', period: 4, amplitude: 8, seed: 4 },
      { kind: 'motion', length: 3, angle: 30 },
      { kind: 'jpeg', quality: 70 },
    ];
    const [x, y] = await Promise.all([applyDefects(small, defects), applyDefects(small, defects)]);
    expect(sha256(x.jpeg?.bytes)).toBe(sha256(y.jpeg?.bytes));
    expect([x.width, x.height]).toEqual([1600, 1200].includes(x.width) ? [1600, 1200] : [1920, 1440]);
    const { document: doc, mrz } = x.regions;
    // The document fills most of the frame, tilted; the MRZ is inside it.
    expect(doc.width).toBeGreaterThan(x.width * 0.5);
    expect(mrz!.x).toBeGreaterThanOrEqual(doc.x);
    expect(mrz!.y + mrz!.height).toBeLessThanOrEqual(doc.y + doc.height + 1);
  }, 180_000);

  it('shakes the camera along an axis or at an angle, smearing a dot along the motion only', async () => {
    const width = 64;
    const dot: DocumentImage = {
      data: Buffer.alloc(width * 48 * 3, 200),
      width,
      height: 48,
      regions: { document: { x: 0, y: 0, width, height: 48 } },
    };
    dot.data[(24 * width + 32) * 3] = 0;
    const red = (image: DocumentImage, [x, y]: readonly [number, number]) => image.data[(y * width + x) * 3];
    for (const [angle, along, across] of [
      [0, [40, 24], [32, 32]],
      [90, [32, 32], [40, 24]],
    ] as const) {
      const shaken = await applyDefect(dot, { kind: 'motion', length: 30, angle });
      expect(red(shaken, along)).toBeLessThan(200);
      expect(red(shaken, across)).toBe(200);
    }
    const diagonal = await applyDefect(dot, { kind: 'motion', length: 9, angle: 45 });
    expect(red(diagonal, [35, 27])).toBeLessThan(200);
    expect(red(diagonal, [35, 21])).toBe(200);
  });

  it('leaves the primary set as it was (the cases of seed 20251125 that its figures were measured on)', () => {
    // The first six cases of `npm run cli -- samples --seed 20251125` (the accuracy bench's set) as the generator
    // wrote them before the holdout set existed: a change here means the primary set's figures are no longer
    // comparable with the README's.
    const ids = [0, 1, 2, 3, 4, 5].map((i) => ({ seed: caseSeed(20251125, i), id: `case-000${i}` }));
    const digest = sha256(JSON.stringify(ids.map(({ seed, id }) => describeCase(seed, { id }))));
    expect(digest).toBe(PRIMARY_DIGEST);
  });

  describe('over 300 cases', () => {
    const today = '2026-06-15';
    const cases: SampleCase[] = Array.from({ length: 300 }, (_, i) =>
      describeCase(caseSeed(99, i), { today, styleSet: 'holdout' }),
    );
    const documents = cases.filter((c) => c.format !== 'none');

    it('has every verdict of the primary set, manual_review too', () => {
      expect(new Set(cases.map((c) => c.expectedVerdict))).toEqual(
        new Set([
          'accepted',
          'mismatch',
          'unreadable',
          'expired',
          'unsupported',
          'manual_review',
          'rejected',
        ]),
      );
      expect(new Set(cases.map((c) => c.format))).toEqual(
        new Set(['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B', 'none']),
      );
    });

    it('prints the MRZ in six or more faces, monospaced and proportional, and says which', () => {
      const faces = new Set(documents.map((c) => c.mrzFont as MrzFontFamily));
      expect(faces.size).toBeGreaterThanOrEqual(6);
      expect([...faces].some((f) => !MRZ_FONTS[f].monospace)).toBe(true);
      expect([...faces].filter((f) => f !== 'OCR B').length).toBeGreaterThanOrEqual(5);
      for (const seed of [caseSeed(99, 0), caseSeed(99, 1), caseSeed(99, 2)]) {
        const plan = planCase(seed, { today, styleSet: 'holdout' });
        const family = plan.sample.mrzFont as MrzFontFamily | undefined;
        if (family) expect(plan.sides.back?.svg ?? plan.sides.front.svg).toContain(`font-family="${family}"`);
      }
    });

    it('gives every holder diacritics in the surname and in the given names, transliterated in the MRZ', () => {
      for (const c of documents) {
        const g = c.groundTruth;
        expect({ id: c.id, surname: nonAscii(g.surname), given: nonAscii(g.givenNames) }).toEqual({
          id: c.id,
          surname: true,
          given: true,
        });
        expect(mrzSpellings(g.surname)).toContain(g.mrzSurname);
        expect(mrzSpellings(g.givenNames)).toContain(g.mrzGivenNames);
      }
      // Both spellings issuers use occur: ICAO's (Ä → AE) and the marks stripped (Ä → A).
      const recommended = documents.filter(
        (c) => transliterationVariants(c.groundTruth.surname)[0] === c.groundTruth.mrzSurname,
      );
      expect(recommended.length).toBeGreaterThan(0);
      expect(recommended.length).toBeLessThan(documents.length);
    });

    it('prints the names with their diacritics on the page', () => {
      for (const seed of [caseSeed(99, 3), caseSeed(99, 4), caseSeed(99, 5), caseSeed(99, 6)]) {
        const plan = planCase(seed, { today, styleSet: 'holdout' });
        if (plan.sample.format === 'none') continue;
        const page = plan.sides.front.svg;
        expect(page).toContain(`>${esc(plan.sample.groundTruth.surname)}<`);
      }
    });

    it('keeps every check digit valid except the one field a tampered case changed', () => {
      for (const c of documents) {
        const digits = checkDigits(c.groundTruth.mrzLines);
        if (c.scenario !== 'tampered') {
          expect({ id: c.id, ...digits }).toEqual({
            id: c.id,
            ...Object.fromEntries(Object.keys(digits).map((k) => [k, true])),
          });
          continue;
        }
        expect(c.expectedVerdict).toBe('rejected');
        expect(digits[c.tamperedField!]).toBe(false);
        expect(digits.composite ?? false).toBe(false);
        const others = ['documentNumber', 'dateOfBirth', 'expiryDate'].filter((f) => f !== c.tamperedField);
        for (const f of others) expect(digits[f]).toBe(true);
      }
      const tampered = new Set(
        documents.filter((c) => c.scenario === 'tampered').map((c) => c.tamperedField),
      );
      expect(tampered.size).toBeGreaterThanOrEqual(2);
    });

    it('makes one-letter typos in names that keep their diacritics, and swaps names for review', () => {
      const typos = cases.filter((c) => /^mismatch-(surname|givenNames)-typo/.test(c.variant));
      expect(typos.length).toBeGreaterThan(10);
      expect(
        typos.filter((c) => nonAscii(c.record[c.mismatchField as 'surname' | 'givenNames'])).length,
      ).toBeGreaterThan(5);
      for (const c of typos) {
        const field = c.mismatchField as 'surname' | 'givenNames';
        expect(c.expectedReasons).toEqual(['FIELD_MISMATCH']);
        expect(mrzSpellings(c.record[field])).not.toContain(
          c.groundTruth[field === 'surname' ? 'mrzSurname' : 'mrzGivenNames'],
        );
      }
      for (const c of cases.filter((x) => x.scenario === 'review')) {
        expect(c.expectedVerdict).toBe('manual_review');
        expect(mrzSpellings(c.record.surname)).toContain(c.groundTruth.mrzGivenNames);
        expect(mrzSpellings(c.record.givenNames)).toContain(c.groundTruth.mrzSurname);
      }
    });

    it('photographs documents as phones do: tilt up to 20°, a table, its edge or a hand, moiré, shake, JPEG 60-85', () => {
      const defects = cases.flatMap((c) => c.defects);
      const photos = defects.filter((d) => d.kind === 'photo');
      expect(photos.length).toBeGreaterThan(60);
      for (const p of photos) expect(p.tilt).toBeLessThanOrEqual(20);
      expect(Math.max(...photos.map((p) => p.tilt))).toBeGreaterThan(17);
      expect(new Set(photos.map((p) => p.surface))).toEqual(new Set(['table', 'table-edge', 'hand']));
      expect(photos.some((p) => p.shadow > 0)).toBe(true);
      expect(defects.some((d) => d.kind === 'moire')).toBe(true);
      expect(defects.some((d) => d.kind === 'motion' && d.length < 5)).toBe(true);
      const jpegs = cases
        .filter((c) => c.scenario === 'mild' && c.defects[0]?.kind === 'photo')
        .flatMap((c) => c.defects.filter((d) => d.kind === 'jpeg'));
      for (const j of jpegs) expect(j.quality).toBeGreaterThanOrEqual(60);
      for (const j of jpegs) expect(j.quality).toBeLessThanOrEqual(85);
    });
  });
});

const PRIMARY_DIGEST = '2ff95d2efa4da9f1b7d48dd09d8cf6746221cb2ba11331146b5ba34abcaa32d8';
