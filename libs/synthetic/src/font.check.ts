import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SyntheticError, SyntheticErrorCode } from './synthetic.error';

/** A font family the generator renders with, and the Debian package that installs it. */
export interface RequiredFont {
  family: string;
  debianPackage: string;
}

let installed: ReadonlySet<string> | null = null;

/**
 * Families fontconfig knows, read once: `fc-list : family` prints each font's names comma-separated
 * (`WenQuanYi Micro Hei,文泉驿微米黑`), and any of them selects it.
 */
function installedFamilies(): ReadonlySet<string> {
  if (installed) return installed;
  let listing = '';
  try {
    listing = execFileSync('fc-list', [':', 'family'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    // No fontconfig at all: every font is missing, and the error below says what to install.
  }
  installed = new Set(
    listing
      .split('\n')
      .flatMap((line) => line.split(','))
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  return installed;
}

/** Families the repository carries a file of (libs/synthetic/fonts, licence in its NOTICE.md). */
const BUNDLED_FAMILIES: ReadonlySet<string> = new Set(['ocr b']);

/** libs/synthetic/fonts, from the sources, the compiled tree or the working directory. */
function bundledFontDir(): string | null {
  const candidates = [
    path.resolve(__dirname, '../fonts'),
    path.resolve(__dirname, '../../../../libs/synthetic/fonts'),
    path.resolve(process.cwd(), 'libs/synthetic/fonts'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'OCRB.otf'))) ?? null;
}

let bundledInUse = false;

/**
 * Makes the fonts the repository carries visible to fontconfig in this process: a configuration of our own that
 * includes the one in force (FONTCONFIG_FILE, else the system's) and adds libs/synthetic/fonts, named by
 * FONTCONFIG_FILE before librsvg first asks fontconfig for a face (fontconfig reads it once, at its start;
 * every render waits for the font check). Returns whether it did.
 */
function useBundledFonts(): boolean {
  const dir = bundledFontDir();
  if (bundledInUse || !dir) return false;
  const base = process.env.FONTCONFIG_FILE ?? '/etc/fonts/fonts.conf';
  const config = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${escapeXml(path.resolve(base))}</include>`,
    `  <dir>${escapeXml(dir)}</dir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  const home = path.join(
    os.tmpdir(),
    `idv-fontconfig-${createHash('sha256').update(config).digest('hex').slice(0, 12)}`,
  );
  mkdirSync(home, { recursive: true });
  const file = path.join(home, 'fonts.conf');
  writeFileSync(
    file,
    config.replace('</fontconfig>', `  <cachedir>${escapeXml(home)}</cachedir>\n</fontconfig>`),
  );
  process.env.FONTCONFIG_FILE = file;
  bundledInUse = true;
  installed = null;
  return true;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The fonts of `required` that fontconfig cannot find. A family the repository carries (OCR-B) is not missing
 * on a machine without it: the carried file is used instead (see {@link useBundledFonts}).
 */
export function missingFonts(required: readonly RequiredFont[]): RequiredFont[] {
  const missing = () => required.filter((f) => !installedFamilies().has(f.family.toLowerCase()));
  const first = missing();
  if (first.some((f) => BUNDLED_FAMILIES.has(f.family.toLowerCase())) && useBundledFonts()) return missing();
  return first;
}

/**
 * Throws, with one line naming what to install, when a font the generator needs is missing. librsvg would
 * otherwise fall back silently to another font, and the test data would lie about what it shows.
 */
export function assertFonts(required: readonly RequiredFont[]): void {
  const missing = missingFonts(required);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((f) => f.debianPackage))].join(' ');
  throw new SyntheticError(
    SyntheticErrorCode.FONT_MISSING,
    `font ${missing.map((f) => `"${f.family}"`).join(', ')} not installed: apt-get install ${packages}`,
  );
}
