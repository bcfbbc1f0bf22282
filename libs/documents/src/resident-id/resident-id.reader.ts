import { performance } from 'node:perf_hooks';
import { normaliseCitizenNumber, parseCitizenNumber, type CitizenNumber } from '@idv/id-numbers';
import { compareFullName, type RegistrationRecord } from '@idv/matching';
import type { GreyImage, OcrEngine, TextLine } from '@idv/ocr';
import type { DocumentEvidence, DocumentField, DocumentType, FieldEvidence, ReasonSpec } from '@idv/verdict';
import type { DocumentRead, DocumentReader, DocumentSide, ReadContext } from '../document.reader';
import { uprightCandidates, type UprightCard } from '../cards/card-image';
import { readCardLines, rereadCardLine } from '../cards/card-lines';
import { checkNameRead, nameUnderGlare, type NameReadCheck } from '../cards/printed-name';
import { readCardNumber, SURE_LINE, type CardNumberRead, type CardNumberSpec } from '../cards/card-number';
import { residentIdChecks } from './resident-id.integrity';
import { RESIDENT_ID_LAYOUT, type CardLayout } from './resident-id.layout';
import {
  isEmblemSide,
  parseEmblem,
  parsePortrait,
  portraitRows,
  type EmblemText,
  type PortraitRow,
  type PortraitText,
} from './resident-id.text';

type NumberRead = CardNumberRead<CitizenNumber>;

interface PortraitSide {
  side: DocumentSide;
  card: UprightCard;
  number: NumberRead;
}

/** The portrait side's values, with those a second read confirmed. */
type PortraitRead = PortraitText & {
  settled: { name: boolean; birth: boolean; sex: boolean };
  nameCheck: NameReadCheck | null;
};

interface EmblemSide {
  side: DocumentSide;
  card: UprightCard;
  text: EmblemText;
}

/** The contract's `checks.idNumber`. */
export interface IdNumberView {
  valid: boolean;
  dateOfBirthConsistent: boolean | null;
  sexConsistent: boolean | null;
  regionKnown: boolean | null;
}

const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

/**
 * The reader of the PRC Resident Identity Card and of the Residence Permit for Hong Kong, Macao and Taiwan
 * residents, which shares its layout. Each uploaded image is turned upright (its text lines' direction, then the
 * right way up by what reads) and told apart by what it prints: the 18-character number makes the portrait side
 * (人像面), a title or a validity line the emblem side (国徽面), whichever upload they came as. The number is read
 * first, with digits and X only, because it settles most of the verdict; then the labelled fields.
 */
export class ResidentIdReader implements DocumentReader {
  readonly family = 'cn_resident_id';
  readonly documentTypes: readonly DocumentType[] = ['cn_resident_id'];

  private readonly numberSpec: CardNumberSpec<CitizenNumber>;

  constructor(
    private readonly ocr: OcrEngine,
    private readonly layout: CardLayout = RESIDENT_ID_LAYOUT,
  ) {
    this.numberSpec = {
      window: layout.number,
      script: 'number',
      parse: (text) => parseCitizenNumber(text.replace(/[^0-9X]/g, '')),
      valid: (n) => n.checkCharacterValid && n.birthDate !== null,
      value: (n) => n.value,
      lineRecogniserFirst: true,
    };
  }

  suggestedBy(record: RegistrationRecord): boolean {
    if (record.documentType) return record.documentType === 'cn_resident_id';
    const number = normaliseCitizenNumber(record.documentNumber ?? '');
    return /^\d{17}[\dX]$/.test(number);
  }

