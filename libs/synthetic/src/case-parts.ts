/** Parts of a case shared by the primary and the holdout generators. */
import { IssuedDocument, Person } from './applicant.generator';
import { MRZ_FONTS, mrzFontOption, mrzFontSize, pageFontOption } from './document-fonts';
import { DocumentStyle } from './document-style';
import { RenderedSide } from './document.renderer';
import { renderOtherCard } from './other-card.renderer';
import { Rng } from './prng';
import { buildRecord } from './record.builder';
import {
  ApplicantRecord,
  CaseDefect,
  ComparedField,
  GroundTruth,
  MrzLayout,
  SampleCase,
  ScenarioKind,
  Verdict,
} from './sample.model';
import { DefectPlan, incidentalDefects } from './scenario.planner';
import { SyntheticError, SyntheticErrorCode } from './synthetic.error';

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

/** Faces of the payment and loyalty cards of the unsupported scenario. */
export const OTHER_CARD_FONTS = ['OCR B', 'DejaVu Sans', 'DejaVu Serif', 'DejaVu Sans Mono'];

/** A side is written as JPEG exactly when its last defect is JPEG compression (see `encodeImage`). */
export function fileNames(
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

export function expectation(
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
    case 'review':
      return { verdict: 'manual_review', reasons: ['FIELD_NEAR_MATCH'], acceptable: [] };
    case 'unsupported':
      return {
        verdict: 'unsupported',
        reasons: ['DOCUMENT_TYPE_UNSUPPORTED'],
        acceptable: ['MRZ_NOT_FOUND'],
      };
  }
}

export function pickMismatchField(rng: Rng, issued: IssuedDocument): ComparedField {
  const fields =
    issued.documentType === 'visa' ? COMPARED_FIELDS.filter((f) => f !== 'documentNumber') : COMPARED_FIELDS;
  return rng.pick(fields);
}

/** The name as the MRZ holds it, fillers turned into spaces. */
export function splitMrzName(lines: string[], layout: MrzLayout): { surname: string; givenNames: string } {
  const field = layout === 'TD1' ? lines[2] : lines[0].slice(5);
  const clean = (s: string) => s.replace(/<+/g, ' ').trim();
  const separator = field.indexOf('<<');
  if (separator < 0) return { surname: clean(field), givenNames: '' };
  return { surname: clean(field.slice(0, separator)), givenNames: clean(field.slice(separator + 2)) };
}

export function validateWeights(weights: Record<string, number>, name: string): void {
  const values = Object.values(weights);
  if (values.some((w) => !(w >= 0)) || !values.some((w) => w > 0)) {
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `${name} weights must be non-negative with one positive`,
    );
  }
}

/** The unsupported scenario: a payment or loyalty card instead of an identity document. */
export function otherCardPlan(
  rng: Rng,
  seed: number,
  id: string,
  person: Person,
  today: string,
  softness: number,
  style: DocumentStyle,
): CasePlan {
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

/**
 * The `review` scenario's record: the document's surname typed as given names and the given names as surname,
 * a near match only a person can settle. Needs both names, and different ones.
 */
export function swapRecordNames(record: ApplicantRecord): ApplicantRecord {
  return { ...record, surname: record.givenNames, givenNames: record.surname };
}

/** The style with the faces the options ask for; the MRZ keeps its capital height in the new face. */
export function withFontOptions(
  style: DocumentStyle,
  options: { mrzFont?: string; pageFont?: string },
): DocumentStyle {
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

/** What a case with an identity document is made of, for {@link documentSample}. */
export interface DocumentCaseParts {
  id: string;
  seed: number;
  scenario: ScenarioKind;
  today: string;
  person: Person;
  issued: IssuedDocument;
  /** The number the page and the MRZ print (a tampered one on a forged document). */
  printedNumber: string;
  mrzLines: string[];
  sideNames: CaseDefect['side'][];
  plan: DefectPlan;
  built: { record: ApplicantRecord; variant?: string };
  mismatchField?: ComparedField;
}

/** The case of an identity document: its truth, record, defects and the verdict a correct service gives. */
export function documentSample(p: DocumentCaseParts): SampleCase {
  const { person, issued, mrzLines, plan, built } = p;
  const expected = expectation(p.scenario, plan);
  const nameField = splitMrzName(mrzLines, issued.layout);
  const groundTruth: GroundTruth = {
    mrzLines,
    mrzValid: p.scenario !== 'tampered',
    documentCode: issued.documentCode,
    issuingCountry: issued.issuingCountry,
    surname: person.surname,
    givenNames: person.givenNames,
    mrzSurname: nameField.surname,
    mrzGivenNames: nameField.givenNames,
    ...(person.nativeSurname
      ? { nativeSurname: person.nativeSurname, nativeGivenNames: person.nativeGivenNames }
      : {}),
    documentNumber: p.printedNumber,
    nationality: person.nationality,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    expiryDate: issued.expiryDate,
    issueDate: issued.issueDate,
    issuingAuthority: issued.authority,
  };
  return {
    id: p.id,
    seed: p.seed,
    scenario: p.scenario,
    variant: built.variant ? plan.name.replace(/^mismatch/, `mismatch-${built.variant}`) : plan.name,
    format: issued.layout,
    documentType: issued.documentType,
    files: fileNames(p.id, p.sideNames, plan.defects),
    groundTruth,
    record: built.record,
    defects: plan.defects,
    expectedVerdict: expected.verdict,
    expectedReasons: expected.reasons,
    acceptableReasons: expected.acceptable,
    ...(p.mismatchField ? { mismatchField: p.mismatchField } : {}),
    today: p.today,
  };
}
