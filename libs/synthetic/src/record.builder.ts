import { transliterationVariants } from '@idv/mrz';
import { Person } from './applicant.generator';
import { HAN_GIVEN_FEMALE, HAN_GIVEN_MALE, HAN_SURNAMES, NAME_POOLS } from './name-pools';
import { addDays, addYears } from './iso-date';
import { Rng } from './prng';
import { ApplicantRecord, ComparedField } from './sample.model';

/** Letters a typo may introduce; visually close pairs (O/D/Q, I/L, B/E...) are left out so OCR cannot explain it. */
const TYPO_LETTERS = 'ACFGHKMNPRSTVWXYZ';
/** Digit pairs OCR confuses; a changed digit never lands on its partner. */
const CONFUSABLE_DIGITS: Readonly<Record<string, string>> = {
  '0': '689',
  '1': '47',
  '2': '7',
  '3': '58',
  '4': '1',
  '5': '368',
  '6': '0589',
  '7': '12',
  '8': '035690',
  '9': '086',
};
const OTHER_NATIONALITIES = [
  'BEL',
  'BRA',
  'CAN',
  'EGY',
  'GRC',
  'IND',
  'JPN',
  'KEN',
  'MEX',
  'NZL',
  'SVK',
  'UKR',
  'USA',
  'VNM',
];

/** A digit other than `digit` that OCR would not mistake it for. */
export function distinctDigit(rng: Rng, digit: string): string {
  const allowed = '0123456789'
    .split('')
    .filter((d) => d !== digit && !(CONFUSABLE_DIGITS[digit] ?? '').includes(d));
  return rng.pick(allowed);
}

/** What the document says, for building the record. */
export interface RecordSource {
  person: Person;
  documentNumber: string;
  /** Whether the document number is comparable (not for visas, whose number is the visa's own). */
  hasComparableNumber: boolean;
}

/**
 * The registration record a wallet backend would have sent. Names appear as the person typed them: the
 * visual-zone spelling in upper or title case, or for Chinese holders mostly in Han characters. For a mismatch
 * one field gets a typo or a different value that no ICAO transliteration variant explains.
 */
export function buildRecord(
  rng: Rng,
  externalId: string,
  source: RecordSource,
  mismatch?: ComparedField,
): { record: ApplicantRecord; variant?: string } {
  const { person } = source;
  const han = person.nativeSurname !== undefined && rng.chance(0.7);
  const titleCase = rng.chance(0.4);
  const caseOf = (value: string) => (han ? value : titleCase ? toTitleCase(value) : value);
  const record: ApplicantRecord = {
    externalId,
    surname: caseOf(han ? person.nativeSurname! : person.surname),
    givenNames: caseOf(han ? person.nativeGivenNames! : person.givenNames),
    dateOfBirth: person.dateOfBirth,
    nationality: person.nationality,
  };
  if (rng.chance(0.7) && person.sex !== 'X') record.sex = person.sex;
  if (source.hasComparableNumber && (rng.chance(0.6) || mismatch === 'documentNumber')) {
    record.documentNumber = source.documentNumber;
  }
  if (!mismatch) return { record };

  const typo = rng.chance(0.5);
  let how = typo ? 'typo' : 'different';
  switch (mismatch) {
    case 'surname':
    case 'givenNames': {
      const current = record[mismatch];
      if (han) {
        record[mismatch] = differentHan(rng, mismatch, current);
        how = 'different';
      } else {
        const pool = NAME_POOLS[person.nationality] ?? NAME_POOLS.UTO;
        const others = (mismatch === 'surname' ? pool.surnames : [...pool.male, ...pool.female]).map(caseOf);
        record[mismatch] = typo
          ? nameTypo(rng, current)
          : (differentName(rng, current, others) ?? nameTypo(rng, current));
        if (!typo && record[mismatch] === current) how = 'typo';
      }
      break;
    }
    default:
      how = wrongValue(rng, record, mismatch, typo, {
        dateOfBirth: person.dateOfBirth,
        documentNumber: source.documentNumber,
        nationality: person.nationality,
      });
  }
  return { record, variant: `${mismatch}-${how}` };
}

/**
 * Makes the record's date of birth, document number or nationality wrong: a typo (day and month swapped, a digit
 * changed) or another value. Returns which of the two it is (a nationality is always another).
 */
