import { composeMrz } from '@idv/mrz';
import { generatePerson, issueDocument, IssuedDocument, languageOf, Person } from './applicant.generator';
import { applyDefects } from './defects/defect.pipeline';
import { DocumentImage, encodeImage, rasterize } from './defects/document-image';
import { blurDefect } from './defects/photometric.defect';
import { assertDocumentFonts, MRZ_FONTS, mrzFontOption, mrzFontSize, pageFontOption } from './document-fonts';
import { DocumentStyle, pickStyle } from './document-style';
import { renderBackground } from './guilloche.pattern';
import { PrintedDocument, renderDocument, RenderedSide } from './document.renderer';
import { isIsoDate } from './iso-date';
import { renderOtherCard } from './other-card.renderer';
import { hashString, Rng } from './prng';
import { buildRecord, distinctDigit } from './record.builder';
import { toMrzData } from './mrz-data';
import {
  CaseDefect,
  CaseImages,
  ComparedField,
  DocumentType,
  GroundTruth,
  MrzLayout,
  SampleCase,
  ScenarioKind,
  Verdict,
} from './sample.model';
import {
  DefectPlan,
  DEFAULT_SCENARIO_WEIGHTS,
  incidentalDefects,
  mildDefects,
  severeDefects,
} from './scenario.planner';
import { SyntheticError, SyntheticErrorCode } from './synthetic.error';

/** The `today` used when none is given: fixed, so output never depends on the clock. */
export const DEFAULT_TODAY = '2026-11-01';

export type IdentityDocumentType = Exclude<DocumentType, 'other'>;

export const DEFAULT_DOCUMENT_TYPE_WEIGHTS: Readonly<Record<IdentityDocumentType, number>> = {
  passport: 0.45,
  id_card: 0.3,
  residence_permit: 0.12,
  visa: 0.13,
};

/** Options of {@link generateCase}. */
export interface GenerateCaseOptions {
  /** Reference date for expiry (YYYY-MM-DD); defaults to {@link DEFAULT_TODAY}. */
  today?: string;
  /** Relative weights of the scenarios (missing ones default to {@link DEFAULT_SCENARIO_WEIGHTS}; 0 disables). */
  scenarios?: Partial<Record<ScenarioKind, number>>;
  /** Forces one scenario (overrides `scenarios`). */
  scenario?: ScenarioKind;
  /** Relative weights of the identity document types. */
  documentTypes?: Partial<Record<IdentityDocumentType, number>>;
  /** Forces one document type (ignored by the `unsupported` scenario). */
  documentType?: IdentityDocumentType;
  /** Case id; defaults to `syn-<seed as 8 hex digits>`. */
  id?: string;
  /**
   * Prints the MRZ in this face instead of the style's (OCR-B on the primary set), at the same capital height
   * and pitch: one of `MRZ_FONT_FAMILIES`.
   */
  mrzFont?: string;
  /** Prints the visual zone's captions and values in this face: one of `PAGE_FONT_FAMILIES`. */
  pageFont?: string;
}

/** A generated case with its encoded images. */
export interface GeneratedCase {
  case: SampleCase;
  images: CaseImages;
}

const COMPARED_FIELDS: readonly ComparedField[] = [
  'surname',
  'givenNames',
  'dateOfBirth',
  'documentNumber',
  'nationality',
];

/** A case described but not yet rasterised: the SVG sides and the truth. Cheap (a few milliseconds). */
export interface CasePlan {
  sample: SampleCase;
  sides: { front: RenderedSide; back?: RenderedSide };
  /** Print-and-scan softness (blur sigma in pixels) applied before the defects. */
  softness: number;
  /** Font families the sides are drawn with (checked installed before rendering). */
  fonts: string[];
}

/**
 * Describes the case of `seed` without rendering it: the same case, truth and record {@link generateCase}
 * produces, for tests and tools that need the data only.
 */
export function describeCase(seed: number, options: GenerateCaseOptions = {}): SampleCase {
  return planCase(seed, options).sample;
}

/**
 * Generates one verification case from `seed`: an invented applicant, their document rendered at about
 * 300 dpi, the scenario's defects, the registration record and the verdict a correct service reaches.
 * Deterministic: the same seed and options give byte-identical images and an identical case.
 */
