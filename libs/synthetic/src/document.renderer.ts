import { countryName } from './country-names';
import { MRZ_FONTS } from './document-fonts';
import { DocumentStyle } from './document-style';
import { BackgroundSpec } from './guilloche.pattern';
import { formatVisualDate, label, LabelKey, title } from './label-sets';
import { portrait, signature } from './portrait.svg';
import { Rng } from './prng';
import { Box, DocumentType, MrzLayout, Regions, Sex } from './sample.model';
import { estimateWidth, fitText, n, placedGlyphs, text } from './svg.util';

/** What the document prints: the visual zone's values and the MRZ lines. */
export interface PrintedDocument {
  layout: MrzLayout;
  documentType: Exclude<DocumentType, 'other'>;
  documentCode: string;
  issuingCountry: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  dateOfBirth: string;
  sex: Sex;
  placeOfBirth: string;
  issueDate: string;
  expiryDate: string;
  authority: string;
  mrzLines: string[];
}

/**
 * One side: the security background (rasterised directly, see {@link BackgroundSpec}) and the SVG drawn over it
 * (transparent elsewhere), with the pixel size and the regions (in pixels) that defects and tests refer to.
 */
export interface RenderedSide {
  background: BackgroundSpec;
  svg: string;
  width: number;
  height: number;
  regions: Regions;
}

/** Physical sizes (mm) after ICAO 9303 Part 3 (TD1/TD2/TD3) and Part 7 (MRV-A/MRV-B). */
const SIZE_MM: Readonly<Record<MrzLayout, { w: number; h: number }>> = {
  TD1: { w: 85.6, h: 54 },
  TD2: { w: 105, h: 74 },
  TD3: { w: 125, h: 88 },
  'MRV-A': { w: 120, h: 80 },
  'MRV-B': { w: 105, h: 74 },
};

/** The document's size: ICAO's nominal one, give or take the style's deviation within tolerance. */
function sizeOf(layout: MrzLayout, style: DocumentStyle): { w: number; h: number } {
  const { w, h } = SIZE_MM[layout];
  return style.sizeDeltaMm ? { w: w + style.sizeDeltaMm.w, h: h + style.sizeDeltaMm.h } : { w, h };
}

const NUMBERS: Partial<Record<LabelKey, number>> = {
  surname: 1,
  givenNames: 2,
  nationality: 3,
  dateOfBirth: 4,
  sex: 5,
  placeOfBirth: 6,
  dateOfIssue: 7,
  authority: 8,
  dateOfExpiry: 9,
  documentNumber: 10,
  signature: 11,
};

interface Cell {
  key: LabelKey;
  /** Printed value; empty with `signature` draws a signature instead. */
  value: string;
  /** Fraction of the row's width. */
  span: number;
}

/** A page or card being drawn: accumulates SVG (mm coordinates, origin at the document's corner). */
class Canvas {
  readonly parts: string[] = [];
  radius = 3.18;
  tintAngle = 0;
  constructor(
    readonly w: number,
    readonly h: number,
    readonly style: DocumentStyle,
    readonly rng: Rng,
  ) {}

  add(svg: string): void {
    this.parts.push(svg);
  }
}

/** Renders the data page (TD2/TD3/visa) or both sides of a TD1 card as SVG. */
export function renderDocument(
  doc: PrintedDocument,
  style: DocumentStyle,
  rng: Rng,
): { front: RenderedSide; back?: RenderedSide } {
  if (doc.layout === 'TD1') {
    return {
      front: renderTd1Front(doc, style, rng.fork('front')),
      back: renderTd1Back(doc, style, rng.fork('back')),
    };
  }
  return { front: renderDataPage(doc, style, rng.fork('front')) };
}