  async read(sides: readonly DocumentSide[], context: ReadContext): Promise<DocumentRead> {
    const timings: Record<string, number> = {};
    let t = performance.now();
    const candidates = await Promise.all(sides.map((s) => uprightCandidates(s)));
    timings.cardUpright = since(t);

    t = performance.now();
    // Unasked for (neither declared nor suggested by the record) the card must show its number the right way
    // up: reading every document no other reader recognised in every turn, titles included, would cost a
    // second on each.
    const expected = context.declared === 'cn_resident_id' || this.suggestedBy(context.record);
    let portrait: PortraitSide | null = null;
    // The likeliest way up of every side before the less likely ones: sides uploaded the other way round cost
    // one read of the emblem side, not one per way it could stand.
    const ways = expected ? Math.max(...candidates.map((c) => c.length)) : 1;
    for (let way = 0; way < ways && !portrait; way++)
      for (let i = 0; i < sides.length && !portrait; i++) {
        const candidate = candidates[i][way];
        if (!candidate) continue;
        const card = await candidate();
        const number = await readCardNumber(this.ocr, card.image, this.numberSpec);
        if (number) portrait = { side: sides[i], card, number };
      }
    timings.cardNumber = since(t);

    if (!portrait && !expected)
      return { recognised: false, evidence: this.evidence(sides, null, null, null), checks: {}, timings };

    t = performance.now();
    let emblem: EmblemSide | null = null;
    for (let i = 0; i < sides.length && !emblem; i++) {
      if (portrait?.side === sides[i]) continue;
      for (const candidate of candidates[i]) {
        const card = await candidate();
        const text = await this.readEmblem(card.image, !portrait);
        if (text && isEmblemSide(text)) {
          emblem = { side: sides[i], card, text };
          break;
        }
      }
    }
    timings.cardEmblem = since(t);

    t = performance.now();
    const fields = portrait
      ? await this.readPortrait(portrait.card.image, portrait.number.number, context.record)
      : null;
    timings.cardFields = since(t);

    const recognised = portrait !== null || emblem !== null;
    return {
      recognised,
      evidence: this.evidence(sides, portrait, fields, emblem),
      checks: recognised ? this.checksView(portrait, fields, emblem) : {},
      timings,
    };
  }

  private async readEmblem(card: GreyImage, needTitle: boolean): Promise<EmblemText | null> {
    const fields = await readCardLines(this.ocr, card, this.layout.emblemValues);
    const text = parseEmblem([], fields);
    // The title only tells a permit from a card, which the number already does; read it when the lower
    // block alone does not show this is the emblem side.
    if (isEmblemSide(text) && !needTitle) return text;
    return parseEmblem(await readCardLines(this.ocr, card, this.layout.emblemTitle), fields);
  }

  private async readPortrait(
    card: GreyImage,
    number: CitizenNumber,
    record: RegistrationRecord,
  ): Promise<PortraitRead> {
    const lines = await readCardLines(this.ocr, card, this.layout.portraitValues);
    const rows = portraitRows(lines, (line) => {
      const middle = (line.box.y + line.box.height / 2) / card.height;
      const nominal = Object.entries(this.layout.portraitRows) as [PortraitRow, readonly [number, number]][];
      return nominal.find(([, [from, to]]) => middle >= from && middle < to)?.[0] ?? null;
    });
    const text = parsePortrait(rows);
    // A row read again from a crop of another extent: agreement rules out most slips. The name always (it is what
    // the record is compared with); the birth date and sex when they contradict the number, since only a
    // contradiction both reads show argues forgery.
    const again = async (row: PortraitRow): Promise<PortraitText> => {
      const reread = await Promise.all(rows[row].map((line) => rereadCardLine(this.ocr, card, line)));
      const found = reread.filter((l): l is TextLine => l !== null);
      return parsePortrait({ name: [], sex: [], birth: [], address: [], [row]: found });
    };
    const settled = { name: false, birth: false, sex: false };
    let name: NameReadCheck | null = null;
    // A name read exactly as registered needs no second opinion (a slip that lands on the record's own name is
    // not a risk worth three more reads), only the look for glare; a name that differs is checked before it is
    // called a difference.
    if (text.name && compareFullName(record, { fullName: text.name.value }).status === 'match') {
      name = { settled: false, incomplete: false, glare: nameUnderGlare(card, rows.name) };
    } else if (text.name) {
      name = await checkNameRead(this.ocr, card, rows.name, text.name.value);
      settled.name = name.settled && !name.incomplete;
    }
    if (text.birthDate && text.birthDate.value !== number.birthDate)
      settled.birth = (await again('birth')).birthDate?.value === text.birthDate.value;
    if (text.sex && text.sex.value !== number.sex)
      settled.sex = (await again('sex')).sex?.value === text.sex.value;
    return { ...text, settled, nameCheck: name };
  }

