/**
 * The holdout generator: cases drawn independently of the primary set (its own seed stream, holders, looks,
 * MRZ faces and photo conditions) with the same shape of truth and expectation, to see whether a change tuned on
 * the primary set generalises. Nothing is calibrated on it.
 */
import { composeMrz, TransliterationScheme, transliterationVariants } from '@idv/mrz';
import { issueDocument, IssuedDocument, Person } from '../applicant.generator';
import type { GenerateCaseOptions, IdentityDocumentType } from '../case.generator';
import {
  CasePlan,
  documentSample,
  otherCardPlan,
  swapRecordNames,
  validateWeights,
  withFontOptions,
} from '../case-parts';
import { PrintedDocument, renderDocument } from '../document.renderer';
import { addDays, addYears, isIsoDate } from '../iso-date';
import { toMrzData } from '../mrz-data';
import { hashString, Rng } from '../prng';
import { differentName, distinctDigit, nameTypo, toTitleCase, wrongValue } from '../record.builder';
import { ApplicantRecord, CaseDefect, ComparedField, MrzLayout, SampleCase, Sex } from '../sample.model';
import { DefectPlan } from '../scenario.planner';
import { HOLDOUT_NAMES } from './holdout-names';
import {
  HOLDOUT_SCENARIO_WEIGHTS,
  holdoutIncidentalDefects,
  holdoutMildDefects,
  holdoutSevereDefects,
} from './holdout-scenarios';
import { pickHoldoutStyle } from './holdout-style';

/** More cards than the primary set: their three-line MRZ is where OCR slips cost the most. */
const HOLDOUT_DOCUMENT_TYPE_WEIGHTS: Readonly<Record<IdentityDocumentType, number>> = {
  passport: 0.35,
  id_card: 0.35,
  residence_permit: 0.15,
  visa: 0.15,
};

/** Names are where the holdout set differs most: most mismatches are in them. */
const MISMATCH_FIELD_WEIGHTS: Readonly<Record<ComparedField, number>> = {
  surname: 0.32,
  givenNames: 0.32,
  dateOfBirth: 0.12,
  documentNumber: 0.14,
  nationality: 0.1,
};

type TamperedField = NonNullable<SampleCase['tamperedField']>;

