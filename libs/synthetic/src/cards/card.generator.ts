/**
 * Generated Chinese and Hong Kong identity-card cases: an invented holder, the card the issuer would print
 * (or a flawed one), the registration record, the image defects and the verdict a correct service gives, with
 * every printed field's value and pixel box as ground truth. Same seed and options, same bytes.
 */
import { DEFAULT_TODAY, renderSideImage } from '../case.generator';
import { encodeImage } from '../defects/document-image';
import type { RenderedSide } from '../document.renderer';
import { addDays, addYears, isIsoDate } from '../iso-date';
import { Rng } from '../prng';
import { Box, CaseDefect, Verdict } from '../sample.model';
import { DefectPlan, incidentalDefects } from '../scenario.planner';
import { SyntheticError, SyntheticErrorCode } from '../synthetic.error';
import {
  CARD_DOCUMENT_TYPE,
  CARD_FORMAT,
  CARD_KINDS,
  CardApplicantRecord,
  CardCase,
  CardComparedField,
  CardField,
  CardFieldTruth,
  CardGroundTruth,
  CardKind,
  CardScenario,
  CardStyleSet,
  GeneratedCardCase,
} from './card.model';
import { assertCardFonts } from './card-fonts';
import {
  ageOn,
  breakCheckCharacter,
  breakHkidCheckDigit,
  citizenNumber,
  expiryOf,
  hkidNumber,
  inconsistentCitizenNumber,
  otherValidCitizenNumber,
  otherValidHkidNumber,
  passNumber,
  PERMIT_REGION,
  requiredTerm,
  ValidityTerm,
} from './card-issue';
import { birthDate, CardPerson, generateCardPerson, generateHkPerson, HkPerson } from './card-people';
import {
  CardDefectPlan,
  cardMildDefects,
  cardSevereDefects,
  copyDefects,
  DEFAULT_CARD_SCENARIO_WEIGHTS,
  scenarioApplies,
} from './card-scenarios';
import { pickCardStyle } from './card-style';
import {
  addressIn,
  currentDivision,
  Division,
  DIVISIONS,
  issuingAuthority,
  permitAuthority,
} from './divisions';
import { PrintedHkid, renderHkid } from './hkid.renderer';
import { addressFits, PrintedMainlandCard, PrintedText, renderMainlandCard } from './resident-id.renderer';

export const DEFAULT_CARD_KIND_WEIGHTS: Readonly<Record<CardKind, number>> = {
  cn_resident_id: 0.55,
  cn_residence_permit: 0.15,
  hk_identity_card: 0.3,
};

/** Options of {@link generateCardCase}. */
export interface GenerateCardCaseOptions {
  /** Reference date for expiry (YYYY-MM-DD); defaults to the MRZ generator's fixed day. */
  today?: string;
  /** Forces one card kind; else drawn by `kinds`. */
  kind?: CardKind;
  kinds?: Partial<Record<CardKind, number>>;
  /** Forces one scenario (it must exist for the kind: an HKID card has no back, no expiry). */
  scenario?: CardScenario;
  scenarios?: Partial<Record<CardScenario, number>>;
  /** `primary` (default) or `holdout`. */
  styleSet?: CardStyleSet;
  /** Case id; defaults to `card-<seed as 8 hex digits>`. */
  id?: string;
}

interface CardPlan {
  sample: CardCase;
  /** The rendered sides, before any swap or omission. */
  sides: { front: RenderedSide; back?: RenderedSide };
  softness: number;
  printed: PrintedText;
  values: Partial<Record<CardField, string>>;
}

/**
 * Generates one card case from `seed`. The images are what the person uploads: after a swap the emblem side
 * is `front`; with a missing side only one image exists.
 */
export async function generateCardCase(
  seed: number,
  options: GenerateCardCaseOptions = {},
): Promise<GeneratedCardCase> {
  const plan = planCardCase(seed, options);
  const { sample } = plan;
  const produced: Partial<Record<'front' | 'back', { bytes: Buffer; named: Record<string, Box> }>> = {};
  for (const side of ['front', 'back'] as const) {
    const rendered = plan.sides[side];
    if (!rendered || !uploadedSides(sample).includes(side)) continue;
    produced[side] = await produceSide(
      rendered,
      plan.softness,
      sample.defects.filter((d) => d.side === side),
    );
  }
  // Ground-truth boxes are those of the delivered image, after every geometric defect.
  for (const [name, truth] of Object.entries(sample.groundTruth.fields) as [CardField, CardFieldTruth][]) {
    const box = produced[truth.side]?.named[name];
    if (box) truth.box = box;
  }
  const images: GeneratedCardCase['images'] = {};
  const front = sample.sidesSwapped ? produced.back : produced.front;
  const back = sample.sidesSwapped ? produced.front : produced.back;
  if (front) images.front = front.bytes;
  if (back) images.back = back.bytes;
  return { case: sample, images };
}