function visualValues(doc: PrintedDocument, style: DocumentStyle): Record<string, string> {
  const date = (iso: string) => formatVisualDate(iso, style.dateStyle, style.language);
  const sex = style.language === 'fr' && doc.sex !== 'X' ? `${doc.sex}/${doc.sex}` : doc.sex;
  return {
    type: doc.documentCode,
    code: doc.issuingCountry,
    documentNumber: doc.documentNumber,
    surname: doc.surname,
    givenNames: doc.givenNames,
    nationality: style.nationalityAsName ? countryName(doc.nationality).toUpperCase() : doc.nationality,
    dateOfBirth: date(doc.dateOfBirth),
    sex,
    placeOfBirth: doc.placeOfBirth,
    dateOfIssue: date(doc.issueDate),
    authority: doc.authority,
    dateOfExpiry: date(doc.expiryDate),
    signature: '',
    validFrom: date(doc.issueDate),
    entries: 'MULT',
    remarks: `${doc.surname}`.length > 0 ? 'NONE' : '',
  };
}

/** TD2, TD3 and visa: one data page with the MRZ at the bottom. */
function renderDataPage(doc: PrintedDocument, style: DocumentStyle, rng: Rng): RenderedSide {
  const { w, h } = sizeOf(doc.layout, style);
  const c = new Canvas(w, h, style, rng);
  const big = doc.layout === 'TD3' || doc.layout === 'MRV-A';
  const v = visualValues(doc, style);
  background(c, doc.layout === 'TD3' ? 2.5 : 3.2);

  const titles = title(doc.documentType, style.language);
  let photo: Box = big
    ? { x: 5.5, y: 17, width: 33, height: 42 }
    : { x: 4.5, y: 14, width: 27, height: 34.5 };
  let fields: Box = big
    ? {
        x: photo.x + photo.width + 4,
        y: 15,
        width: w - photo.width - 14,
        height: h - 15 - (h - mrzTop(doc.layout, h)) - 2.5,
      }
    : {
        x: photo.x + photo.width + 3.5,
        y: 13,
        width: w - photo.width - 11.5,
        height: mrzTop(doc.layout, h) - 13 - 2,
      };
  let emblemX = w - (big ? 14 : 11);
  const emblemR = big ? 5.5 : 4.2;
  let headerX = fields.x;
  let headerEnd = emblemX - emblemR - 2;
  if (style.pagePhotoRight || style.photoScale) {
    // Holdout layouts: a portrait of another size, on the right, with the emblem moved to the left corner.
    const k = style.photoScale ?? 1;
    const width = photo.width * k;
    const height = Math.min(photo.height * k, mrzTop(doc.layout, h) - photo.y - (big ? 2 : 8));
    const right = style.pagePhotoRight === true;
    photo = { x: right ? w - photo.x - width : photo.x, y: photo.y, width, height };
    fields = {
      ...fields,
      x: right ? w - photo.x - photo.width : photo.x + photo.width + (big ? 4 : 3.5),
      width: w - width - (big ? 14 : 11.5),
    };
    headerX = fields.x;
    if (right) {
      emblemX = fields.x + emblemR;
      headerX = emblemX + emblemR + 2;
      headerEnd = photo.x - 2;
    }
  }

  // Header: country name on the right of the photo column, document title above the photo.
  const country = countryName(doc.issuingCountry, style.language).toUpperCase();
  const english = countryName(doc.issuingCountry, 'en').toUpperCase();
  const headerSize = (big ? 4.3 : 3.6) * style.fontScale;
  const headerWidth = headerEnd - headerX;
  c.add(
    fitText(headerX, big ? 8.5 : 7.5, country, headerSize, style.labelFamily, headerWidth, {
      fill: style.scheme.ink,
      weight: 'bold',
    }),
  );
  if (english !== country) {
    c.add(
      fitText(headerX, big ? 12.2 : 10.8, english, headerSize * 0.55, style.labelFamily, headerWidth, {
        fill: style.scheme.ink,
      }),
    );
  }
  const titleSize = (big ? 2.6 : 2.2) * style.fontScale;
  const titleX = photo.x + photo.width / 2;
  c.add(
    text(titleX, big ? 9 : 7.3, titles.national, {
      size: titleSize,
      family: style.labelFamily,
      fill: style.scheme.ink,
      anchor: 'middle',
      weight: 'bold',
    }),
  );
  if (titles.english !== titles.national) {
    c.add(
      text(titleX, big ? 12.4 : 10.5, titles.english, {
        size: titleSize * 0.85,
        family: style.labelFamily,
        fill: style.scheme.ink,
        anchor: 'middle',
        italic: true,
      }),
    );
  }
  emblem(c, emblemX, big ? 8 : 7, emblemR);

  c.add(portrait(rng.fork('portrait'), photo, rng.chance(0.3)));
  c.add(
    `<rect x="${n(photo.x)}" y="${n(photo.y)}" width="${n(photo.width)}" height="${n(photo.height)}" fill="none" stroke="${style.scheme.ink}" stroke-opacity="0.25" stroke-width="0.15"/>`,
  );

  const rows: Cell[][] =
    doc.documentType === 'visa'
      ? visaRows(v)
      : [
          [
            { key: 'type', value: v.type, span: 0.2 },
            { key: 'code', value: v.code, span: 0.3 },
            { key: 'documentNumber', value: v.documentNumber, span: 0.5 },
          ],
          [{ key: 'surname', value: v.surname, span: 1 }],
          [{ key: 'givenNames', value: v.givenNames, span: 1 }],
          ...((big
            ? [
                [{ key: 'nationality', value: v.nationality, span: 1 }],
                shuffleCells(rng, [
                  { key: 'dateOfBirth', value: v.dateOfBirth, span: 0.42 },
                  { key: 'sex', value: v.sex, span: 0.18 },
                  { key: 'placeOfBirth', value: v.placeOfBirth, span: 0.4 },
                ]),
                [
                  { key: 'dateOfIssue', value: v.dateOfIssue, span: 0.45 },
                  { key: 'authority', value: v.authority, span: 0.55 },
                ],
                [
                  { key: 'dateOfExpiry', value: v.dateOfExpiry, span: 0.45 },
                  { key: 'signature', value: '', span: 0.55 },
                ],
              ]
            : [
                shuffleCells(rng, [
                  { key: 'nationality', value: v.nationality, span: 0.38 },
                  { key: 'dateOfBirth', value: v.dateOfBirth, span: 0.4 },
                  { key: 'sex', value: v.sex, span: 0.22 },
                ]),
                [
                  { key: 'dateOfExpiry', value: v.dateOfExpiry, span: 0.45 },
                  { key: 'authority', value: v.authority, span: 0.55 },
                ],
              ]) as Cell[][]),
        ];
  const sizes = big ? { label: 1.75, value: 3.0 } : { label: 1.5, value: 2.6 };
  fieldGrid(c, rows, fields, sizes);
  if (!big && doc.documentType !== 'visa') {
    c.add(
      signature(rng.fork('signature'), {
        x: photo.x + 1,
        y: photo.y + photo.height + 1,
        width: photo.width - 2,
        height: 5,
      }),
    );
  }
  const mrz = mrzBlock(c, doc.mrzLines, doc.layout);
  return finish(c, { photo, fields, mrz });
}

