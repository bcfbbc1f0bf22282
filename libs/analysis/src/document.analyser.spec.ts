import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import {
  applyDefect,
  decodeImage,
  encodeImage,
  caseSeed,
  generateCase,
  type GeneratedCase,
  type GenerateCaseOptions,
} from '@idv/synthetic';
import { withMinDocumentPixels } from '@idv/quality';
import { DocumentAnalyser } from './document.analyser';
import { documentKeySource, finalise } from './finalise';

const corpus = process.env.IDV_CORPUS_DIR ?? path.resolve(__dirname, '../../../../shared/corpus');
const specimenDir = path.join(corpus, 'specimens');

let analyser: DocumentAnalyser;
beforeAll(async () => {
  analyser = await DocumentAnalyser.create();
}, 30_000);
afterAll(() => analyser.close());

/** Seeds picked once from the generator's deterministic output; each names the case it stands for. */
async function generated(seed: number, options: GenerateCaseOptions): Promise<GeneratedCase> {
  return generateCase(seed, options);
}

async function analyseCase({ case: c, images }: GeneratedCase) {
  return analyser.analyse({ front: images.front, back: images.back, record: c.record, today: c.today });
}

const codes = (o: { reasons: { code: string; field: string | null }[] }) =>
  o.reasons.map((r) => (r.field ? `${r.code}:${r.field}` : r.code));