/** The card's own sides that are uploaded (a missing side is not). */
function uploadedSides(sample: CardCase): ('front' | 'back')[] {
  const present = sample.groundTruth.sides;
  if (sample.scenario !== 'side-missing') return present;
  return present.filter((s) => s !== sample.reasonField);
}

async function produceSide(
  side: RenderedSide,
  softness: number,
  defects: CaseDefect[],
): Promise<{ bytes: Buffer; named: Record<string, Box> }> {
  const image = await renderSideImage(side, softness, defects);
  return { bytes: (await encodeImage(image)).bytes, named: { ...(image.regions.named ?? {}) } };
}

/** Draws everything about a card case from its seed; see {@link generateCardCase}. */
export function planCardCase(seed: number, options: GenerateCardCaseOptions = {}): CardPlan {
  const today = options.today ?? DEFAULT_TODAY;
  if (!isIsoDate(today))
    throw new SyntheticError(SyntheticErrorCode.INVALID_OPTIONS, `today must be YYYY-MM-DD, got ${today}`);
  if (!Number.isInteger(seed))
    throw new SyntheticError(SyntheticErrorCode.INVALID_OPTIONS, `seed must be an integer, got ${seed}`);
  const styleSet = options.styleSet ?? 'primary';
  if (styleSet !== 'primary' && styleSet !== 'holdout')
    throw new SyntheticError(SyntheticErrorCode.INVALID_OPTIONS, `styleSet must be primary or holdout`);
  assertCardFonts(styleSet);
  const rng = new Rng(seed);
  const kind =
    options.kind ?? rng.fork('kind').weighted(weights(DEFAULT_CARD_KIND_WEIGHTS, options.kinds, 'kinds'));
  if (!CARD_KINDS.includes(kind))
    throw new SyntheticError(SyntheticErrorCode.INVALID_OPTIONS, `unknown card kind ${kind}`);
  const scenario = options.scenario ?? pickScenario(rng.fork('scenario'), kind, options.scenarios);
  if (!scenarioApplies(kind, scenario))
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `scenario ${scenario} does not exist for ${kind}`,
    );
  const id = options.id ?? `card-${(seed >>> 0).toString(16).padStart(8, '0')}`;
  const context: Context = { rng, seed, id, today, kind, scenario, styleSet };
  return kind === 'hk_identity_card' ? planHkid(context) : planMainland(context);
}

interface Context {
  rng: Rng;
  seed: number;
  id: string;
  today: string;
  kind: CardKind;
  scenario: CardScenario;
  styleSet: CardStyleSet;
}

function pickScenario(
  rng: Rng,
  kind: CardKind,
  custom?: Partial<Record<CardScenario, number>>,
): CardScenario {
  const all = weights(DEFAULT_CARD_SCENARIO_WEIGHTS, custom, 'scenarios');
  const usable = Object.fromEntries(
    Object.entries(all).filter(([s]) => scenarioApplies(kind, s as CardScenario)),
  ) as Record<CardScenario, number>;
  if (!Object.values(usable).some((w) => w > 0))
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `no scenario of positive weight exists for ${kind}`,
    );
  return rng.weighted(usable);
}

function weights<K extends string>(
  base: Readonly<Record<K, number>>,
  custom: Partial<Record<K, number>> | undefined,
  name: string,
): Record<K, number> {
  const out = { ...base, ...custom } as Record<K, number>;
  const values = Object.values(out) as number[];
  if (values.some((w) => !(w >= 0)) || !values.some((w) => w > 0))
    throw new SyntheticError(
      SyntheticErrorCode.INVALID_OPTIONS,
      `${name} weights must be non-negative with one positive`,
    );
  return out;
}

