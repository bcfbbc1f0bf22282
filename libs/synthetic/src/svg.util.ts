/** Small helpers to build SVG markup. Coordinates are millimetres (the documents' viewBox is in mm). */

export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Rounds to 3 decimals to keep the markup short (1 µm is far below a pixel at 300 dpi). */
export function n(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * The characters of `content`, each in a <tspan> at its own x (mm), for a <text> whose characters are placed
 * one by one. librsvg takes only the first of a list of x on a <text> and lays the rest out at the face's own
 * advances, so a list does not place them.
 */
export function placedGlyphs(content: string, xs: readonly number[]): string {
  return [...content].map((ch, i) => `<tspan x="${n(xs[i])}">${esc(ch)}</tspan>`).join('');
}

export interface TextOptions {
  size: number;
  family: string;
  fill: string;
  weight?: 'normal' | 'bold';
  italic?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  opacity?: number;
  letterSpacing?: number;
}

export function text(x: number, y: number, content: string, o: TextOptions): string {
  const attrs = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    `font-family="${o.family}"`,
    `font-size="${n(o.size)}"`,
    `fill="${o.fill}"`,
    o.weight === 'bold' ? 'font-weight="bold"' : '',
    o.italic ? 'font-style="italic"' : '',
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.opacity !== undefined ? `fill-opacity="${n(o.opacity)}"` : '',
    o.letterSpacing ? `letter-spacing="${n(o.letterSpacing)}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(content)}</text>`;
}

/**
 * A rough width estimate of upper-case text in DejaVu (em-relative advance). Used only to shrink or wrap values
 * so they stay inside their box; a few percent of error is harmless.
 */
export function estimateWidth(content: string, size: number, family: string): number {
  const condensed = family.includes('Condensed') ? 0.9 : 1;
  const serif = family.includes('Serif') ? 1.04 : 1;
  let em = 0;
  for (const ch of content) {
    if (ch === ' ') em += 0.32;
    else if (/[.,'’:;|!]/.test(ch)) em += 0.3;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[MWÆŒ]/.test(ch)) em += 0.86;
    else if (/[IJ]/.test(ch)) em += 0.3;
    else if (/[a-z]/.test(ch)) em += 0.58;
    else em += 0.7;
  }
  return em * size * condensed * serif;
}

/** Text shrunk (never below 60 %) to fit `maxWidth`. */
export function fitText(
  x: number,
  y: number,
  content: string,
  size: number,
  family: string,
  maxWidth: number,
  o: { fill: string; weight?: 'normal' | 'bold'; italic?: boolean },
): string {
  const width = estimateWidth(content, size, family) * (o.weight === 'bold' ? 1.08 : 1);
  const fitted = width > maxWidth ? Math.max(size * 0.6, (size * maxWidth) / width) : size;
  return text(x, y, content, { ...o, size: fitted, family });
}
