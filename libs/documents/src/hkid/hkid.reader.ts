import { performance } from 'node:perf_hooks';
import { parseHkidNumber, type HkidNumber } from '@idv/id-numbers';
import type { RegistrationRecord } from '@idv/matching';
import type { OcrEngine, TextLine } from '@idv/ocr';
import type { DocumentEvidence, DocumentField, DocumentType, FieldEvidence, ReasonSpec } from '@idv/verdict';
import type { DocumentRead, DocumentReader, DocumentSide, ReadContext } from '../document.reader';
import { uprightCandidates, type UprightCard } from '../cards/card-image';
import { readCardLines } from '../cards/card-lines';
import { readCardNumber, readWindow, type CardNumberRead, type CardNumberSpec } from '../cards/card-number';
import { HKID_LAYOUT, type HkidLayout } from './hkid.layout';
import { hkidNumberIn, isHkidTitle, parseHkid, type HkidText } from './hkid.text';

/** Scale of the field column and the title: print of 2–3 mm at ~20–30 px. */
const FIELD_SCALE = 0.6;

interface HkidCard {
  side: DocumentSide;
  card: UprightCard;
  number: CardNumberRead<HkidNumber> | null;
  text: HkidText;
}

const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

/**
 * The reader of the Hong Kong Identity Card (one side). The card is turned upright and known by its number
 * (`A123456(3)`, read with letters, digits and brackets only) or its title; then the column of fields is read
 * once with the Chinese model, which reads the Chinese name, the English name and the dates alike. The English
 * name is the card's `fullName`: an HKID's romanisation is Cantonese and is compared as printed, never through
 * pinyin.
 */
export class HkidReader implements DocumentReader {
  readonly family = 'hk_identity_card';
  readonly documentTypes: readonly DocumentType[] = ['hk_identity_card'];
  private readonly numberSpec: CardNumberSpec<HkidNumber>;

  constructor(
    private readonly ocr: OcrEngine,
    private readonly layout: HkidLayout = HKID_LAYOUT,
  ) {
    this.numberSpec = {
      window: layout.number,
      // The number is printed in OCR-B, which the MRZ model knows (the English model reads its Z as 2); that
      // model has no brackets and reads them as C and D, or 0, which the number's shape tells from its characters.
      script: 'number',
      whitelist: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
      parse: hkidNumberIn,
      valid: (n) => n.checkDigitValid,
      value: (n) => n.value,
    };
  }