/** The validity the issuer gave: an issue date and the term (wrong on purpose for `validity-term`). */
interface Validity {
  validFrom: string;
  expiryDate: string;
  term: ValidityTerm;
  consistent: boolean;
}

/**
 * Draws an issue date (after the holder's birth, before today) whose lawful term gives the scenario: a valid
 * card, an expired one (expired within the last twelve years: people forget to renew), a long-term one, or a recent card printed with
 * another term than the law's.
 */
function issueValidity(
  rng: Rng,
  dateOfBirth: string,
  today: string,
  permit: boolean,
  scenario: CardScenario,
): Validity {
  const earliest = addDays(dateOfBirth, 60);
  for (let attempt = 0; attempt < 400; attempt++) {
    const back =
      scenario === 'validity-term'
        ? rng.int(30, 4 * 365)
        : rng.int(20, (permit ? 8 : scenario === 'expired' ? 30 : 22) * 365);
    const validFrom = addDays(today, -back);
    if (validFrom < earliest) continue;
    const term = requiredTerm(dateOfBirth, validFrom, permit);
    const expiryDate = expiryOf(validFrom, term);
    const valid = term === 'long' || expiryDate > today;
    if (scenario === 'expired') {
      if (term === 'long' || expiryDate >= addDays(today, -20) || expiryDate < addYears(today, -12)) continue;
      return { validFrom, expiryDate, term, consistent: true };
    }
    if (!valid) continue;
    if (scenario === 'long-term' && term !== 'long') continue;
    if (scenario === 'validity-term') {
      const wrong = permit
        ? rng.pick<ValidityTerm>([10, 20])
        : rng.pick(([5, 10, 20, 'long'] as ValidityTerm[]).filter((t) => t !== term));
      return { validFrom, expiryDate: expiryOf(validFrom, wrong), term: wrong, consistent: false };
    }
    return { validFrom, expiryDate, term, consistent: true };
  }
  throw new Error(`no issue date gives scenario ${scenario} for a holder born ${dateOfBirth}`);
}