describe('DocumentAnalyser on generated documents', () => {
  it('accepts a clean passport whose every field matches the record', async () => {
    const c = await generated(1, { scenario: 'clean', documentType: 'passport' });
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('accepted');
    expect(outcome.reasons).toEqual([]);
    expect(Object.values(outcome.checks.comparison).every((s) => s === 'match')).toBe(true);
    expect(outcome.checks.comparison).toMatchObject({
      surname: 'match',
      givenNames: 'match',
      dateOfBirth: 'match',
    });
    expect(outcome.checks.mrz).toMatchObject({
      found: true,
      valid: true,
      lines: c.case.groundTruth.mrzLines,
    });
    expect(outcome.document).toMatchObject({
      type: 'passport',
      format: 'TD3',
      documentNumber: c.case.groundTruth.documentNumber,
      dateOfBirth: c.case.groundTruth.dateOfBirth,
      expiryDate: c.case.groundTruth.expiryDate,
    });
    expect(documentKeySource(outcome)).toEqual({
      issuingCountry: c.case.groundTruth.issuingCountry,
      documentNumber: c.case.groundTruth.documentNumber,
    });
  });

  it('accepts a Chinese applicant registered in Han characters', async () => {
    const c = await generated(6, { scenario: 'clean', documentType: 'passport' });
    expect(c.case.record.surname).toMatch(/\p{Script=Han}/u);
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('accepted');
    expect(outcome.checks.comparison).toMatchObject({ surname: 'match', givenNames: 'match' });
  });

  it('calls a record that differs a mismatch and names the field', async () => {
    const c = await generated(1, { scenario: 'mismatch', documentType: 'passport' });
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('mismatch');
    expect(codes(outcome)).toContain(`FIELD_MISMATCH:${c.case.mismatchField}`);
    expect(outcome.checks.comparison[c.case.mismatchField!]).toBe('mismatch');
    const reason = outcome.reasons.find((r) => r.code === 'FIELD_MISMATCH')!;
    expect(reason.hint.en.length).toBeGreaterThan(0);
    expect(reason.hint['zh-CN']).toMatch(/\p{Script=Han}/u);
  });

  it('calls an expired document expired', async () => {
    const c = await generated(1, { scenario: 'expired', documentType: 'passport' });
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('expired');
    expect(codes(outcome)).toContain('DOCUMENT_EXPIRED');
    expect(outcome.checks.expiry.expired).toBe(true);
  });

  it('rejects a tampered MRZ whose check digits OCR does not explain', async () => {
    const c = await generated(1, { scenario: 'tampered', documentType: 'passport' });
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('rejected');
    expect(codes(outcome)).toEqual(['MRZ_CHECK_DIGIT_INVALID']);
    expect(outcome.checks.mrz.valid).toBe(false);
    expect(documentKeySource(outcome)).toBeNull();
  });

  it('calls a card a copy only when no side of it is in colour (a pale back is the design)', async () => {
    const c = await generated(1, { scenario: 'clean', documentType: 'id_card' }); // a TD1 card, front and back
    expect(c.images.back).toBeDefined();
    const grey = (image: Buffer) => sharp(image).greyscale().png().toBuffer();
    const paleBack = await analyseCase({ ...c, images: { ...c.images, back: await grey(c.images.back!) } });
    expect(paleBack.verdict).toBe('accepted');
    const copied = await analyseCase({
      ...c,
      images: { front: await grey(c.images.front), back: await grey(c.images.back!) },
    });
    expect(copied.verdict).toBe('unreadable');
    expect(codes(copied)).toContain('DOCUMENT_COPY');
  });

  it('calls a payment or loyalty card unsupported', async () => {
    const c = await generated(1, { scenario: 'unsupported' });
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('unsupported');
    expect(codes(outcome)).toContain('DOCUMENT_TYPE_UNSUPPORTED');
  });

  it('calls a loyalty card unsupported whose barcode number reads as an HKID number that verifies', async () => {
    // Holdout case 51 of seed 20261206: `IE2077974` read where an HKID prints its number passes the HKID check
    // (one chance in eleven); the card shows no HKID title and no date of birth, and no one said it was an HKID.
    const c = await generated(429926392, { styleSet: 'holdout', scenario: 'unsupported' });
    const outcome = await analyseCase(c);
    expect(outcome.checks.evidence.family).not.toBe('hk_identity_card');
    expect(outcome.verdict).toBe('unsupported');
  });

  /** The document photographed on a dark desk, turned by `angle` degrees. */
  async function onDesk(image: Buffer, angle: number, seed: number): Promise<Buffer> {
    const photo = await applyDefect(await decodeImage(image), {
      kind: 'desk',
      scale: 0.6,
      angle,
      tilt: 0.05,
      seed,
    });
    return (await encodeImage(photo)).bytes;
  }

  it('settles a one-letter surname typo on a visa photographed skewed on a desk: a mismatch', async () => {
    // Generator seed of a visa on a dark desk turned by 8.6°, whose record misspells one letter of a long
    // surname; tesseract's page layout found no text on it until the page was cropped and deskewed.
    const c = await generateCase(986649820);
    expect(c.case.variant).toBe('mismatch-surname-typo-desk');
    const outcome = await analyseCase(c);
    expect(outcome.checks.mrz.valid).toBe(true);
    // Settled by a second source: both recognisers' readings of the MRZ, or the printed page.
    expect([outcome.checks.secondReading, outcome.checks.visualZone]).toContainEqual(
      expect.objectContaining({ fields: expect.objectContaining({ surname: 'agree' }) }),
    );
    expect(outcome.verdict).toBe('mismatch');
    expect(codes(outcome)).toContain('FIELD_MISMATCH:surname');
  });

  it('calls a registered given name that is the start of the printed one a mismatch (CELIN for CELINE)', async () => {
    const c = await generateCase(235717716);
    expect(c.case.variant).toBe('mismatch-givenNames-typo');
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('mismatch');
    expect(codes(outcome)).toContain('FIELD_MISMATCH:givenNames');
  });

  it('reads a TD2 card turned by 90° whose two MRZ lines the locator found apart', async () => {
    // Generator seed of a clean Irish TD2 card photographed a quarter turn off: the band locator returns each
    // MRZ line as its own band, so the reader must widen a band that reads as one MRZ line.
    const c = await generateCase(7103, { scenario: 'mild', today: '2026-11-01' });
    expect(c.case.variant).toBe('mild-quarter-rotation');
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('accepted');
    expect(outcome.checks.mrz).toMatchObject({
      valid: true,
      rotation: 90,
      lines: c.case.groundTruth.mrzLines,
    });
  });

  /** The document cut out of its scan, `inset` pixels inside its edges on every side. */
  async function croppedInside(image: Buffer, inset: number): Promise<Buffer> {
    const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
    const backdrop = data[0];
    let [x0, y0, x1, y1] = [info.width, info.height, 0, 0];
    for (let y = 0; y < info.height; y++)
      for (let x = 0; x < info.width; x++)
        if (Math.abs(data[y * info.width + x] - backdrop) > 12)
          [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    const [width, height] = [x1 - x0 + 1 - 2 * inset, y1 - y0 + 1 - 2 * inset];
    return sharp(image)
      .extract({ left: x0 + inset, top: y0 + inset, width, height })
      .png()
      .toBuffer();
  }

  it('accepts a passport page scanned to (just inside) its edges whose MRZ reads and verifies', async () => {
    const c = await generated(1, { scenario: 'clean', documentType: 'passport' });
    const front = await croppedInside(c.images.front, 50);
    const outcome = await analyser.analyse({ front, record: c.case.record, today: c.case.today });
    // The framing check sees print crossing every border: the page looks cut off, and is not.
    expect(outcome.checks.quality.issues).toContainEqual({ code: 'DOCUMENT_CUT_OFF', severity: 'fail' });
    expect(outcome.checks.mrz).toMatchObject({ valid: true, lines: c.case.groundTruth.mrzLines });
    expect(outcome.verdict).toBe('accepted');
    expect(outcome.reasons).toEqual([]);
  });

  // Genuine documents with their MRZ in another face than OCR-B, which the service used to call fraud: a glyph
  // read as two (6 as G6) shifts a line by one character and fails a check digit on a sound document.
  it.each([
    ['DejaVu Sans Mono', 1003],
    ['Noto Mono', 1012],
    ['Noto Mono', 1016],
    ['DejaVu Sans', 1009],
  ])('never calls a genuine document with its MRZ in %s fraud (seed %d)', async (mrzFont, seed) => {
    const c = await generated(seed, { mrzFont, scenarios: { tampered: 0, unsupported: 0 } });
    const outcome = await analyseCase(c);
    expect(outcome.verdict).not.toBe('rejected');
    expect([outcome.verdict, outcome.reasons.map((r) => r.code)]).toEqual([
      c.case.expectedVerdict,
      expect.arrayContaining(c.case.expectedReasons),
    ]);
  });

  it.each([
    [124, 'MÄKNIEN'],
    [336, 'SCHRÖDR'],
  ])(
    'calls a one-letter typo in a name printed with diacritics a mismatch (seed %d, record %s)',
    async (seed, typo) => {
      // Clean passports printing MÄKINEN and SCHRÖDER; their MRZ holds MAEKINEN and SCHROEDER.
      const c = await generated(seed, { scenario: 'clean' });
      const outcome = await analyser.analyse({
        front: c.images.front,
        record: { ...c.case.record, surname: typo },
        today: c.case.today,
      });
      // Both recognisers read the MRZ's name alike, or the printed page shows it as read: the record differs.
      const settledBy = [
        (outcome.checks.secondReading as { fields: Record<string, string> }).fields.surname,
        outcome.checks.visualZone.fields.surname,
      ];
      expect(settledBy).toContain('agree');
      expect([outcome.verdict, codes(outcome)]).toEqual(['mismatch', ['FIELD_MISMATCH:surname']]);
    },
  );

  it('calls a dark payment card photographed on a desk unsupported, not unreadable', async () => {
    const c = await generated(1, { scenario: 'unsupported' });
    const front = await onDesk(c.images.front, 3, 12);
    const outcome = await analyser.analyse({ front, record: c.case.record, today: c.case.today });
    expect(outcome.verdict).toBe('unsupported');
  });

  it('calls a loyalty card tilted on a dark desk unsupported where its framed, deskewed read loses a letter', async () => {
    // Holdout seed 20261218, case 62: read within the framing box and turned by the lines' angle, `MEMBER CARD`
    // came out `EMBER CARD`, and the card was answered unreadable.
    const c = await generated(caseSeed(20261218, 62), { styleSet: 'holdout' });
    expect(c.case.variant).toBe('unsupported-desk');
    const outcome = await analyseCase(c);
    expect([outcome.verdict, codes(outcome)]).toEqual(['unsupported', ['DOCUMENT_TYPE_UNSUPPORTED']]);
  });

  it('reads an MRZ half in a shadow, half in light on a photographed card', async () => {
    // Holdout seed 20261218, case 113: the band crop binarised with one threshold read `EG`, and the card, its
    // zone plainly legible, was answered unreadable.
    const c = await generated(caseSeed(20261218, 113), { styleSet: 'holdout' });
    expect(c.case.variant).toBe('mild-photo-shadow');
    const outcome = await analyseCase(c);
    expect(outcome.checks.mrz.lines).toEqual(c.case.groundTruth.mrzLines);
    expect(outcome.verdict).toBe('accepted');
  });

  it('rejects a heavily blurred photo as unreadable before any OCR', async () => {
    const c = await generated(21, { scenario: 'severe', documentType: 'passport' });
    expect(c.case.variant).toBe('severe-blur');
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('unreadable');
    expect(codes(outcome)).toContain('IMAGE_BLURRED');
    expect(outcome.timings.mrz).toBeUndefined();
    expect(outcome.timings.total).toBeLessThan(1500);
  });

  it('re-decides with the applicant restriction and the duplicate-document signal', async () => {
    const c = await generated(2, { scenario: 'clean', documentType: 'passport' });
    const outcome = await analyseCase(c);
    expect(outcome.verdict).toBe('accepted');
    const restricted = finalise(outcome, {
      restriction: { until: '2026-12-01T00:00:00.000Z', reason: 'TOO_MANY_ATTEMPTS' },
    });
    expect(restricted.verdict).toBe('restricted');
    expect(codes(restricted)).toEqual(['TOO_MANY_ATTEMPTS']);
    const duplicate = finalise(outcome, { duplicate: true });
    expect(duplicate.verdict).toBe('rejected');
    expect(codes(duplicate)).toEqual(['DUPLICATE_DOCUMENT']);
    expect(finalise(outcome).verdict).toBe('accepted');
  });
});

/** A PNG whose header declares `width`×`height`, with a few rows of data: a decompression bomb's shape. */
function declaredPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((width + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('DocumentAnalyser on a document too small to keep as evidence', () => {
  /** A clean generated ID card (front and back) as a crop of `width` pixels, as a wallet might send it. */
  async function cardAt(width: number): Promise<GeneratedCase> {
    const c = await generated(3, { scenario: 'clean', documentType: 'id_card' });
    const shrink = (bytes: Buffer) => sharp(bytes).resize({ width }).png().toBuffer();
    return {
      case: c.case,
      images: { front: await shrink(c.images.front), back: c.images.back && (await shrink(c.images.back)) },
    };
  }

  it('answers a card 250 px wide unreadable with IMAGE_LOW_RESOLUTION and a hint to move closer', async () => {
    const outcome = await analyseCase(await cardAt(250));
    expect(outcome.verdict).toBe('unreadable');
    expect(codes(outcome)).toEqual(['IMAGE_LOW_RESOLUTION']);
    expect(outcome.reasons[0].hint.en).toMatch(/closer/);
    expect(outcome.reasons[0].hint['zh-CN']).toMatch(/靠近/);
    expect(outcome.timings.mrz).toBeUndefined();
  });

  it('does not refuse the same card 320 px wide for its size, and reads it', async () => {
    const outcome = await analyseCase(await cardAt(320));
    expect(outcome.verdict).toBe('accepted');
    expect(outcome.checks.quality.issues).not.toContainEqual({
      code: 'IMAGE_LOW_RESOLUTION',
      severity: 'fail',
    });
  });

  it('takes the floor from its thresholds (IDV_MIN_DOCUMENT_PIXELS): at 400 px the 320 px card is refused', async () => {
    const strict = await DocumentAnalyser.create({
      ocr: analyser.engine,
      thresholds: withMinDocumentPixels(400),
    });
    const { case: c, images } = await cardAt(320);
    const outcome = await strict.analyse({ ...images, record: c.record, today: c.today });
    expect(outcome.verdict).toBe('unreadable');
    expect(codes(outcome)).toEqual(['IMAGE_LOW_RESOLUTION']);
    expect(outcome.engineVersion).toContain('+min-document-400px');
  });
});

describe('DocumentAnalyser on bad input', () => {
  const record = {
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    dateOfBirth: '1974-08-12',
    nationality: 'SWE',
  };
  const analyse = (front: Buffer) => analyser.analyse({ front, record, today: '2026-11-01' });

  it.each<[string, () => Promise<Buffer>, string]>([
    [
      'undecodable bytes',
      async () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
      'IMAGE_CORRUPT',
    ],
    ['a zero-byte file', async () => Buffer.alloc(0), 'IMAGE_CORRUPT'],
    [
      'a truncated PNG',
      async () => {
        const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#c8b4a0' } })
          .png()
          .toBuffer();
        return png.subarray(0, Math.floor(png.length / 2));
      },
      'IMAGE_CORRUPT',
    ],
    ['a 30000×30000 decompression bomb', async () => declaredPng(30_000, 30_000), 'FILE_TOO_LARGE'],
    [
      'an SVG',
      async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"/>'),
      'FILE_TYPE_UNSUPPORTED',
    ],
    [
      'a PDF',
      async () => Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      'FILE_TYPE_UNSUPPORTED',
    ],
  ])('answers %s with a clear unreadable verdict', async (_name, bytes, code) => {
    const started = performance.now();
    const outcome = await analyse(await bytes());
    expect(outcome.verdict).toBe('unreadable');
    expect(codes(outcome)).toEqual([code]);
    expect(outcome.reasons[0].hint['zh-CN'].length).toBeGreaterThan(0);
    expect(outcome.checks.quality.decode?.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('answers a 1×1 image as unreadable', async () => {
    const pixel = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    const outcome = await analyse(pixel);
    expect(outcome.verdict).toBe('unreadable');
    expect(codes(outcome)).toContain('IMAGE_LOW_RESOLUTION');
  });

  it('still works after all of them', async () => {
    const c = await generated(3, { scenario: 'clean', documentType: 'passport' });
    expect((await analyseCase(c)).verdict).toBe('accepted');
  });
});

describe('DocumentAnalyser on real specimens', () => {
  const manifestPath = path.join(specimenDir, 'manifest.json');
  const present = existsSync(manifestPath);
  if (!present) console.log(`corpus not found at ${corpus} (set IDV_CORPUS_DIR): specimen tests skipped`);
  const truthOf = (file: string) =>
    (
      JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        file: string;
        ground_truth: Record<string, string>;
      }[]
    ).find((s) => s.file === file)!.ground_truth;
  const analyseSpecimen = (file: string, today: string) => {
    const truth = truthOf(file);
    return analyser.analyse({
      front: readFileSync(path.join(specimenDir, file)),
      record: {
        surname: truth.surname,
        givenNames: truth.given_names,
        dateOfBirth: truth.birth_date,
        nationality: truth.nationality,
        documentNumber: truth.document_number,
      },
      today,
    });
  };

  (present ? it : it.skip)(
    'accepts the Canadian passport specimen with its ground-truth record',
    async () => {
      const truth = truthOf('can-passport-arg.png');
      const outcome = await analyseSpecimen('can-passport-arg.png', '2022-06-01');
      expect(outcome.verdict).toBe('accepted');
      expect(outcome.document).toMatchObject({
        documentNumber: truth.document_number,
        dateOfBirth: truth.birth_date,
        expiryDate: truth.expiry_date,
      });
    },
  );

  (present ? it : it.skip)(
    "accepts the Japanese passport specimen whose MRZ's XS… OCR reads X5…: the page prints XS… and every check digit verifies with it",
    async () => {
      const truth = truthOf('jpn-passport-arg.png');
      const outcome = await analyseSpecimen('jpn-passport-arg.png', '2015-06-01');
      expect(outcome.verdict).toBe('accepted');
      expect(outcome.document).toMatchObject({ documentNumber: 'XS1234567', expiryDate: truth.expiry_date });
      // The lines stay as read; the repair says which character the page settled.
      expect(outcome.checks.mrz.lines[1].slice(0, 9)).toBe('X51234567');
      expect(outcome.checks.mrz.repairs).toEqual([{ line: 1, column: 1, from: '5', to: 'S' }]);
      expect(outcome.checks.visualZone.fields.documentNumber).toBe('agree');
    },
  );
});