  suggestedBy(record: RegistrationRecord): boolean {
    if (record.documentType) return record.documentType === 'hk_identity_card';
    // A letter and seven digits is also a common passport number: the brackets, or a Chinese or Hong Kong
    // nationality, make it an HKID number.
    const number = record.documentNumber ?? '';
    const nationality = record.nationality?.toUpperCase();
    return (
      parseHkidNumber(number) !== null &&
      (/\(/.test(number) || nationality === 'HKG' || nationality === 'CHN')
    );
  }

  async read(sides: readonly DocumentSide[], context: ReadContext): Promise<DocumentRead> {
    const timings: Record<string, number> = {};
    const t = performance.now();
    const expected = context.declared === 'hk_identity_card' || this.suggestedBy(context.record);
    // The way up whose number passes its check; else the first whose number was read (a forged number, or a
    // misread); else the first that shows the title. A turned or wrongly flattened card can show a line of the
    // number's shape (the photo's edge above the number read as B90000000), so a failing number does not end the
    // search.
    type Seen = Pick<HkidCard, 'side' | 'card' | 'number'> & { title: TextLine[] };
    let valid: Seen | null = null;
    let misread: Seen | null = null;
    let titled: Seen | null = null;
    for (const side of sides) {
      const candidates = await uprightCandidates(side);
      for (const candidate of expected ? candidates : candidates.slice(0, 1)) {
        const card = await candidate();
        const number = await readCardNumber(this.ocr, card.image, this.numberSpec);
        if (number?.number.checkDigitValid) {
          valid = { side, card, number, title: [] };
          break;
        }
        if (number) {
          misread ??= { side, card, number, title: [] };
          continue;
        }
        // Unasked for, the card must show its number the right way up (see ResidentIdReader).
        if (!expected || titled) continue;
        const title = await readCardLines(this.ocr, card.image, this.layout.title);
        if (isHkidTitle(title)) titled = { side, card, number: null, title };
      }
      if (valid) break;
    }
    const seen = valid ?? misread ?? titled;
    let found: HkidCard | null = null;
    if (seen) {
      const { side, card, number, title } = seen;
      // The English name, the dates and the symbols are Latin print: the English model reads them; the
      // Chinese name, in its own band, the Chinese line recogniser.
      const lines = await readWindow(this.ocr, card.image, this.layout.fields, FIELD_SCALE, 'latin');
      // Its characters stand closer than a character's height; the guilloche beside it is further off.
      const names = await readCardLines(this.ocr, card.image, this.layout.chineseName, { splitAtGap: 1 });
      const text = parseHkid(title, names, lines);
      // The title says whether the holder is a permanent resident when the symbols line could not.
      const titleLines =
        text.permanent === null && number
          ? await readCardLines(this.ocr, card.image, this.layout.title)
          : title;
      found = {
        side,
        card,
        number,
        text: titleLines === title ? text : parseHkid(titleLines, names, lines),
      };
      // Unasked for, a number of the card's shape whose check digit verifies is one chance in eleven on any card
      // with a line of digits where an HKID prints its number (a loyalty card's barcode number): the card must
      // show more of an HKID, its title or a date of birth in its place, to be read as one.
      if (!expected && !found.text.birthDate) {
        const shown =
          titleLines.length > 0 ? titleLines : await readCardLines(this.ocr, card.image, this.layout.title);
        if (!isHkidTitle(shown)) found = null;
      }
    }
    timings.hkid = since(t);
    return {
      recognised: found !== null,
      evidence: this.evidence(sides, found),
      checks: found
        ? {
            idNumber: found.number
              ? {
                  valid: found.number.number.checkDigitValid,
                  dateOfBirthConsistent: null,
                  sexConsistent: null,
                  regionKnown: null,
                }
              : null,
          }
        : {},
      timings,
    };
  }

  private evidence(sides: readonly DocumentSide[], card: HkidCard | null): DocumentEvidence {
    const fields: Partial<Record<DocumentField, FieldEvidence>> = {};
    const unreadable: ReasonSpec[] = [];
    if (card) {
      const put = (field: DocumentField, value: string, confidence: number | null) =>
        (fields[field] = { value, source: 'printed', side: card.side.name, confidence });
      const t = card.text;
      if (card.number) put('documentNumber', card.number.number.value, card.number.line.confidence);
      else unreadable.push({ code: 'FIELD_UNREADABLE', field: 'documentNumber' });
      if (t.englishName) put('fullName', t.englishName.value, t.englishName.confidence);
      if (t.chineseName) put('chineseName', t.chineseName.value, t.chineseName.confidence);
      // Every HKID card prints the English name, the card's name of record: without it a Latin record cannot be
      // compared at all, and a Chinese name alone is not the whole of what the card says.
      if (!t.englishName) unreadable.push({ code: 'FIELD_UNREADABLE', field: 'fullName' });
      if (t.birthDate) put('dateOfBirth', t.birthDate.value, t.birthDate.confidence);
      else unreadable.push({ code: 'FIELD_UNREADABLE', field: 'dateOfBirth' });
      if (t.sex) put('sex', t.sex.value, t.sex.confidence);
      if (t.issueDate) put('issueDate', t.issueDate.value, t.issueDate.confidence);
      if (t.permanent !== null) put('permanent', String(t.permanent), null);
      put('issuingCountry', 'HKG', null);
    }
    const n = card?.number;
    const reads = [n?.line.confidence, card?.text.englishName?.confidence].filter(
      (c): c is number => typeof c === 'number',
    );
    return {
      family: this.family,
      format: card ? 'HKID' : null,
      documentType: card ? 'hk_identity_card' : null,
      found: sides.some((s) => s.quality.document.found) || card !== null,
      supported: card ? true : null,
      readable: !!n && !!card?.text.englishName,
      unreadable,
      confidence: reads.length ? reads.reduce((a, b) => a + b, 0) / reads.length : null,
      fields,
      checks: n
        ? [
            {
              name: 'hkid.checkDigit',
              holds: n.number.checkDigitValid,
              covers: ['documentNumber'],
              severity: 'forgery',
              reason: 'ID_NUMBER_INVALID',
              explainedByOcr: !n.number.checkDigitValid && !n.settled,
              illegible: { code: 'FIELD_UNREADABLE', field: 'documentNumber' },
            },
          ]
        : [],
      hintContext: this.family,
    };
  }
}