function planMainland(ctx: Context): CardPlan {
  const { rng, today, scenario } = ctx;
  const permit = ctx.kind === 'cn_residence_permit';
  // A long-term card needs a holder who was 46 when it was issued; an expired one a holder who was younger.
  const ages =
    scenario === 'long-term' ? { minAge: 47 } : scenario === 'expired' ? { minAge: 7, maxAge: 40 } : {};
  let person = generateCardPerson(rng.fork('person'), {
    today,
    rare: scenario === 'rare-character',
    hanOnly: permit || scenario === 'latin-record' || scenario === 'mismatch',
    ...ages,
  });
  if (scenario === 'long-term' && ageOn(person.dateOfBirth, today) < 47)
    person = { ...person, dateOfBirth: birthDate(rng.fork('long-term-birth'), today, 50, 90) };
  const validity = issueValidity(rng.fork('validity'), person.dateOfBirth, today, permit, scenario);

  const permitRegion = rng.fork('permit-region').weighted({ HKG: 0.55, MAC: 0.15, TWN: 0.3 } as const);
  const home = residence(rng.fork('residence'), person.birthDivision);
  const region = permit ? PERMIT_REGION[permitRegion] : person.birthDivision.code;
  const trueNumber = citizenNumber(rng.fork('number'), region, person.dateOfBirth, person.sex);
  const inconsistency = rng.fork('inconsistency').chance(0.5) ? 'birth' : 'sex';
  const printedNumber =
    scenario === 'number-invalid'
      ? breakCheckCharacter(rng.fork('broken'), trueNumber)
      : scenario === 'number-inconsistent'
        ? inconsistentCitizenNumber(rng.fork('inconsistent'), trueNumber, inconsistency)
        : trueNumber;

  let address = addressIn(rng.fork('address'), home);
  for (let i = 0; !addressFits(address); i++) address = addressIn(rng.fork(`address-${i}`), home);
  const card: PrintedMainlandCard = {
    permit,
    fullName: person.fullName,
    sex: person.sex,
    ...(permit ? {} : { ethnicity: person.ethnicity }),
    dateOfBirth: person.dateOfBirth,
    address,
    number: printedNumber,
    authority: permit ? permitAuthority(home) : issuingAuthority(home),
    validFrom: validity.validFrom,
    expiryDate: validity.expiryDate,
    ...(permit
      ? { passNumber: passNumber(rng.fork('pass'), permitRegion), issueCount: rng.fork('count').int(1, 3) }
      : {}),
  };
  const style = pickCardStyle(rng.fork('style'), ctx.styleSet, 'simplified', [
    card.fullName,
    card.address,
    card.authority,
    card.ethnicity ?? '',
  ]);
  const rendered = renderMainlandCard(card, style, rng.fork('render'));

  const values: Partial<Record<CardField, string>> = {
    fullName: card.fullName,
    sex: card.sex,
    dateOfBirth: card.dateOfBirth,
    address: card.address,
    documentNumber: printedNumber,
    issuingAuthority: card.authority,
    validity: `${card.validFrom}/${card.expiryDate || 'long-term'}`,
    ...(card.ethnicity ? { ethnicity: card.ethnicity } : {}),
    ...(card.passNumber ? { passNumber: card.passNumber } : {}),
    ...(card.issueCount ? { issueCount: String(card.issueCount) } : {}),
  };
  const sides: ('front' | 'back')[] = ['front', 'back'];
  const defectPlan = planDefects(rng.fork('defects'), sides, scenario);
  const missing = rng.fork('missing').chance(0.5) ? 'front' : 'back';
  const mismatchField =
    scenario === 'mismatch' ? mainlandMismatchField(rng.fork('mismatch'), person) : undefined;
  const record = mainlandRecord(rng.fork('record'), ctx, person, trueNumber, mismatchField);

  const truth: CardGroundTruth = {
    kind: ctx.kind,
    styleSet: ctx.styleSet,
    sides,
    numberValid: scenario !== 'number-invalid',
    numberConsistent: scenario !== 'number-inconsistent',
    validityConsistent: validity.consistent,
    validFrom: validity.validFrom,
    expiryDate: validity.expiryDate,
    longTerm: validity.term === 'long',
    permanent: null,
    regionCode: region,
    fields: fieldTruths(values, rendered.printed, {
      back: ['issuingAuthority', 'validity', 'passNumber', 'issueCount'],
    }),
  };
  const expected = expectation(scenario, defectPlan, {
    mismatchField,
    missing,
    inconsistency: inconsistency === 'birth' ? 'dateOfBirth' : 'sex',
  });
  return assemble(ctx, {
    variant: variantName(scenario, defectPlan, record.variant, missing),
    truth,
    record: record.record,
    defectPlan,
    expected,
    mismatchField,
    sides: { front: rendered.front, back: rendered.back },
    printed: rendered.printed,
    values,
  });
}

/** Where the holder lives now: the successor of a retired birth district, mostly where they were born. */
function residence(rng: Rng, birth: Division): Division {
  if (birth.retired) return currentDivision(birth);
  if (rng.chance(0.75)) return birth;
  return rng.pick(DIVISIONS.filter((d) => !d.retired));
}

function planDefects(rng: Rng, sides: ('front' | 'back')[], scenario: CardScenario): CardDefectPlan {
  switch (scenario) {
    case 'mild':
      return cardMildDefects(rng, sides);
    case 'severe':
      return cardSevereDefects(rng, sides);
    case 'copy':
      return copyDefects(rng, sides);
    default:
      return incidentalDefects(rng, sides, scenario);
  }
}

function variantName(
  scenario: CardScenario,
  plan: DefectPlan,
  recordVariant: string | undefined,
  missing: string,
): string {
  if (scenario === 'side-missing')
    return `side-missing-${missing}${plan.name.endsWith('-desk') ? '-desk' : ''}`;
  if (recordVariant) return plan.name.replace(/^(mismatch|latin-record)/, `$1-${recordVariant}`);
  return plan.name;
}

/** Field values and printed texts joined into the ground truth; boxes are added once the sides are rendered. */
function fieldTruths(
  values: Partial<Record<CardField, string>>,
  printed: PrintedText,
  sides: { back: CardField[] },
): Partial<Record<CardField, CardFieldTruth>> {
  const out: Partial<Record<CardField, CardFieldTruth>> = {};
  for (const [field, text] of Object.entries(printed) as [CardField, string][]) {
    out[field] = {
      value: values[field] ?? text,
      printed: text,
      side: sides.back.includes(field) ? 'back' : 'front',
    };
  }
  return out;
}