export function planHoldoutCase(seed: number, options: GenerateCaseOptions, today: string): CasePlan {
  // Its own stream: the same seed gives unrelated cases in the two sets.
  const rng = new Rng(hashString(`holdout:${seed}`));
  const scenarios = { ...HOLDOUT_SCENARIO_WEIGHTS, ...options.scenarios };
  validateWeights(scenarios, 'scenarios');
  const scenario = options.scenario ?? rng.fork('scenario').weighted(scenarios);
  const id = options.id ?? `hold-${(seed >>> 0).toString(16).padStart(8, '0')}`;
  let person = holdoutPerson(rng.fork('person'), today);
  const softness = rng.fork('print').float(0.35, 0.8);

  if (scenario === 'unsupported') {
    const style = withFontOptions(pickHoldoutStyle(rng.fork('style'), 'en'), options);
    const plan = otherCardPlan(rng, seed, id, person, today, softness, style);
    return { ...plan, sample: { ...plan.sample, styleSet: 'holdout' } };
  }

  const types = { ...HOLDOUT_DOCUMENT_TYPE_WEIGHTS, ...options.documentTypes };
  validateWeights(types, 'documentTypes');
  const documentType = options.documentType ?? rng.fork('document-type').weighted(types);
  let issued = issueDocument(rng.fork('document'), person, {
    documentType,
    today,
    expired: scenario === 'expired',
  });
  // Issuers differ: the recommended ICAO transliteration (Ä → AE) or the letters stripped of their marks (Ä → A).
  const transliteration: TransliterationScheme = rng.fork('transliteration').chance(0.35)
    ? 'stripped'
    : 'icao';
  let mrzLines = composeMrz(toMrzData(person, issued), { transliteration });
  let tamperedField: TamperedField | undefined;
  if (scenario === 'tampered') {
    const tamperRng = rng.fork('tamper');
    const field = tamperRng.pick(['documentNumber', 'dateOfBirth', 'expiryDate'] as const);
    const tampered = tamperMrzField(tamperRng, mrzLines, issued.layout, field, { person, issued, today });
    mrzLines = tampered.lines;
    tamperedField = tampered.field;
    // The forger prints the altered value on the page too, and registers it.
    ({ person, issued } = tampered);
  }

  const printed: PrintedDocument = {
    ...issued,
    surname: person.surname,
    givenNames: person.givenNames,
    nationality: person.nationality,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    placeOfBirth: person.placeOfBirth,
    mrzLines,
  };
  const style = withFontOptions(pickHoldoutStyle(rng.fork('style'), issued.language), options);
  const sides = renderDocument(printed, style, rng.fork('render'));
  const sideNames: CaseDefect['side'][] = sides.back ? ['front', 'back'] : ['front'];
  const mrzSide = sides.back ? 'back' : 'front';
  const defectRng = rng.fork('defects');
  const plan: DefectPlan =
    scenario === 'mild'
      ? holdoutMildDefects(defectRng, sideNames)
      : scenario === 'severe'
        ? holdoutSevereDefects(defectRng, sideNames, mrzSide)
        : holdoutIncidentalDefects(defectRng, sideNames, scenario);

  const mismatchField =
    scenario === 'mismatch'
      ? rng
          .fork('mismatch')
          .weighted(
            issued.documentType === 'visa'
              ? { ...MISMATCH_FIELD_WEIGHTS, documentNumber: 0 }
              : MISMATCH_FIELD_WEIGHTS,
          )
      : undefined;
  const built = holdoutRecord(rng.fork('record'), `wallet-${id}`, person, issued, mismatchField);
  if (scenario === 'review') built.record = swapRecordNames(built.record);
  const sample: SampleCase = {
    ...documentSample({
      id,
      seed,
      scenario,
      today,
      person,
      issued,
      printedNumber: issued.documentNumber,
      mrzLines,
      sideNames,
      plan,
      built,
      mismatchField,
    }),
    styleSet: 'holdout',
    mrzFont: style.mrz.family,
    ...(tamperedField ? { tamperedField } : {}),
  };
  return { sample, sides, softness, fonts: [style.mrz.family, style.valueFamily, style.labelFamily] };
}

/** A holder whose surname and every given name carry letters outside A-Z. */
export function holdoutPerson(rng: Rng, today: string): Person {
  const nationality = rng.pick(Object.keys(HOLDOUT_NAMES));
  const pool = HOLDOUT_NAMES[nationality];
  const sex: Sex = rng.chance(0.02) ? 'X' : rng.chance(0.5) ? 'F' : 'M';
  const given = sex === 'M' ? pool.male : sex === 'F' ? pool.female : [...pool.male, ...pool.female];
  const age = rng.int(18, 80);
  return {
    nationality,
    sex,
    surname: rng.pick(pool.surnames),
    givenNames: rng.pick(given),
    dateOfBirth: addDays(addYears(today, -age), -rng.int(1, 360)),
    placeOfBirth: rng.pick(pool.places),
  };
}

/**
 * The record as the person typed it: with the document's diacritics (mostly), in title case, or in one of the
 * ASCII spellings an MRZ may hold; for a mismatch one field is wrong, most often by one letter of a name.
 */