export function wrongValue(
  rng: Rng,
  record: ApplicantRecord,
  field: 'dateOfBirth' | 'documentNumber' | 'nationality',
  typo: boolean,
  truth: { dateOfBirth: string; documentNumber: string; nationality: string },
): 'typo' | 'different' {
  switch (field) {
    case 'dateOfBirth':
      record.dateOfBirth = typo
        ? dateTypo(rng, truth.dateOfBirth)
        : addDays(addYears(truth.dateOfBirth, rng.int(-15, 15) || 3), rng.int(-150, 150));
      if (record.dateOfBirth === truth.dateOfBirth) record.dateOfBirth = addDays(truth.dateOfBirth, 2);
      break;
    case 'documentNumber':
      record.documentNumber = typo
        ? numberTypo(rng, truth.documentNumber)
        : numberRedraw(rng, truth.documentNumber);
      break;
    case 'nationality':
      record.nationality = rng.pick(OTHER_NATIONALITIES.filter((c) => c !== truth.nationality));
      return 'different';
  }
  return typo ? 'typo' : 'different';
}

export function toTitleCase(value: string): string {
  return value
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** True when some MRZ spelling of `a` equals some MRZ spelling of `b`. */
function sameUnderTransliteration(a: string, b: string): boolean {
  // An ICAO digraph folded to its bare letter (SØREN, MRZ SOEREN, typed SOREN) is the same name too: the
  // service matches it, and the generator's own folded records (JØRGEN registered as JORGEN) expect that.
  const forms = (name: string) =>
    transliterationVariants(name).flatMap((v) => [v, v.toUpperCase().replace(/([AOU])E|AA/g, (m) => m[0])]);
  const va = new Set(forms(a));
  return forms(b).some((v) => va.has(v));
}

/** One ASCII letter substituted, dropped or swapped with its neighbour, never reducible to the original. */
export function nameTypo(rng: Rng, value: string): string {
  const chars = [...value];
  const letters = chars.map((c, i) => (/[A-Za-z]/.test(c) ? i : -1)).filter((i) => i > 0);
  for (let attempt = 0; attempt < 20 && letters.length > 0; attempt++) {
    const out = [...chars];
    const i = rng.pick(letters);
    const upper = out[i] === out[i].toUpperCase();
    const op = rng.int(0, 2);
    if (op === 0) {
      const letter = rng.pick(TYPO_LETTERS.split('').filter((l) => l !== out[i].toUpperCase()));
      out[i] = upper ? letter : letter.toLowerCase();
    } else if (op === 1 && letters.length > 3) {
      out.splice(i, 1);
    } else if (
      i + 1 < out.length &&
      /[A-Za-z]/.test(out[i + 1]) &&
      out[i + 1].toUpperCase() !== out[i].toUpperCase()
    ) {
      [out[i], out[i + 1]] = [out[i + 1], out[i]];
    } else {
      continue;
    }
    const candidate = out.join('');
    if (!sameUnderTransliteration(candidate, value)) return candidate;
  }
  return `${value}${upperOrLower(value, 'X')}`;
}

function upperOrLower(model: string, letter: string): string {
  return model === model.toUpperCase() ? letter : letter.toLowerCase();
}

export function differentName(rng: Rng, current: string, pool: readonly string[]): string | undefined {
  const options = pool.filter((p) => !sameUnderTransliteration(p, current));
  return options.length > 0 ? rng.pick(options) : undefined;
}

function differentHan(rng: Rng, field: 'surname' | 'givenNames', current: string): string {
  const pool = field === 'surname' ? HAN_SURNAMES : [...HAN_GIVEN_MALE, ...HAN_GIVEN_FEMALE];
  const currentPinyin = pool.find((p) => p.han === current)?.pinyin;
  return rng.pick(pool.filter((p) => p.han !== current && p.pinyin !== currentPinyin)).han;
}

/** Day and month swapped, a year off by one, or a day off by a few: the typos people make in forms. */
function dateTypo(rng: Rng, iso: string): string {
  const [y, m, d] = iso.split('-');
  if (rng.chance(0.4) && Number(d) <= 12 && d !== m) return `${y}-${d}-${m}`;
  if (rng.chance(0.5)) return addYears(iso, rng.chance(0.5) ? 1 : -1);
  return addDays(iso, rng.pick([-3, -2, -1, 1, 2, 3]));
}

function numberTypo(rng: Rng, value: string): string {
  const digits = [...value].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  const out = [...value];
  const i = rng.pick(digits);
  out[i] = distinctDigit(rng, out[i]);
  return out.join('');
}

function numberRedraw(rng: Rng, value: string): string {
  let out = value;
  while (out === value) out = [...value].map((c) => (/\d/.test(c) ? String(rng.int(0, 9)) : c)).join('');
  return out;
}