function mainlandMismatchField(rng: Rng, person: CardPerson): CardComparedField {
  const fields: CardComparedField[] = ['dateOfBirth', 'sex', 'documentNumber'];
  // The homophone typo is the mistake that matters most (it survives a pinyin comparison): half the cases.
  if (person.homophoneName && rng.chance(0.5)) return 'fullName';
  return rng.pick(person.homophoneName ? [...fields, 'fullName'] : fields);
}

interface BuiltRecord {
  record: CardApplicantRecord;
  variant?: string;
}

/**
 * The record the wallet sent: the Han name whole or split, sometimes in pinyin (`latin-record`), the number
 * only when the registration checks would let it through (it must agree with the record's birth date and sex).
 */
function mainlandRecord(
  rng: Rng,
  ctx: Context,
  person: CardPerson,
  number: string,
  mismatch?: CardComparedField,
): BuiltRecord {
  const record: CardApplicantRecord = {
    externalId: `wallet-${ctx.id}`,
    dateOfBirth: person.dateOfBirth,
    nationality: 'CHN',
  };
  let variant: string | undefined;
  if (ctx.scenario === 'latin-record') {
    const surname = person.surnamePinyin;
    const given = person.givenPinyin;
    const title = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
    const form = rng.int(0, 2);
    if (form === 0) Object.assign(record, { surname, givenNames: given });
    else if (form === 1) record.fullName = `${surname} ${given}`;
    else Object.assign(record, { surname: title(surname), givenNames: title(given) });
    variant = 'pinyin';
  } else if (person.surname && rng.chance(0.5)) {
    Object.assign(record, { surname: person.surname, givenNames: person.givenName });
  } else {
    record.fullName = person.fullName;
  }
  if (rng.chance(0.7) || mismatch === 'sex') record.sex = person.sex;
  // A broken or inconsistent number on the card cannot be what the person registered: the checks refuse it.
  const numberAllowed = !['number-invalid', 'number-inconsistent'].includes(ctx.scenario);
  if (numberAllowed && (rng.chance(0.6) || mismatch === 'documentNumber')) record.documentNumber = number;
  if (rng.chance(0.5)) record.documentType = 'cn_resident_id';

  switch (mismatch) {
    case 'fullName': {
      const typo = person.homophoneName!;
      if (record.fullName !== undefined) record.fullName = typo;
      else record.givenNames = typo.slice(person.surname.length);
      variant = 'homophone';
      break;
    }
    case 'dateOfBirth':
      record.dateOfBirth = shiftedDate(rng, person.dateOfBirth);
      delete record.documentNumber; // the number would contradict the typed date and be refused
      variant = 'birth-date';
      break;
    case 'sex':
      record.sex = person.sex === 'M' ? 'F' : 'M';
      delete record.documentNumber;
      variant = 'sex';
      break;
    case 'documentNumber':
      record.documentNumber = otherValidCitizenNumber(rng, number);
      variant = 'number';
      break;
  }
  return { record, ...(variant ? { variant } : {}) };
}

/** A different date a person could type by mistake: a day, a month or a year off. */
function shiftedDate(rng: Rng, iso: string): string {
  const options = [addDays(iso, 1), addDays(iso, -1), addYears(iso, 1), addYears(iso, -1), addDays(iso, 31)];
  return rng.pick(options.filter((d) => d !== iso));
}