export async function generateCase(seed: number, options: GenerateCaseOptions = {}): Promise<GeneratedCase> {
  const plan = planCase(seed, options);
  assertDocumentFonts(plan.fonts);
  const { sample } = plan;
  const front = await produceSide(
    plan.sides.front,
    plan.softness,
    sample.defects.filter((d) => d.side === 'front'),
  );
  const images: CaseImages = { front };
  if (plan.sides.back)
    images.back = await produceSide(
      plan.sides.back,
      plan.softness,
      sample.defects.filter((d) => d.side === 'back'),
    );
  return { case: sample, images };
}

/** Draws everything about a case from its seed; see {@link generateCase}. */
export function planCase(seed: number, options: GenerateCaseOptions = {}): CasePlan {
  const today = options.today ?? DEFAULT_TODAY;
  if (!isIsoDate(today))
    throw new SyntheticError(SyntheticErrorCode.INVALID_OPTIONS, `today must be YYYY-MM-DD, got ${today}`);
  if (!Number.isInteger(seed))
    throw new SyntheticError(SyntheticErrorCode.INVALID_OPTIONS, `seed must be an integer, got ${seed}`);
  mrzFontOption(options.mrzFont);
  pageFontOption(options.pageFont);
  const rng = new Rng(seed);
  const scenario = options.scenario ?? rng.fork('scenario').weighted(scenarioWeights(options.scenarios));
  const id = options.id ?? `syn-${(seed >>> 0).toString(16).padStart(8, '0')}`;
  const person = generatePerson(rng.fork('person'), { today, longName: rng.fork('long-name').chance(0.1) });
  const softness = rng.fork('print').float(0.4, 0.7);

  if (scenario === 'unsupported') return otherCardPlan(rng, seed, id, person, today, softness);

  const documentType =
    options.documentType ?? rng.fork('document-type').weighted(typeWeights(options.documentTypes));
  const issued = issueDocument(rng.fork('document'), person, {
    documentType,
    today,
    expired: scenario === 'expired',
  });
  let mrzLines = composeMrz(toMrzData(person, issued));
  let printedNumber = issued.documentNumber;
  if (scenario === 'tampered')
    ({ lines: mrzLines, number: printedNumber } = tamperDocumentNumber(
      rng.fork('tamper'),
      mrzLines,
      issued.layout,
    ));

  const printed: PrintedDocument = {
    ...issued,
    surname: person.surname,
    givenNames: person.givenNames,
    documentNumber: printedNumber,
    nationality: person.nationality,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    placeOfBirth: person.placeOfBirth,
    mrzLines,
  };
  const style = withFontOptions(pickStyle(rng.fork('style'), issued.language), options);
  const sides = renderDocument(printed, style, rng.fork('render'));
  const sideNames: CaseDefect['side'][] = sides.back ? ['front', 'back'] : ['front'];
  const mrzSide = sides.back ? 'back' : 'front';
  const defectRng = rng.fork('defects');
  const plan: DefectPlan =
    scenario === 'mild'
      ? mildDefects(defectRng, sideNames, 'front')
      : scenario === 'severe'
        ? severeDefects(defectRng, sideNames, mrzSide)
        : incidentalDefects(defectRng, sideNames, scenario);

  const mismatchField = scenario === 'mismatch' ? pickMismatchField(rng.fork('mismatch'), issued) : undefined;
  const built = buildRecord(
    rng.fork('record'),
    `wallet-${id}`,
    { person, documentNumber: printedNumber, hasComparableNumber: issued.documentType !== 'visa' },
    mismatchField,
  );
  const expected = expectation(scenario, plan);
  const nameField = splitMrzName(mrzLines, issued.layout);
  const groundTruth: GroundTruth = {
    mrzLines,
    mrzValid: scenario !== 'tampered',
    documentCode: issued.documentCode,
    issuingCountry: issued.issuingCountry,
    surname: person.surname,
    givenNames: person.givenNames,
    mrzSurname: nameField.surname,
    mrzGivenNames: nameField.givenNames,
    ...(person.nativeSurname
      ? { nativeSurname: person.nativeSurname, nativeGivenNames: person.nativeGivenNames }
      : {}),
    documentNumber: printedNumber,
    nationality: person.nationality,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    expiryDate: issued.expiryDate,
    issueDate: issued.issueDate,
    issuingAuthority: issued.authority,
  };
  const sample: SampleCase = {
    id,
    seed,
    scenario,
    variant: built.variant ? plan.name.replace(/^mismatch/, `mismatch-${built.variant}`) : plan.name,
    format: issued.layout,
    documentType: issued.documentType,
    files: fileNames(id, sideNames, plan.defects),
    groundTruth,
    record: built.record,
    defects: plan.defects,
    expectedVerdict: expected.verdict,
    expectedReasons: expected.reasons,
    acceptableReasons: expected.acceptable,
    ...(mismatchField ? { mismatchField } : {}),
    today,
  };
  return { sample, sides, softness, fonts: [style.mrz.family, style.valueFamily, style.labelFamily] };
}

