import { planCase } from './case.generator';
import { pickStyle } from './document-style';
import { Rng } from './prng';
import { Box } from './sample.model';
import { esc } from './svg.util';

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('renderDocument', () => {
  it('prints the names with diacritics in the visual zone and only their transliteration in the MRZ', () => {
    let checked = 0;
    for (let seed = 0; seed < 200 && checked < 10; seed++) {
      const plan = planCase(seed, { scenario: 'clean' });
      const { groundTruth } = plan.sample;
      if (!/[^\x20-\x7e]/.test(groundTruth.surname)) continue;
      const front = plan.sides.front.svg;
      const mrzSide = (plan.sides.back ?? plan.sides.front).svg;
      expect(front).toContain(esc(groundTruth.surname.split(' ')[0]));
      for (const line of groundTruth.mrzLines) expect(mrzSide).toContain(esc(line));
      expect(groundTruth.mrzLines.join('')).not.toMatch(/[^A-Z0-9<]/);
      checked++;
    }
    expect(checked).toBe(10);
  });

  it('lays photo, fields and MRZ out inside the document without overlapping', () => {
    for (let seed = 0; seed < 40; seed++) {
      const plan = planCase(seed, { scenario: 'clean' });
      const front = plan.sides.front.regions;
      expect(inside(front.fields!, front.document)).toBe(true);
      expect(inside(front.photo!, front.document)).toBe(true);
      expect(overlaps(front.photo!, front.fields!)).toBe(false);
      const withMrz = plan.sides.back?.regions ?? front;
      expect(inside(withMrz.mrz!, withMrz.document)).toBe(true);
      expect(overlaps(withMrz.mrz!, withMrz.fields!)).toBe(false);
      if (plan.sides.back) expect(front.mrz).toBeUndefined();
    }
  });

  it('varies the design with the seed: colours, resolution, captions', () => {
    const styles = Array.from({ length: 30 }, (_, i) => pickStyle(new Rng(i), 'de'));
    expect(new Set(styles.map((s) => s.scheme.name)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(styles.map((s) => s.dpi)).size).toBeGreaterThan(10);
    expect(new Set(styles.map((s) => `${s.numbered}${s.labelItalic}${s.valueFamily}`)).size).toBeGreaterThan(
      4,
    );
    for (const s of styles) expect(s.dpi).toBeGreaterThanOrEqual(280);
  });
});
