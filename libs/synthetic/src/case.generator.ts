import { composeMrz } from '@idv/mrz';
import { generatePerson, issueDocument, languageOf } from './applicant.generator';
import { applyDefects } from './defects/defect.pipeline';
import { DocumentImage, encodeImage, rasterize } from './defects/document-image';
import { blurDefect } from './defects/photometric.defect';
import { assertDocumentFonts, mrzFontOption, pageFontOption } from './document-fonts';
import { pickStyle } from './document-style';
import { renderBackground } from './guilloche.pattern';
import { PrintedDocument, renderDocument, RenderedSide } from './document.renderer';
import { isIsoDate } from './iso-date';
import { hashString, Rng } from './prng';
import { buildRecord, distinctDigit } from './record.builder';
import { toMrzData } from './mrz-data';
import {
  CaseDefect,
  CaseImages,
  DocumentType,
  MrzLayout,
  SampleCase,
  ScenarioKind,
  StyleSet,
} from './sample.model';
import {
  DefectPlan,
  DEFAULT_SCENARIO_WEIGHTS,
  incidentalDefects,
  mildDefects,
  severeDefects,
} from './scenario.planner';
import { SyntheticError, SyntheticErrorCode } from './synthetic.error';
import { planHoldoutCase } from './holdout/holdout.case';
import {
  CasePlan,
  documentSample,
  otherCardPlan,
  pickMismatchField,
  swapRecordNames,
  validateWeights,
  withFontOptions,
} from './case-parts';

export type { CasePlan } from './case-parts';

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
  /** `primary` (default) or `holdout`, the independent second set (see {@link StyleSet}). */
  styleSet?: StyleSet;
}

/** A generated case with its encoded images. */
export interface GeneratedCase {
  case: SampleCase;
  images: CaseImages;
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
  if (options.styleSet !== undefined && options.styleSet !== 'primary' && options.styleSet !== 'holdout')
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `styleSet must be primary or holdout, got ${String(options.styleSet)}`,
    );
  if (options.styleSet === 'holdout') return planHoldoutCase(seed, options, today);
  const rng = new Rng(seed);
  const scenario = options.scenario ?? rng.fork('scenario').weighted(scenarioWeights(options.scenarios));
  const id = options.id ?? `syn-${(seed >>> 0).toString(16).padStart(8, '0')}`;
  const person = generatePerson(rng.fork('person'), { today, longName: rng.fork('long-name').chance(0.1) });
  const softness = rng.fork('print').float(0.4, 0.7);

  if (scenario === 'unsupported')
    return otherCardPlan(
      rng,
      seed,
      id,
      person,
      today,
      softness,
      pickStyle(rng.fork('style'), languageOf(person.nationality)),
    );

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
  if (scenario === 'review') built.record = swapRecordNames(built.record);
  const sample: SampleCase = {
    ...documentSample({
      id,
      seed,
      scenario,
      today,
      person,
      issued,
      printedNumber,
      mrzLines,
      sideNames,
      plan,
      built,
      mismatchField,
    }),
    ...(options.mrzFont ? { mrzFont: style.mrz.family } : {}),
  };
  return { sample, sides, softness, fonts: [style.mrz.family, style.valueFamily, style.labelFamily] };
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

/** Seed of the `index`-th case of a set seeded with `seed`. */
export function caseSeed(seed: number, index: number): number {
  return hashString(`${seed}:${index}`);
}
