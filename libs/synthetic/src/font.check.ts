import { execFileSync } from 'node:child_process';
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

/** The fonts of `required` that fontconfig cannot find. */
export function missingFonts(required: readonly RequiredFont[]): RequiredFont[] {
  const families = installedFamilies();
  return required.filter((f) => !families.has(f.family.toLowerCase()));
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