function visaRows(v: Record<string, string>): Cell[][] {
  return [
    [
      { key: 'validFrom', value: v.validFrom, span: 0.36 },
      { key: 'dateOfExpiry', value: v.dateOfExpiry, span: 0.36 },
      { key: 'entries', value: v.entries, span: 0.28 },
    ],
    [
      { key: 'documentNumber', value: v.documentNumber, span: 0.45 },
      { key: 'authority', value: v.authority, span: 0.55 },
    ],
    [{ key: 'surname', value: v.surname, span: 1 }],
    [{ key: 'givenNames', value: v.givenNames, span: 1 }],
    [
      { key: 'nationality', value: v.nationality, span: 0.38 },
      { key: 'dateOfBirth', value: v.dateOfBirth, span: 0.4 },
      { key: 'sex', value: v.sex, span: 0.22 },
    ],
    [{ key: 'remarks', value: v.remarks, span: 1 }],
  ];
}

/** TD1 front: header, photo, personal data; no MRZ. */
function renderTd1Front(doc: PrintedDocument, style: DocumentStyle, rng: Rng): RenderedSide {
  const { w, h } = sizeOf('TD1', style);
  const c = new Canvas(w, h, style, rng);
  const v = visualValues(doc, style);
  background(c, 3.18);
  const band = rng.chance(0.5);
  const titles = title(doc.documentType, style.language);
  const country = countryName(doc.issuingCountry, style.language).toUpperCase();
  if (band) {
    c.add(
      `<path d="${roundedRect(0, 0, w, 9.5, [3.18, 3.18, 0, 0])}" fill="${style.scheme.ink}" fill-opacity="0.88"/>`,
    );
  }
  const headerFill = band ? '#ffffff' : style.scheme.ink;
  c.add(
    fitText(4, 4.6, country, 3.0 * style.fontScale, style.labelFamily, w - 20, {
      fill: headerFill,
      weight: 'bold',
    }),
  );
  const titleText =
    titles.english === titles.national ? titles.national : `${titles.national} / ${titles.english}`;
  c.add(fitText(4, 8.1, titleText, 2.0 * style.fontScale, style.labelFamily, w - 20, { fill: headerFill }));
  emblem(c, w - 8, 5, 3.4, band ? '#ffffff' : undefined);

  const photoWidth = 23 * (style.photoScale ?? 1);
  const photoHeight = 29.5 * (style.photoScale ?? 1);
  const photo: Box = {
    x: style.photoRight ? w - 3.5 - photoWidth : 3.5,
    y: 12,
    width: photoWidth,
    height: photoHeight,
  };
  const fields: Box = {
    x: style.photoRight ? 3.5 : photo.x + photo.width + 3,
    y: 11.2,
    width: w - photo.width - 10,
    height: h - 11.2 - 2.5,
  };
  c.add(portrait(rng.fork('portrait'), photo, rng.chance(0.6)));
  c.add(
    signature(rng.fork('signature'), {
      x: photo.x + 1,
      y: photo.y + photo.height + 2,
      width: photo.width - 2,
      height: 7,
    }),
  );
  const rows: Cell[][] = [
    [{ key: 'surname', value: v.surname, span: 1 }],
    [{ key: 'givenNames', value: v.givenNames, span: 1 }],
    shuffleCells(rng, [
      { key: 'sex', value: v.sex, span: 0.22 },
      { key: 'nationality', value: v.nationality, span: 0.36 },
      { key: 'dateOfBirth', value: v.dateOfBirth, span: 0.42 },
    ]),
    [
      { key: 'documentNumber', value: v.documentNumber, span: 0.5 },
      { key: 'dateOfExpiry', value: v.dateOfExpiry, span: 0.5 },
    ],
  ];
  fieldGrid(c, rows, fields, { label: 1.35, value: 2.45 });
  return finish(c, { photo, fields });
}

