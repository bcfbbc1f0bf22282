import {
  CHINESE_PLACES,
  HAN_GIVEN_FEMALE,
  HAN_GIVEN_MALE,
  HAN_SURNAMES,
  LabelLanguage,
  NAME_POOLS,
} from './name-pools';
import { addDays, addYears } from './iso-date';
import { hashString, Rng } from './prng';
import { DocumentType, MrzLayout, Sex } from './sample.model';

/** An invented holder. */
export interface Person {
  nationality: string;
  sex: Sex;
  /** As the visual zone prints them (upper case, diacritics kept; pinyin for Chinese holders). */
  surname: string;
  givenNames: string;
  /** Han characters for Chinese holders. */
  nativeSurname?: string;
  nativeGivenNames?: string;
  dateOfBirth: string;
  placeOfBirth: string;
}

/** The document issued to a person (before the MRZ is composed). */
export interface IssuedDocument {
  documentType: Exclude<DocumentType, 'other'>;
  layout: MrzLayout;
  documentCode: string;
  issuingCountry: string;
  documentNumber: string;
  issueDate: string;
  expiryDate: string;
  authority: string;
  optionalData: string;
  /** Language of the document's national labels. */
  language: LabelLanguage;
}

/** Nationalities drawn for holders; Chinese holders are frequent because their names exercise pinyin matching. */
const NATIONALITY_WEIGHTS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(Object.keys(NAME_POOLS).map((code) => [code, 1])),
  CHN: 2.5,
  UTO: 0.6,
};

const RESIDENCE_ISSUERS = [
  'DEU',
  'SWE',
  'ESP',
  'FRA',
  'NLD',
  'POL',
  'IRL',
  'ITA',
  'PRT',
  'CZE',
  'AUT',
  'DNK',
  'NOR',
  'FIN',
];
const VISA_ISSUERS = ['USA', 'GBR', 'CAN', 'FRA', 'DEU', 'ESP', 'ITA', 'JPN', 'AUS', 'UTO'];
/** Labels of issuers without a name pool. */
const ISSUER_LANGUAGE: Readonly<Record<string, LabelLanguage>> = {
  CAN: 'fr',
  CHN: 'en',
  HUN: 'en',
  ISL: 'en',
  ROU: 'en',
};

/** Cities of issuers without a name pool (visa issuers), for authorities such as "EMBASSY IN ...". */
const ISSUER_PLACES: Readonly<Record<string, readonly string[]>> = {
  USA: ['WASHINGTON', 'NEW YORK', 'CHICAGO'],
  GBR: ['LONDON', 'MANCHESTER', 'EDINBURGH'],
  CAN: ['OTTAWA', 'MONTRÉAL', 'TORONTO'],
  JPN: ['TOKYO', 'OSAKA'],
  AUS: ['CANBERRA', 'SYDNEY'],
  CHN: ['BEIJING', 'SHANGHAI'],
};

const AUTHORITIES: Readonly<Record<LabelLanguage, readonly string[]>> = {
  en: ['PASSPORT OFFICE', 'MINISTRY OF FOREIGN AFFAIRS', 'IMMIGRATION SERVICE', 'DEPARTMENT OF HOME AFFAIRS'],
  fr: ['PRÉFECTURE DE {P}', "MINISTÈRE DE L'INTÉRIEUR", 'AMBASSADE À {P}'],
  de: ['STADT {P}', 'LANDRATSAMT {P}', 'BÜRGERAMT {P}', 'AUSLÄNDERBEHÖRDE {P}'],
  es: ['DGP {P}', 'DIRECCIÓN GENERAL DE LA POLICÍA', 'COMISARÍA DE {P}'],
  sv: ['POLISMYNDIGHETEN', 'MIGRATIONSVERKET'],
  pl: ['WOJEWODA', 'PREZYDENT M. {P}', 'URZĄD DO SPRAW CUDZOZIEMCÓW'],
  it: ['COMUNE DI {P}', 'QUESTURA DI {P}', 'MINISTERO DEGLI AFFARI ESTERI'],
  pt: ['AIMA', 'REPÚBLICA PORTUGUESA', 'CONSULADO EM {P}'],
  nl: ['BURG. VAN {P}', 'IND', 'MINISTERIE VAN BUITENLANDSE ZAKEN'],
  da: ['POLITIET', 'UDLÆNDINGESTYRELSEN', 'POLITIDIREKTORAT {P}'],
  cs: ['MĚÚ {P}', 'MV ČR', 'MAGISTRÁT {P}'],
  tr: ['EMNİYET GENEL MÜDÜRLÜĞÜ', 'NÜFUS MÜDÜRLÜĞÜ {P}'],
};

const NUMBER_LETTERS = 'CFGHJKLMNPRTVWXYZ';
const NUMBER_ALNUM = '0123456789CFGHJKLMNPRTVWXYZ';
const DIGITS = '0123456789';

export function languageOf(country: string): LabelLanguage {
  return NAME_POOLS[country]?.language ?? ISSUER_LANGUAGE[country] ?? 'en';
}

/**
 * Draws a person. `longName` picks one of the extra-long names (from nationalities that have them) so the MRZ
 * has to truncate.
 */
