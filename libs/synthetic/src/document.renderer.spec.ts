import { planCase } from './case.generator';
import { MRZ_FONT_FAMILIES } from './document-fonts';
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

/** Each line of text set glyph by glyph (the MRZ): its characters and where each is placed (mm). */
const glyphLines = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map((line) => {
    const glyphs = [...line[1].matchAll(/<tspan x="([\d.]+)">([^<]*)<\/tspan>/g)];
    return { text: glyphs.map((g) => g[2]).join(''), xs: glyphs.map((g) => Number(g[1])) };
  });

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
      const printed = glyphLines(mrzSide).map((l) => l.text);
      for (const line of groundTruth.mrzLines) expect(printed).toContain(esc(line));
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

  it.each(MRZ_FONT_FAMILIES)(
    'sets the MRZ in %s glyph by glyph at its pitch, inside the document',
    (mrzFont) => {
      for (let seed = 0; seed < 4; seed++) {
        const plan = planCase(seed, {
          scenario: 'clean',
          documentType: 'id_card',
          mrzFont,
          styleSet: 'holdout',
        });
        const svg = (plan.sides.back ?? plan.sides.front).svg;
        // The document is drawn inside a margin: the viewBox less the translation on each side (mm).
        const viewWidth = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)![1]);
        const margin = Number(/translate\(([\d.]+)/.exec(svg)![1]);
        const lines = glyphLines(svg);
        expect(lines.map((l) => l.text)).toEqual(plan.sample.groundTruth.mrzLines.map(esc));
        for (const { xs } of lines) {
          const steps = xs.slice(1).map((x, i) => x - xs[i]);
          // ICAO's 2.54 mm within its tolerance, and a printer's jitter.
          expect(Math.min(...steps)).toBeGreaterThan(2.3);
          expect(Math.max(...steps)).toBeLessThan(2.8);
          expect(xs.at(-1)! + 1.27).toBeLessThan(viewWidth - 2 * margin);
        }
      }
    },
  );

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