/** TD1 back: issuing details, a ghost image and the three-line MRZ. */
function renderTd1Back(doc: PrintedDocument, style: DocumentStyle, rng: Rng): RenderedSide {
  const { w, h } = sizeOf('TD1', style);
  const c = new Canvas(w, h, style, rng);
  const v = visualValues(doc, style);
  background(c, 3.18);
  const top = mrzTop('TD1', h);
  const ghost: Box = { x: w - 4 - 15, y: 4, width: 15, height: 19 };
  c.add(portrait(rng.fork('ghost'), ghost, true, 0.35));
  const fields: Box = { x: 4, y: 3.5, width: ghost.x - 4 - 3, height: top - 3.5 - 2 };
  fieldGrid(
    c,
    [
      [
        { key: 'dateOfIssue', value: v.dateOfIssue, span: 0.45 },
        { key: 'placeOfBirth', value: v.placeOfBirth, span: 0.55 },
      ],
      [{ key: 'authority', value: v.authority, span: 1 }],
    ],
    fields,
    { label: 1.35, value: 2.3 },
  );
  const mrz = mrzBlock(c, doc.mrzLines, 'TD1');
  return finish(c, { fields, mrz, photo: ghost });
}

/** Top edge of the MRZ zone (ICAO: the zone is about 17.9 mm on TD1, 14 mm on TD2, 17 mm on TD3). */
function mrzTop(layout: MrzLayout, h: number): number {
  const zone = layout === 'TD1' ? 17.9 : layout === 'TD3' || layout === 'MRV-A' ? 17 : 14;
  return h - zone;
}

/** Paper, tint and guilloche are rasterised separately (see `finish`); here only their parameters are drawn. */
function background(c: Canvas, radius: number): void {
  c.radius = radius;
  c.tintAngle = c.rng.int(0, 359);
}