function planHkid(ctx: Context): CardPlan {
  const { rng, today, scenario } = ctx;
  const person = generateHkPerson(rng.fork('person'), { today });
  const permanent = rng.fork('permanent').chance(0.8);
  const place = rng.fork('birthplace').weighted({ Z: 0.6, X: 0.25, O: 0.1, W: 0.05 });
  const symbols = permanent ? `***A${place}` : `${rng.fork('status').pick(['C', 'R', 'U'])}${place}`;
  const trueNumber = hkidNumber(rng.fork('number'));
  const printedNumber =
    scenario === 'number-invalid' ? breakHkidCheckDigit(rng.fork('broken'), trueNumber) : trueNumber;
  const adult = addYears(person.dateOfBirth, 18);
  const firstRegistration = addDays(person.dateOfBirth, rng.fork('registered').int(11 * 365, 19 * 365));
  const recent = addDays(today, -rng.fork('issued').int(30, 8 * 365));
  const issueDate = recent > adult ? recent : addDays(adult, 10);
  const card: PrintedHkid = {
    permanent,
    chineseName: person.chineseName,
    englishName: person.englishName,
    commercialCode: person.commercialCode,
    dateOfBirth: person.dateOfBirth,
    sex: person.sex,
    symbols,
    firstRegistration,
    issueDate: issueDate > today ? today : issueDate,
    number: printedNumber,
  };
  const style = pickCardStyle(rng.fork('style'), ctx.styleSet, 'traditional', [card.chineseName]);
  const rendered = renderHkid(card, style, rng.fork('render'));
  const values: Partial<Record<CardField, string>> = {
    chineseName: card.chineseName,
    fullName: card.englishName,
    chineseCommercialCode: card.commercialCode.join(' '),
    dateOfBirth: card.dateOfBirth,
    sex: card.sex,
    symbols,
    firstRegistration: firstRegistration.slice(0, 7),
    issueDate: card.issueDate,
    documentNumber: printedNumber,
  };
  const sides: ('front' | 'back')[] = ['front'];
  const defectPlan = planDefects(rng.fork('defects'), sides, scenario);
  const mismatchField =
    scenario === 'mismatch'
      ? rng
          .fork('mismatch')
          .weighted<CardComparedField>({ fullName: 2, dateOfBirth: 1, sex: 1, documentNumber: 1 })
      : undefined;
  const record = hkRecord(rng.fork('record'), ctx, person, trueNumber, mismatchField);
  const truth: CardGroundTruth = {
    kind: ctx.kind,
    styleSet: ctx.styleSet,
    sides,
    numberValid: scenario !== 'number-invalid',
    numberConsistent: true,
    validityConsistent: true,
    validFrom: card.issueDate,
    expiryDate: '',
    longTerm: false,
    permanent,
    regionCode: '',
    fields: fieldTruths(values, rendered.printed, { back: [] }),
  };
  const expected = expectation(scenario, defectPlan, {
    mismatchField,
    missing: 'front',
    inconsistency: 'sex',
  });
  return assemble(ctx, {
    variant: variantName(scenario, defectPlan, record.variant, 'front'),
    truth,
    record: record.record,
    defectPlan,
    expected,
    mismatchField,
    sides: { front: rendered.front },
    printed: rendered.printed,
    values,
  });
}

/**
 * The HKID holder's record: the Chinese name, or the English name as printed (`CHAN Tai Man`, `CHAN` +
 * `TAI MAN`); for the mismatch of the name, the Mandarin pinyin of the Chinese name, which the card never
 * prints and which Cantonese romanisation does not match.
 */
function hkRecord(
  rng: Rng,
  ctx: Context,
  person: HkPerson,
  number: string,
  mismatch?: CardComparedField,
): BuiltRecord {
  const record: CardApplicantRecord = {
    externalId: `wallet-${ctx.id}`,
    dateOfBirth: person.dateOfBirth,
    nationality: 'CHN',
  };
  let variant: string | undefined;
  if (ctx.scenario === 'latin-record' || (!mismatch && rng.chance(0.5))) {
    if (rng.chance(0.5))
      Object.assign(record, { surname: person.englishSurname, givenNames: person.englishGiven });
    else record.fullName = person.englishName.replace(',', '');
    if (ctx.scenario === 'latin-record') variant = 'english-name';
  } else {
    record.fullName = person.chineseName;
  }
  if (rng.chance(0.7) || mismatch === 'sex') record.sex = person.sex;
  if (ctx.scenario !== 'number-invalid' && (rng.chance(0.6) || mismatch === 'documentNumber'))
    record.documentNumber = rng.chance(0.5) ? `${number.slice(0, -1)}(${number.slice(-1)})` : number;
  if (rng.chance(0.5)) record.documentType = 'hk_identity_card';
  switch (mismatch) {
    case 'fullName':
      delete record.surname;
      delete record.givenNames;
      record.fullName = person.pinyin;
      variant = 'pinyin';
      break;
    case 'dateOfBirth':
      record.dateOfBirth = shiftedDate(rng, person.dateOfBirth);
      variant = 'birth-date';
      break;
    case 'sex':
      record.sex = person.sex === 'M' ? 'F' : 'M';
      variant = 'sex';
      break;
    case 'documentNumber':
      record.documentNumber = otherValidHkidNumber(rng, number);
      variant = 'number';
      break;
  }
  return { record, ...(variant ? { variant } : {}) };
}