/** The style with the faces the options ask for; the MRZ keeps its capital height in the new face. */
function withFontOptions(style: DocumentStyle, options: GenerateCaseOptions): DocumentStyle {
  const mrzFont = mrzFontOption(options.mrzFont);
  const pageFont = pageFontOption(options.pageFont);
  const out = { ...style };
  if (mrzFont && mrzFont !== style.mrz.family) {
    const capHeight = style.mrz.fontSize * MRZ_FONTS[style.mrz.family].capHeight;
    out.mrz = { ...style.mrz, family: mrzFont, fontSize: mrzFontSize(mrzFont, capHeight) };
  }
  if (pageFont) {
    out.valueFamily = pageFont;
    out.labelFamily = pageFont;
  }
  return out;
}

/** Faces of the payment and loyalty cards of the unsupported scenario. */
const OTHER_CARD_FONTS = ['OCR B', 'DejaVu Sans', 'DejaVu Serif', 'DejaVu Sans Mono'];

/** A side is written as JPEG exactly when its last defect is JPEG compression (see `encodeImage`). */
function fileNames(
  id: string,
  sides: readonly CaseDefect['side'][],
  defects: readonly CaseDefect[],
): SampleCase['files'] {
  const name = (side: CaseDefect['side']) => {
    const own = defects.filter((d) => d.side === side);
    return `${id}-${side}.${own.length > 0 && own[own.length - 1].kind === 'jpeg' ? 'jpg' : 'png'}`;
  };
  return sides.includes('back') ? { front: name('front'), back: name('back') } : { front: name('front') };
}

/** Rasterises a side, softens it like print and scan do, applies its defects and encodes it. */
async function produceSide(side: RenderedSide, softness: number, defects: CaseDefect[]): Promise<Buffer> {
  return (await encodeImage(await renderSideImage(side, softness, defects))).bytes;
}

/** A side's pixels as delivered: rasterised, softened like print and scan do, with its defects applied. */
export async function renderSideImage(
  side: RenderedSide,
  softness: number,
  defects: readonly CaseDefect[],
): Promise<DocumentImage> {
  let image: DocumentImage = await rasterize(
    renderBackground(side.background),
    side.width,
    side.height,
    side.svg,
    side.regions,
  );
  image = await blurDefect(image, softness);
  return applyDefects(image, defects);
}

function expectation(
  scenario: ScenarioKind,
  plan: DefectPlan,
): { verdict: Verdict; reasons: string[]; acceptable: string[] } {
  switch (scenario) {
    case 'clean':
    case 'mild':
      return { verdict: 'accepted', reasons: [], acceptable: [] };
    case 'severe':
      return { verdict: 'unreadable', reasons: plan.reasons, acceptable: plan.acceptable };
    case 'mismatch':
      return { verdict: 'mismatch', reasons: ['FIELD_MISMATCH'], acceptable: [] };
    case 'expired':
      return { verdict: 'expired', reasons: ['DOCUMENT_EXPIRED'], acceptable: [] };
    case 'tampered':
      return { verdict: 'rejected', reasons: ['MRZ_CHECK_DIGIT_INVALID'], acceptable: [] };
    case 'unsupported':
      return {
        verdict: 'unsupported',
        reasons: ['DOCUMENT_TYPE_UNSUPPORTED'],
        acceptable: ['MRZ_NOT_FOUND'],
      };
  }
}

function pickMismatchField(rng: Rng, issued: IssuedDocument): ComparedField {
  const fields =
    issued.documentType === 'visa' ? COMPARED_FIELDS.filter((f) => f !== 'documentNumber') : COMPARED_FIELDS;
  return rng.pick(fields);
}