/** Path of a rectangle whose corners have the given radii (top-left, top-right, bottom-right, bottom-left). */
function roundedRect(
  x: number,
  y: number,
  w: number,
  h: number,
  [tl, tr, br, bl]: [number, number, number, number],
): string {
  return (
    `M${n(x + tl)} ${n(y)}H${n(x + w - tr)}` +
    (tr ? `A${n(tr)} ${n(tr)} 0 0 1 ${n(x + w)} ${n(y + tr)}` : '') +
    `V${n(y + h - br)}` +
    (br ? `A${n(br)} ${n(br)} 0 0 1 ${n(x + w - br)} ${n(y + h)}` : '') +
    `H${n(x + bl)}` +
    (bl ? `A${n(bl)} ${n(bl)} 0 0 1 ${n(x)} ${n(y + h - bl)}` : '') +
    `V${n(y + tl)}` +
    (tl ? `A${n(tl)} ${n(tl)} 0 0 1 ${n(x + tl)} ${n(y)}` : '') +
    'Z'
  );
}

/** A stylised seal standing in for a coat of arms. */
function emblem(c: Canvas, cx: number, cy: number, r: number, colour?: string): void {
  const fill = colour ?? c.style.scheme.ink;
  const rays = c.rng.int(8, 16);
  let d = '';
  for (let i = 0; i < rays * 2; i++) {
    const a = (Math.PI * i) / rays;
    const rr = i % 2 === 0 ? r * 0.8 : r * 0.42;
    d += `${i === 0 ? 'M' : 'L'}${n(cx + rr * Math.cos(a))} ${n(cy + rr * Math.sin(a))}`;
  }
  c.add(
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="${fill}" stroke-opacity="0.55" stroke-width="0.25"/><path d="${d}Z" fill="${fill}" fill-opacity="0.55"/>`,
  );
}

function shuffleCells(rng: Rng, cells: Cell[]): Cell[] {
  if (rng.chance(0.6)) return cells;
  const out = [...cells];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Lays out captioned values row by row inside `box`. Rows flow downwards; a value too wide for its cell is
 * shrunk and, if still too wide, wrapped onto a second line, as issuers do with long names. When the rows
 * need more height than the box offers, every size is scaled down to fit.
 */
function fieldGrid(c: Canvas, rows: Cell[][], box: Box, base: { label: number; value: number }): void {
  const { style } = c;
  const plan = (scale: number) => {
    const labelSize = base.label * style.fontScale * scale;
    const valueSize = base.value * style.fontScale * scale;
    const out: string[] = [];
    let y = box.y;
    for (const row of rows) {
      let x = box.x;
      let rowHeight = 0;
      for (const cell of row) {
        const cellWidth = box.width * cell.span - 1.2;
        const caption = captionOf(cell.key, style);
        const placement = cell.key === 'signature' ? 'above' : (style.captionPlacement ?? 'above');
        if (placement !== 'above') {
          const drawn = captionAside(x, y, cell, caption, cellWidth, placement, labelSize, valueSize, style);
          out.push(...drawn.out);
          rowHeight = Math.max(rowHeight, drawn.height);
          x += box.width * cell.span;
          continue;
        }
        out.push(
          fitText(x, y + labelSize, caption, labelSize, style.labelFamily, cellWidth, {
            fill: style.scheme.ink,
            italic: style.labelItalic,
          }),
        );
        const valueTop = y + labelSize * 1.25;
        let height = labelSize * 1.25;
        if (cell.key === 'signature') {
          out.push(
            signature(c.rng.fork(`sig${y}`), {
              x: x + 1,
              y: valueTop + 0.3,
              width: Math.min(cellWidth - 2, 30),
              height: valueSize * 1.6,
            }),
          );
          height += valueSize * 1.9;
        } else {
          // Bold glyphs run about 10 % wider than the estimate's regular ones.
          const lines = wrapValue(
            cell.value,
            valueSize,
            style.valueFamily,
            cellWidth / (style.valueWeight === 'bold' ? 1.1 : 1),
          );
          for (const [i, line] of lines.lines.entries()) {
            out.push(
              text(x + 0.8, valueTop + lines.size * (0.95 + i * 1.15), line, {
                size: lines.size,
                family: style.valueFamily,
                fill: style.scheme.value,
                weight: style.valueWeight,
              }),
            );
          }
          height += lines.size * (0.95 + (lines.lines.length - 1) * 1.15) + valueSize * 0.45;
        }
        rowHeight = Math.max(rowHeight, height);
        x += box.width * cell.span;
      }
      y += rowHeight + valueSize * 0.25;
    }
    return { out, height: y - box.y };
  };
  let result = plan(1);
  if (result.height > box.height) result = plan(box.height / result.height);
  c.add(result.out.join(''));
}

/** A field's caption: the style's own text if it has one, numbered and upper-cased as the style prints them. */
function captionOf(key: LabelKey, style: DocumentStyle): string {
  const text = style.captions?.[key] ?? label(key, style.language);
  const numbered = style.numbered && NUMBERS[key] ? `${NUMBERS[key]}. ${text}` : text;
  return style.captionUpper ? numbered.toUpperCase() : numbered;
}

/**
 * A value with its caption below it, or (`inline`, on full-width rows) before it on the same line, as some
 * issuers lay out their pages. Returns the markup and the height used.
 */
function captionAside(
  x: number,
  y: number,
  cell: Cell,
  caption: string,
  cellWidth: number,
  placement: 'below' | 'inline',
  labelSize: number,
  valueSize: number,
  style: DocumentStyle,
): { out: string[]; height: number } {
  const out: string[] = [];
  const captionStyle = { fill: style.scheme.ink, italic: style.labelItalic };
  const inline = placement === 'inline' && cell.span >= 0.9;
  const captionWidth = inline
    ? Math.min(cellWidth * 0.4, estimateWidth(caption, labelSize, style.labelFamily)) + 1.5
    : 0;
  const valueWidth = (cellWidth - captionWidth) / (style.valueWeight === 'bold' ? 1.1 : 1);
  const lines = wrapValue(cell.value, valueSize, style.valueFamily, valueWidth);
  const baseline = (i: number) => y + lines.size * (0.95 + i * 1.15);
  for (const [i, line] of lines.lines.entries()) {
    out.push(
      text(x + captionWidth + 0.8, baseline(i), line, {
        size: lines.size,
        family: style.valueFamily,
        fill: style.scheme.value,
        weight: style.valueWeight,
      }),
    );
  }
  const valueHeight = lines.size * (0.95 + (lines.lines.length - 1) * 1.15);
  if (inline) {
    out.push(
      fitText(x, baseline(0), caption, labelSize, style.labelFamily, captionWidth - 1.5, captionStyle),
    );
    return { out, height: valueHeight + valueSize * 0.45 };
  }
  out.push(
    fitText(
      x,
      y + valueHeight + labelSize * 1.3,
      caption,
      labelSize,
      style.labelFamily,
      cellWidth,
      captionStyle,
    ),
  );
  return { out, height: valueHeight + labelSize * 1.3 + valueSize * 0.45 };
}

function wrapValue(
  value: string,
  size: number,
  family: string,
  maxWidth: number,
): { lines: string[]; size: number } {
  const width = estimateWidth(value, size, family);
  if (width <= maxWidth) return { lines: [value], size };
  if (width * 0.75 <= maxWidth) return { lines: [value], size: (size * maxWidth) / width };
  const words = value.split(' ');
  if (words.length > 1) {
    const small = size * 0.85;
    let first = '';
    for (const word of words) {
      const candidate = first ? `${first} ${word}` : word;
      if (first && estimateWidth(candidate, small, family) > maxWidth) break;
      first = candidate;
    }
    const second = value.slice(first.length).trim();
    if (second) {
      const longest = Math.max(estimateWidth(first, small, family), estimateWidth(second, small, family));
      return { lines: [first, second], size: longest > maxWidth ? (small * maxWidth) / longest : small };
    }
  }
  return { lines: [value], size: (size * maxWidth) / width };
}

/**
 * The MRZ, one glyph per character cell of the style's pitch (ICAO's 2.54 mm unless the style varies it within
 * tolerance) so the pitch is exact whatever the font's advance, with a little per-character jitter as real
 * printers have. Returns the zone's box (mm).
 */
function mrzBlock(c: Canvas, lines: string[], layout: MrzLayout): Box {
  const { family, fontSize, pitch, linePitch } = c.style.mrz;
  const capHeight = fontSize * MRZ_FONTS[family].capHeight;
  const length = lines[0]?.length ?? 0;
  const lineWidth = length * pitch;
  const x0 = (c.w - lineWidth) / 2 + c.style.mrzOffset.x;
  const bottomMargin = (layout === 'TD1' ? 3.6 : 4.4) + c.style.mrzOffset.y;
  const lastBaseline = c.h - bottomMargin;
  const firstBaseline = lastBaseline - (lines.length - 1) * linePitch;
  // ICAO keeps the MRZ free of disturbing print: a lighter wash of paper over the pattern.
  const zoneTop = firstBaseline - capHeight - 1.6;
  c.add(
    `<path d="${roundedRect(0, zoneTop, c.w, c.h - zoneTop, [0, 0, c.radius, c.radius])}" fill="${c.style.scheme.paper}" fill-opacity="0.55"/>`,
  );
  // One <text> per line, each character centred in its cell: exact pitch whatever the face's advances, and a
  // little printer jitter (see placedGlyphs: FreeMono's own advance is wider than the pitch, and its zone ran off
  // the card when the face placed the characters).
  const jitter = c.rng.fork('mrz-jitter');
  const texts = lines.map((line, row) => {
    const baseline = firstBaseline + row * linePitch + jitter.float(-0.04, 0.04);
    const xs = [...line].map((_, i) => x0 + (i + 0.5) * pitch + jitter.float(-0.04, 0.04));
    return `<text y="${n(baseline)}">${placedGlyphs(line, xs)}</text>`;
  });
  c.add(
    `<g font-family="${MRZ_FONTS[family].family}" font-size="${n(fontSize)}" fill="#111111" text-anchor="middle">${texts.join('')}</g>`,
  );
  return {
    x: x0 - 1,
    y: firstBaseline - capHeight - 0.8,
    width: lineWidth + 2,
    height: lastBaseline - firstBaseline + capHeight + 1.8,
  };
}

/** Wraps the canvas in the scanner-bed margin and converts regions from mm to pixels. */
function finish(c: Canvas, mm: { photo?: Box; fields?: Box; mrz?: Box }): RenderedSide {
  const { style } = c;
  const m = style.marginMm;
  const k = style.dpi / 25.4;
  const width = Math.round((c.w + 2 * m) * k);
  const height = Math.round((c.h + 2 * m) * k);
  const toPx = (b: Box): Box => ({
    x: Math.round((b.x + m) * k),
    y: Math.round((b.y + m) * k),
    width: Math.round(b.width * k),
    height: Math.round(b.height * k),
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${n(c.w + 2 * m)} ${n(c.h + 2 * m)}">` +
    `<g transform="translate(${n(m)} ${n(m)})">${c.parts.join('')}` +
    `<rect x="0" y="0" width="${c.w}" height="${c.h}" rx="${c.radius}" fill="none" stroke="#000000" stroke-opacity="0.18" stroke-width="0.12"/></g></svg>`;
  const background: BackgroundSpec = {
    width,
    height,
    pxPerMm: k,
    doc: { x: m, y: m, width: c.w, height: c.h, radius: c.radius },
    backdrop: style.backdrop,
    paper: style.scheme.paper,
    tint: style.scheme.tint,
    tintOpacity: style.tintOpacity ?? 0.8,
    tintAngle: c.tintAngle,
    patternColours: style.scheme.pattern,
    density: style.patternDensity,
    patternOpacity: 1,
    seed: c.rng.fork('guilloche').seed,
  };
  const regions: Regions = { document: toPx({ x: 0, y: 0, width: c.w, height: c.h }) };
  if (mm.photo) regions.photo = toPx(mm.photo);
  if (mm.fields) regions.fields = toPx(mm.fields);
  if (mm.mrz) regions.mrz = toPx(mm.mrz);
  return { background, svg, width, height, regions };
}