function holdoutRecord(
  rng: Rng,
  externalId: string,
  person: Person,
  issued: IssuedDocument,
  mismatch?: ComparedField,
): { record: ApplicantRecord; variant?: string } {
  const typing = rng.weighted({ printed: 3, title: 1.2, ascii: 1 });
  const asTyped = (name: string) => {
    if (typing === 'title') return toTitleCase(name);
    if (typing === 'ascii') {
      const variants = transliterationVariants(name).map((v) => v.replace(/</g, ' '));
      return rng.pick(variants);
    }
    return name;
  };
  const record: ApplicantRecord = {
    externalId,
    surname: asTyped(person.surname),
    givenNames: asTyped(person.givenNames),
    dateOfBirth: person.dateOfBirth,
    nationality: person.nationality,
  };
  if (rng.chance(0.7) && person.sex !== 'X') record.sex = person.sex;
  const comparableNumber = issued.documentType !== 'visa';
  if (comparableNumber && (rng.chance(0.6) || mismatch === 'documentNumber'))
    record.documentNumber = issued.documentNumber;
  if (!mismatch) return { record };

  const typo = rng.chance(mismatch === 'surname' || mismatch === 'givenNames' ? 0.75 : 0.5);
  let how = typo ? 'typo' : 'different';
  switch (mismatch) {
    case 'surname':
    case 'givenNames': {
      const pool = HOLDOUT_NAMES[person.nationality];
      const others = (mismatch === 'surname' ? pool.surnames : [...pool.male, ...pool.female]).map(asTyped);
      const current = record[mismatch];
      const other = typo ? undefined : differentName(rng, current, others);
      record[mismatch] = other ?? nameTypo(rng, current);
      if (!other) how = 'typo';
      break;
    }
    default:
      how = wrongValue(rng, record, mismatch, typo, {
        dateOfBirth: person.dateOfBirth,
        documentNumber: issued.documentNumber,
        nationality: person.nationality,
      });
  }
  return { record, variant: `${mismatch}-${how}` };
}

/** Where a field sits in the MRZ: TD1 keeps the number on line 1 and the dates on line 2, the others on line 2. */
function fieldPosition(
  layout: MrzLayout,
  field: TamperedField,
): { line: number; start: number; length: number } {
  const td1 = layout === 'TD1';
  switch (field) {
    case 'documentNumber':
      return td1 ? { line: 0, start: 5, length: 9 } : { line: 1, start: 0, length: 9 };
    case 'dateOfBirth':
      return { line: 1, start: td1 ? 0 : 13, length: 6 };
    case 'expiryDate':
      return { line: 1, start: td1 ? 8 : 21, length: 6 };
  }
}

/**
 * The forger's edit: one digit of the document number, or of a date's year (a holder made older, a document
 * extended), changed with its check digits left as they were. The person and the document say the same altered
 * value (page, record), only the check digits betray it.
 */
export function tamperMrzField(
  rng: Rng,
  lines: string[],
  layout: MrzLayout,
  field: TamperedField,
  facts: { person: Person; issued: IssuedDocument; today: string },
): { lines: string[]; person: Person; issued: IssuedDocument; field: TamperedField } {
  const { line, start, length } = fieldPosition(layout, field);
  const value = lines[line].slice(start, start + length);
  let altered = value;
  let iso = '';
  for (let attempt = 0; attempt < 40 && altered === value; attempt++) {
    if (field === 'documentNumber') {
      const digits = [...value].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
      const at = rng.pick(digits);
      altered = value.slice(0, at) + distinctDigit(rng, value[at]) + value.slice(at + 1);
    } else {
      // The year's last digit: the date stays a real one and the century the same.
      const candidate = value[0] + distinctDigit(rng, value[1]) + value.slice(2);
      const original = field === 'dateOfBirth' ? facts.person.dateOfBirth : facts.issued.expiryDate;
      iso = `${original.slice(0, 2)}${candidate.slice(0, 2)}-${candidate.slice(2, 4)}-${candidate.slice(4, 6)}`;
      const adult = field !== 'dateOfBirth' || iso <= addYears(facts.today, -18);
      const issuedBefore = field !== 'expiryDate' || iso > facts.issued.issueDate;
      if (isIsoDate(iso) && adult && issuedBefore) altered = candidate;
    }
  }
  // No year digit gives a date that could be (a leap day): the number, which always can be, instead.
  if (altered === value) return tamperMrzField(rng, lines, layout, 'documentNumber', facts);
  const out = [...lines];
  out[line] = lines[line].slice(0, start) + altered + lines[line].slice(start + length);
  const { person, issued } = facts;
  switch (field) {
    case 'documentNumber':
      return { lines: out, person, issued: { ...issued, documentNumber: altered.replace(/<+$/, '') }, field };
    case 'dateOfBirth':
      return { lines: out, person: { ...person, dateOfBirth: iso }, issued, field };
    case 'expiryDate':
      return { lines: out, person, issued: { ...issued, expiryDate: iso }, field };
  }
}