/** Positions of the document number field in the MRZ: TD1 line 1 columns 6-14, else line 2 columns 1-9. */
function numberField(layout: MrzLayout): { line: number; start: number } {
  return layout === 'TD1' ? { line: 0, start: 5 } : { line: 1, start: 0 };
}

/**
 * The forger's edit: one digit of the printed document number changed, its check digit (and the composite)
 * left as they were. The visual zone shows the same altered number.
 */
function tamperDocumentNumber(
  rng: Rng,
  lines: string[],
  layout: MrzLayout,
): { lines: string[]; number: string } {
  const { line, start } = numberField(layout);
  const field = lines[line].slice(start, start + 9);
  const positions = [...field].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const at = rng.pick(positions);
  const altered = field.slice(0, at) + distinctDigit(rng, field[at]) + field.slice(at + 1);
  const out = [...lines];
  out[line] = lines[line].slice(0, start) + altered + lines[line].slice(start + 9);
  return { lines: out, number: altered.replace(/<+$/, '') };
}

/** The name as the MRZ holds it, fillers turned into spaces. */
function splitMrzName(lines: string[], layout: MrzLayout): { surname: string; givenNames: string } {
  const field = layout === 'TD1' ? lines[2] : lines[0].slice(5);
  const clean = (s: string) => s.replace(/<+/g, ' ').trim();
  const separator = field.indexOf('<<');
  if (separator < 0) return { surname: clean(field), givenNames: '' };
  return { surname: clean(field.slice(0, separator)), givenNames: clean(field.slice(separator + 2)) };
}

function scenarioWeights(custom?: Partial<Record<ScenarioKind, number>>): Record<ScenarioKind, number> {
  const weights = { ...DEFAULT_SCENARIO_WEIGHTS, ...custom };
  validateWeights(weights, 'scenarios');
  return weights;
}

function typeWeights(
  custom?: Partial<Record<IdentityDocumentType, number>>,
): Record<IdentityDocumentType, number> {
  const weights = { ...DEFAULT_DOCUMENT_TYPE_WEIGHTS, ...custom };
  validateWeights(weights, 'documentTypes');
  return weights;
}

function validateWeights(weights: Record<string, number>, name: string): void {
  const values = Object.values(weights);
  if (values.some((w) => !(w >= 0)) || !values.some((w) => w > 0)) {
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `${name} weights must be non-negative with one positive`,
    );
  }
}

/** The unsupported scenario: a payment or loyalty card instead of an identity document. */
function otherCardPlan(
  rng: Rng,
  seed: number,
  id: string,
  person: Person,
  today: string,
  softness: number,
): CasePlan {
  const style = pickStyle(rng.fork('style'), languageOf(person.nationality));
  const front = renderOtherCard(person, style, rng.fork('render'));
  const plan = incidentalDefects(rng.fork('defects'), ['front'], 'unsupported');
  const { record } = buildRecord(rng.fork('record'), `wallet-${id}`, {
    person,
    documentNumber: '',
    hasComparableNumber: false,
  });
  const expected = expectation('unsupported', plan);
  const groundTruth: GroundTruth = {
    mrzLines: [],
    mrzValid: false,
    documentCode: '',
    issuingCountry: '',
    surname: person.surname,
    givenNames: person.givenNames,
    mrzSurname: '',
    mrzGivenNames: '',
    documentNumber: '',
    nationality: person.nationality,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    expiryDate: '',
    issueDate: '',
    issuingAuthority: '',
  };
  const sample: SampleCase = {
    id,
    seed,
    scenario: 'unsupported',
    variant: plan.name,
    format: 'none',
    documentType: 'other',
    files: fileNames(id, ['front'], plan.defects),
    groundTruth,
    record,
    defects: plan.defects,
    expectedVerdict: expected.verdict,
    expectedReasons: expected.reasons,
    acceptableReasons: expected.acceptable,
    today,
  };
  return { sample, sides: { front }, softness, fonts: OTHER_CARD_FONTS };
}

/** Seed of the `index`-th case of a set seeded with `seed`. */
export function caseSeed(seed: number, index: number): number {
  return hashString(`${seed}:${index}`);
}
