import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeCheckDigit } from '@idv/mrz';
import { REPO_ROOT, runTs } from '@idv/testing';

const digest = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex'),
      ]),
  );

describe('npm run cli -- samples', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), 'idv-samples-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes images and cases.json, byte-identical for the same seed and different for another', async () => {
    const [a, b, c] = [fresh(), fresh(), fresh()];
    for (const [dir, seed] of [
      [a, '42'],
      [b, '42'],
      [c, '43'],
    ] as const) {
      const res = await runTs('apps/cli/src/main.ts', [
        'samples',
        '--out',
        dir,
        '--count',
        '8',
        '--seed',
        seed,
      ]);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Wrote 8 cases/);
    }
    expect(digest(a)).toEqual(digest(b));
    expect(digest(a)).not.toEqual(digest(c));
    const manifest = JSON.parse(readFileSync(join(a, 'cases.json'), 'utf8'));
    expect(manifest.cases).toHaveLength(8);
    for (const k of manifest.cases) {
      expect(readdirSync(a)).toContain(k.files.front);
      expect(k.record).toMatchObject({
        surname: expect.any(String),
        dateOfBirth: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });
      // Every MRZ the generator prints verifies, except the deliberately tampered ones.
      const lines: string[] = k.groundTruth.mrzLines;
      if (lines.length && k.scenario !== 'tampered') {
        const td3 = lines.length === 2 && lines[1].length === 44 && lines[0].startsWith('P');
        if (td3) expect(computeCheckDigit(lines[1].slice(0, 9))).toBe(lines[1][9]);
      }
    }
  });

  /**
   * A fontconfig configuration of this machine's fonts without any installed OCR-B (as on a machine without
   * fonts-ocr-b), plus `extra` lines.
   */
  const fontconfigWithoutOcrB = (extra = '') => {
    const dir = fresh();
    const file = join(dir, 'fonts.conf');
    writeFileSync(
      file,
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        '  <selectfont><rejectfont><glob>/usr/share/fonts/*ocr*</glob><glob>/usr/local/share/fonts/*ocr*</glob></rejectfont></selectfont>',
        `  <cachedir>${join(dir, 'cache')}</cachedir>`,
        extra,
        '</fontconfig>',
      ].join('\n'),
    );
    return file;
  };

  it('prints the MRZ in OCR-B on a machine without an OCR-B font, from the copy the repository carries', async () => {
    // The run: `samples --count 6 --seed 99` silently fell back to DejaVu Sans without fonts-ocr-b.
    const [carried, pointed] = [fresh(), fresh()];
    const bare = fontconfigWithoutOcrB();
    const withRepoFont = fontconfigWithoutOcrB(`  <dir>${join(REPO_ROOT, 'libs/synthetic/fonts')}</dir>`);
    for (const [dir, config] of [
      [carried, bare],
      [pointed, withRepoFont],
    ] as const) {
      const res = await runTs(
        'apps/cli/src/main.ts',
        ['samples', '--out', dir, '--count', '2', '--seed', '99'],
        { FONTCONFIG_FILE: config },
      );
      expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    }
    // Byte for byte what fontconfig pointed at the repository's OCR-B draws: not a fallback face.
    expect(digest(carried)).toEqual(digest(pointed));
  }, 120_000);

  it('refuses a bad count with a usage line and exit code 2', async () => {
    const res = await runTs('apps/cli/src/main.ts', ['samples', '--out', fresh(), '--count', 'many']);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe('--count must be a whole number, not "many"');
  });
});
