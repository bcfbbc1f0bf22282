import type { MrzRead, OcrEngine, VisualZoneRead } from '@idv/ocr';
import type { DecodedPixels, QualityReport } from '@idv/quality';
import type { DocumentSide } from '../document.reader';
import { MrzDocumentReader } from './mrz-document.reader';

/**
 * The reader's decisions on given OCR reads: the engine answers with the lines and the page text a photo gave
 * (the OCR itself has its own specs and the analyser's run it on images); what is tested here is what the reader
 * makes of them.
 */
function engine(read: Partial<MrzRead>, page: string) {
  const calls = { page: 0 };
  const ocr = {
    readMrz: async () =>
      ({
        found: true,
        exact: false,
        format: read.lines?.length === 3 ? 'TD1' : 'TD3',
        valid: false,
        checkDigitsPassed: 0,
        checkDigitsTotal: 0,
        confidence: 0.9,
        rotation: 0,
        skew: 0,
        attempts: 1,
        ms: 1,
        ...read,
      }) as MrzRead,
    readVisualZone: async (): Promise<VisualZoneRead> => {
      calls.page++;
      return { blocks: [], text: page, confidence: 0.9, ms: 1 };
    },
  };
  return { ocr: ocr as unknown as OcrEngine, calls };
}

const side = (name: 'front' | 'back'): DocumentSide => ({
  name,
  image: { grey: { width: 1, height: 1, data: new Uint8Array(1) } } as unknown as DecodedPixels,
  quality: { document: { found: false, box: null, cutOff: [] } } as unknown as QualityReport,
});

const context = (record: Record<string, string>) => ({
  record: { surname: '', givenNames: '', dateOfBirth: '', nationality: '', ...record },
  today: '2026-12-01',
  declared: null,
  minConfidence: 0.6,
});

/** A generated Polish card (FH1261703) whose number the MRZ model read with its 6 as G, and the front's text. */
function readPolishCard(page: string) {
  const lines = [
    'IDPOLFH12G17032<<<<<<<<<<<<<<<',
    '8710053F3004250POL<<<<<<<<<<<4',
    'LUKASIEWICZ<<ZANETA<<<<<<<<<<<',
  ];
  const { ocr } = engine({ lines, valid: true }, page);
  return new MrzDocumentReader(ocr).read(
    [side('front'), side('back')],
    context({ surname: 'Łukasiewicz', givenNames: 'Żaneta', dateOfBirth: '1987-10-05', nationality: 'POL' }),
  );
}

describe('MrzDocumentReader with the printed page as second witness', () => {
  it('puts back the character a photographed TD1 line lost where the front prints the number so', async () => {
    const raw = [
      'I<FINLV8L68185<<<<<<<<<<<<<<<',
      '6203124F3103108FIN<<<<<<<<<<<4',
      'HAMALAINEN<<PAIVI<<<<<<<<<<<<<',
    ];
    const lines = raw.map((l) => l.padEnd(30, '<'));
    const { ocr, calls } = engine(
      { lines, zone: { raw, lines, exact: false, flip: false } as unknown as MrzRead['zone'] },
      'FINLAND\nHAMALAINEN\nPAIVI\nLV83L6818 2031-03-10\nDocument No',
    );
    const read = await new MrzDocumentReader(ocr).read(
      [side('front'), side('back')],
      context({ surname: 'Hämäläinen', givenNames: 'Päivi', dateOfBirth: '1962-03-12', nationality: 'FIN' }),
    );
    expect(calls.page).toBe(1);
    expect(read.evidence.fields.documentNumber?.value).toBe('LV83L6818');
    expect(read.evidence.readable).toBe(true);
    expect(read.checks.mrz).toMatchObject({
      valid: true,
      lines,
      repairs: [{ line: 0, column: 8, from: '', to: '3' }],
    });
    expect(read.evidence.checks.every((c) => c.holds)).toBe(true);
  });

  it('leaves the read failing where the page does not print the filling, and says the check digit failed', async () => {
    const raw = [
      'I<FINLV8L68185<<<<<<<<<<<<<<<',
      '6203124F3103108FIN<<<<<<<<<<<4',
      'HAMALAINEN<<PAIVI<<<<<<<<<<<<<',
    ];
    const lines = raw.map((l) => l.padEnd(30, '<'));
    const { ocr } = engine(
      { lines, zone: { raw, lines, exact: false, flip: false } as unknown as MrzRead['zone'] },
      'FINLAND\nHAMALAINEN',
    );
    const read = await new MrzDocumentReader(ocr).read(
      [side('front'), side('back')],
      context({ surname: 'Hämäläinen', givenNames: 'Päivi', dateOfBirth: '1962-03-12', nationality: 'FIN' }),
    );
    expect(read.checks.mrz).toMatchObject({ valid: false, repairs: [] });
    expect(read.evidence.checks.some((c) => !c.holds && c.reason === 'MRZ_CHECK_DIGIT_INVALID')).toBe(true);
  });

  it('proves a number read with a G among its digits by the page printing it with the 6', async () => {
    const read = await readPolishCard('RZECZPOSPOLITA POLSKA\nFH1261703\nLUKASIEWICZ');
    expect(read.evidence.fields.documentNumber?.value).toBe('FH1261703');
    expect(read.checks.mrz).toMatchObject({ repairs: [{ line: 0, column: 9, from: 'G', to: '6' }] });
    // No check left failing: the number is proven, not sent to review as unproven.
    expect(read.evidence.checks.filter((c) => !c.holds)).toEqual([]);
  });

  it('sends the same number to review when the page does not show it', async () => {
    const read = await readPolishCard('RZECZPOSPOLITA POLSKA\nLUKASIEWICZ');
    expect(read.evidence.fields.documentNumber?.value).toBe('FH12G1703');
    expect(read.evidence.checks.filter((c) => !c.holds).map((c) => c.name)).toEqual(['mrz.layout']);
  });

  it("repairs a birth date's slipped digit that the page prints, and the record then matches", async () => {
    const lines = [
      'P<ISLSIGURDARDOTTIR<<ARNI<<<<<<<<<<<<<<<<<<<',
      'MXKCN72742ISL4994162M2301077<<<<<<<<<<<<<<00',
    ];
    const { ocr } = engine({ lines }, 'PASSPORT\nSIGURDARDOTTIR\nARNI\nDate of birth 16 APR 1949\nMXKCN7274');
    const read = await new MrzDocumentReader(ocr).read(
      [side('front')],
      context({
        surname: 'Sigurðardóttir',
        givenNames: 'Árni',
        dateOfBirth: '1949-04-16',
        nationality: 'ISL',
      }),
    );
    expect(read.evidence.fields.dateOfBirth?.value).toBe('1949-04-16');
    expect(read.checks.mrz).toMatchObject({
      valid: true,
      repairs: [{ line: 1, column: 15, from: '9', to: '0' }],
    });
  });
});