  private evidence(
    sides: readonly DocumentSide[],
    portrait: PortraitSide | null,
    text: PortraitRead | null,
    emblem: EmblemSide | null,
  ): DocumentEvidence {
    const fields: Partial<Record<DocumentField, FieldEvidence>> = {};
    const put = (
      field: DocumentField,
      value: string,
      from: DocumentSide,
      confidence: number | null,
      extra: Partial<FieldEvidence> = {},
    ) => {
      fields[field] = { value, source: 'printed', side: from.name, confidence, ...extra };
    };
    const number = portrait?.number.number ?? null;
    if (portrait && number) {
      const p = portrait.side;
      const numberConfidence = portrait.number.line.confidence;
      // What the number itself states: used where the printed field was not read.
      const fromNumber = (field: DocumentField, value: string) =>
        (fields[field] = { value, source: 'number', side: p.name, confidence: numberConfidence });
      put('documentNumber', number.value, p, numberConfidence);
      // A name under glare is not read at all: the person is asked for a new photo, not told it differs.
      if (text?.name && !text.nameCheck?.glare)
        put('fullName', text.name.value, p, text.name.confidence, {
          corroborated: text.settled.name,
          doubtful: text.nameCheck?.incomplete ?? false,
        });
      // A number that passes its check character states the birth date and sex more surely than a read of the
      // printed fields, which serve to check it (a dropped digit must not become the person's birth date).
      const numberSure = number.checkCharacterValid && number.birthDate !== null;
      if (text?.sex && !numberSure) put('sex', text.sex.value, p, text.sex.confidence);
      else fromNumber('sex', number.sex);
      if (text?.birthDate && !numberSure)
        put('dateOfBirth', text.birthDate.value, p, text.birthDate.confidence);
      else if (number.birthDate) fromNumber('dateOfBirth', number.birthDate);
      if (text?.ethnicity) put('ethnicity', text.ethnicity.value, p, text.ethnicity.confidence);
      if (text?.address) put('address', text.address.value, p, text.address.confidence);
      fromNumber('issuingCountry', 'CHN');
      // Only citizens hold the Resident ID card; a permit's holder may be of any nationality the record says.
      if (number.kind === 'resident') fromNumber('nationality', 'CHN');
    }
    if (emblem) {
      const e = emblem.side;
      const t = emblem.text;
      if (t.issuingAuthority)
        put('issuingAuthority', t.issuingAuthority.value, e, t.issuingAuthority.confidence);
      if (t.validity) {
        put('validFrom', t.validity.from, e, t.validity.confidence);
        if (t.validity.until) put('expiryDate', t.validity.until, e, t.validity.confidence);
      }
    }
    const unreadable: ReasonSpec[] = [];
    const twoImages = sides.length > 1;
    if (!portrait)
      unreadable.push(
        twoImages && emblem
          ? { code: 'FIELD_UNREADABLE', field: 'documentNumber' }
          : { code: 'DOCUMENT_SIDE_MISSING', field: 'front' },
      );
    else if (!fields.fullName) unreadable.push({ code: 'FIELD_UNREADABLE', field: 'fullName' });
    if (!emblem) unreadable.push({ code: 'DOCUMENT_SIDE_MISSING', field: 'back' });
    else if (!emblem.text.validity) unreadable.push({ code: 'FIELD_UNREADABLE', field: 'expiryDate' });

    const permit = number ? number.kind === 'residence_permit' : emblem?.text.permit === true;
    const reads = [portrait?.number.line.confidence, text?.name?.confidence].filter(
      (c): c is number => typeof c === 'number',
    );
    return {
      family: this.family,
      format: portrait || emblem ? (permit ? 'CN_RESIDENCE_PERMIT' : 'CN_RESIDENT_ID') : null,
      documentType: portrait || emblem ? 'cn_resident_id' : null,
      found: sides.some((s) => s.quality.document.found) || portrait !== null || emblem !== null,
      supported: portrait || emblem ? true : null,
      readable: portrait !== null && !!fields.fullName,
      unreadable,
      confidence: reads.length ? reads.reduce((a, b) => a + b, 0) / reads.length : null,
      fields,
      checks: residentIdChecks({
        number,
        numberSettled: portrait?.number.settled ?? false,
        printedBirth: text?.birthDate ? { value: text.birthDate.value, sure: text.settled.birth } : null,
        printedSex: text?.sex ? { value: text.sex.value as 'M' | 'F', sure: text.settled.sex } : null,
        validity: emblem?.text.validity
          ? { ...emblem.text.validity, sure: emblem.text.validity.confidence >= SURE_LINE }
          : null,
        regionKnown: number ? number.regionKnown : null,
      }),
      hintContext: this.family,
    };
  }

  private checksView(
    portrait: PortraitSide | null,
    text: PortraitText | null,
    emblem: EmblemSide | null,
  ): Record<string, unknown> {
    const number = portrait?.number.number;
    const idNumber: IdNumberView | null = number
      ? {
          valid: number.checkCharacterValid && number.birthDate !== null,
          dateOfBirthConsistent: text?.birthDate ? text.birthDate.value === number.birthDate : null,
          sexConsistent: text?.sex ? text.sex.value === number.sex : null,
          regionKnown: number.regionKnown,
        }
      : null;
    return {
      idNumber,
      expiry: { longTerm: emblem?.text.validity?.longTerm ?? false },
      sides: {
        portrait: portrait?.side.name ?? null,
        emblem: emblem?.side.name ?? null,
        swapped: portrait?.side.name === 'back' || emblem?.side.name === 'front',
      },
    };
  }
}