export function generatePerson(
  rng: Rng,
  options: { today: string; longName?: boolean; nationality?: string },
): Person {
  const sex: Sex = rng.chance(0.02) ? 'X' : rng.chance(0.5) ? 'F' : 'M';
  const longPools = Object.entries(NAME_POOLS).filter(([, p]) => p.longSurnames && p.longGiven);
  const nationality =
    options.nationality ??
    (options.longName ? rng.pick(longPools)[0] : rng.weighted<string>(NATIONALITY_WEIGHTS));
  const age = rng.int(18, 74);
  const dateOfBirth = addDays(addYears(options.today, -age), -rng.int(1, 360));

  if (nationality === 'CHN') {
    const surname = rng.pick(HAN_SURNAMES);
    const given = rng.pick(
      sex === 'M'
        ? HAN_GIVEN_MALE
        : sex === 'F'
          ? HAN_GIVEN_FEMALE
          : [...HAN_GIVEN_MALE, ...HAN_GIVEN_FEMALE],
    );
    return {
      nationality,
      sex,
      surname: surname.pinyin,
      givenNames: given.pinyin,
      nativeSurname: surname.han,
      nativeGivenNames: given.han,
      dateOfBirth,
      placeOfBirth: rng.pick(CHINESE_PLACES),
    };
  }
  const pool = NAME_POOLS[nationality] ?? NAME_POOLS.UTO;
  const givenPool = sex === 'M' ? pool.male : sex === 'F' ? pool.female : [...pool.male, ...pool.female];
  const long = options.longName && pool.longSurnames && pool.longGiven;
  return {
    nationality,
    sex,
    surname: long ? rng.pick(pool.longSurnames!) : rng.pick(pool.surnames),
    givenNames: long ? rng.pick(pool.longGiven!) : rng.pick(givenPool),
    dateOfBirth,
    placeOfBirth: rng.pick(pool.places),
  };
}

/** Layout each document type is printed in. */
export function layoutFor(rng: Rng, documentType: IssuedDocument['documentType']): MrzLayout {
  switch (documentType) {
    case 'passport':
      return 'TD3';
    case 'id_card':
      return rng.chance(0.85) ? 'TD1' : 'TD2';
    case 'residence_permit':
      return rng.chance(0.8) ? 'TD1' : 'TD2';
    case 'visa':
      return rng.chance(0.7) ? 'MRV-A' : 'MRV-B';
  }
}

/**
 * Issues a document to `person`. A valid document expires at least two years after `today`, so cases stay valid
 * for a while when a service judges them against its own clock; an expired one expired up to four years before.
 */
export function issueDocument(
  rng: Rng,
  person: Person,
  options: { documentType: IssuedDocument['documentType']; today: string; expired: boolean },
): IssuedDocument {
  let documentType = options.documentType;
  // China issues no MRZ identity cards; its citizens show a passport.
  if (documentType === 'id_card' && person.nationality === 'CHN') documentType = 'passport';
  const layout = layoutFor(rng, documentType);
  const issuingCountry =
    documentType === 'residence_permit'
      ? rng.pick(RESIDENCE_ISSUERS.filter((c) => c !== person.nationality))
      : documentType === 'visa'
        ? rng.pick(VISA_ISSUERS.filter((c) => c !== person.nationality))
        : person.nationality;
  const language = languageOf(issuingCountry);
  const validityYears =
    documentType === 'residence_permit'
      ? 5
      : documentType === 'visa'
        ? rng.pick([5, 10])
        : rng.pick([5, 10, 10]);
  const validityDays = Math.round(validityYears * 365.25);
  let issueDate: string;
  if (options.expired) {
    const expiry = addDays(options.today, -rng.int(1, 1460));
    issueDate = addDays(addYears(expiry, -validityYears), 1);
  } else {
    issueDate = addDays(options.today, -rng.int(20, Math.max(30, validityDays - 740)));
  }
  const expiryDate = addDays(addYears(issueDate, validityYears), -1);
  const documentCode =
    documentType === 'passport'
      ? 'P'
      : documentType === 'visa'
        ? 'V'
        : documentType === 'residence_permit'
          ? rng.pick(['IR', 'AR'])
          : rng.pick(['ID', 'ID', 'I']);
  const places = NAME_POOLS[issuingCountry]?.places ?? ISSUER_PLACES[issuingCountry] ?? ['CAPITAL CITY'];
  const authority = rng.pick(AUTHORITIES[language]).replace('{P}', rng.pick(places));
  return {
    documentType,
    layout,
    documentCode,
    issuingCountry,
    documentNumber: documentNumber(rng, issuingCountry),
    issueDate,
    expiryDate,
    authority,
    optionalData: optionalData(rng, layout),
    language,
  };
}

/** Each issuer keeps one number format, as real series do. */
function documentNumber(rng: Rng, issuer: string): string {
  const draw = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
  switch (hashString(issuer) % 4) {
    case 0:
      return draw(NUMBER_LETTERS, 1) + draw(NUMBER_ALNUM, 4) + draw(DIGITS, 4);
    case 1:
      return draw(NUMBER_LETTERS, 2) + draw(DIGITS, 7);
    case 2:
      return draw(NUMBER_LETTERS, 1) + draw(DIGITS, 7);
    default:
      return draw('123456789', 1) + draw(DIGITS, 8);
  }
}

function optionalData(rng: Rng, layout: MrzLayout): string {
  const digits = (length: number) => Array.from({ length }, () => rng.int(0, 9)).join('');
  if (layout === 'TD1' && rng.chance(0.4)) return digits(rng.int(9, 11));
  if (layout === 'TD3' && rng.chance(0.3)) return digits(rng.int(8, 11));
  return '';
}
