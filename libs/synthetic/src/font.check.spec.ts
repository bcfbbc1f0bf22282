import { assertFonts, missingFonts } from './font.check';
import { SyntheticErrorCode } from './synthetic.error';

describe('font check', () => {
  it('finds an installed family and names the package of a missing one', () => {
    // DejaVu Sans is what .ci/run installs first; the other family exists nowhere.
    expect(missingFonts([{ family: 'DejaVu Sans', debianPackage: 'fonts-dejavu-core' }])).toEqual([]);
    const missing = { family: 'No Such Font Family 42', debianPackage: 'fonts-nowhere' };
    expect(() => assertFonts([missing])).toThrow(
      expect.objectContaining({
        code: SyntheticErrorCode.FONT_MISSING,
        message: 'font "No Such Font Family 42" not installed: apt-get install fonts-nowhere',
      }),
    );
  });
});