interface Expected {
  expectedVerdict: Verdict;
  acceptableVerdicts: Verdict[];
  expectedReasons: string[];
  acceptableReasons: string[];
  reasonField?: string;
}

function expectation(
  scenario: CardScenario,
  plan: CardDefectPlan,
  o: { mismatchField?: CardComparedField; missing: 'front' | 'back'; inconsistency: 'dateOfBirth' | 'sex' },
): Expected {
  const verdict = (
    expectedVerdict: Verdict,
    expectedReasons: string[] = [],
    reasonField?: string,
  ): Expected => ({
    expectedVerdict,
    acceptableVerdicts: [],
    expectedReasons,
    acceptableReasons: [],
    ...(reasonField ? { reasonField } : {}),
  });
  switch (scenario) {
    case 'clean':
    case 'mild':
    case 'swapped':
    case 'long-term':
    case 'latin-record':
      return verdict('accepted');
    case 'rare-character':
      // OCR may not know the character: with number, birth date and sex agreeing, a person looks (never rejected).
      return {
        ...verdict('accepted'),
        acceptableVerdicts: ['manual_review'],
        acceptableReasons: ['LOW_CONFIDENCE', 'FIELD_NEAR_MATCH', 'FIELD_UNREADABLE'],
      };
    case 'severe':
      return {
        ...verdict('unreadable', plan.reasons, plan.reasonField),
        acceptableReasons: plan.acceptable,
      };
    case 'copy':
      return verdict('unreadable', ['DOCUMENT_COPY']);
    case 'side-missing':
      return verdict('unreadable', ['DOCUMENT_SIDE_MISSING'], o.missing);
    case 'mismatch':
      return verdict('mismatch', ['FIELD_MISMATCH'], o.mismatchField);
    case 'expired':
      return verdict('expired', ['DOCUMENT_EXPIRED']);
    case 'validity-term':
      return verdict('manual_review', ['VALIDITY_INCONSISTENT']);
    case 'number-invalid':
      return verdict('rejected', ['ID_NUMBER_INVALID'], 'documentNumber');
    case 'number-inconsistent':
      return verdict('rejected', ['ID_NUMBER_INCONSISTENT'], o.inconsistency);
  }
}

/** The case and its plan from the parts every card kind draws. */
function assemble(
  ctx: Context,
  p: {
    variant: string;
    truth: CardGroundTruth;
    record: CardApplicantRecord;
    defectPlan: DefectPlan;
    expected: Expected;
    mismatchField?: CardComparedField;
    sides: CardPlan['sides'];
    printed: PrintedText;
    values: Partial<Record<CardField, string>>;
  },
): CardPlan {
  const sample: CardCase = {
    id: ctx.id,
    seed: ctx.seed,
    scenario: ctx.scenario,
    variant: p.variant,
    kind: ctx.kind,
    format: CARD_FORMAT[ctx.kind],
    documentType: CARD_DOCUMENT_TYPE[ctx.kind],
    files: {},
    sidesSwapped: ctx.scenario === 'swapped',
    groundTruth: p.truth,
    record: p.record,
    defects: p.defectPlan.defects,
    ...p.expected,
    ...(p.mismatchField ? { mismatchField: p.mismatchField } : {}),
    today: ctx.today,
  };
  sample.files = fileNames(sample);
  return {
    sample,
    sides: p.sides,
    softness: ctx.rng.fork('print').float(0.35, 0.65),
    printed: p.printed,
    values: p.values,
  };
}

/** Uploaded file names: `<id>-front` is whatever is uploaded as the front (the emblem side after a swap). */
function fileNames(sample: CardCase): CardCase['files'] {
  const own = uploadedSides(sample);
  const ext = (side: 'front' | 'back') => {
    const d = sample.defects.filter((x) => x.side === side);
    return d.length > 0 && d[d.length - 1].kind === 'jpeg' ? 'jpg' : 'png';
  };
  const files: CardCase['files'] = {};
  for (const side of own) {
    const as = sample.sidesSwapped ? (side === 'front' ? 'back' : 'front') : side;
    files[as] = `${sample.id}-${as}.${ext(side)}`;
  }
  return files;
}
