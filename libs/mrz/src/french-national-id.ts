import { isMrzText } from './check-digit';
import { birthDateToIso } from './mrz-date';
import { check, nameWords, trimFillers } from './mrz-fields';
import type { MrzCheck, MrzFields, MrzInvalidField, MrzParseResult } from './mrz.parser';

/**
 * The end of validity printed on the card, from the issue month at the start of the number: 10 years for
 * cards issued before 2014 and for minors, 15 years for adults from 2014 (décret 2013-1188). Only the year and
 * month are known, so the first of the month is taken (the earliest the card can expire), as other parsers
 * do. The 2014 law that extended older adults' cards by five years did not change what the card says.
 */
export function frenchIdExpiry(issueYymm: string, dateOfBirth: string | null): string | null {
  if (!/^\d{4}$/.test(issueYymm)) return null;
  const yy = Number(issueYymm.slice(0, 2));
  const month = Number(issueYymm.slice(2));
  if (month < 1 || month > 12) return null;
  // Issued from 1988 (the first machine-readable cards) to 2021 (the last).
  const year = yy >= 88 ? 1900 + yy : 2000 + yy;
  const adultAtIssue =
    dateOfBirth !== null &&
    `${year}-${issueYymm.slice(2)}-01` >= `${Number(dateOfBirth.slice(0, 4)) + 18}${dateOfBirth.slice(4)}`;
  const years = year >= 2014 && adultAtIssue ? 15 : 10;
  return `${year + years}-${issueYymm.slice(2)}-01`;
}

/**
 * Parses the pre-2021 French national identity card ("CNI", 2×36, not ICAO 9303; cards issued until 2021 stay
 * valid for years); `lines` are two lines of 36 that `detectMrzFormat` took for this format:
 *
 *     IDFRA<surname, 25><office code, 6>
 *     <YYMM issued><department, 3><serial, 5><digit><given names, 14><birth YYMMDD><digit><sex><composite>
 *
 * The document number is the 12 characters before its check digit. There is no nationality (the holder is
 * French) and no expiry date in the MRZ. The composite digit covers line 1 and line 2 up to the sex.
 */
export function parseFrenchNationalId(lines: readonly string[], today: Date): MrzParseResult {
  const [one, two] = lines;
  const invalid = new Set<MrzInvalidField>();
  const warnings = ['EXPIRY_FROM_ISSUE_DATE: the MRZ has no expiry date; it follows from the issue month'];
  const number = two.slice(0, 12);
  const birth = two.slice(27, 33);
  const checks: MrzCheck[] = [
    check('documentNumber', number, two[12]),
    check('dateOfBirth', birth, two[33]),
    check('composite', one + two.slice(0, 35), two[35]),
  ];
  for (const c of checks) if (!c.valid) invalid.add(c.field);
  const dateOfBirth = birthDateToIso(birth, today, null);
  if (dateOfBirth === null) invalid.add('dateOfBirth');
  const expiryDate = frenchIdExpiry(number.slice(0, 4), dateOfBirth);
  if (expiryDate === null) invalid.add('expiryDate');
  const sexChar = two[34];
  const sex = sexChar === 'M' || sexChar === 'F' ? sexChar : null;
  if (sex === null) invalid.add('sex');
  if (![one, two].every(isMrzText)) {
    invalid.add('characters');
    warnings.push('NON_MRZ_CHARACTERS: only A-Z, 0-9 and < may appear');
  }
  if (one.slice(0, 5) !== 'IDFRA') invalid.add('format');
  const fields: MrzFields = {
    documentCode: 'ID',
    issuingCountry: 'FRA',
    surname: nameWords(one.slice(5, 30)),
    givenNames: nameWords(two.slice(13, 27)),
    documentNumber: number.replace(/</g, ''),
    nationality: 'FRA',
    dateOfBirth,
    dateOfBirthMrz: birth,
    sex,
    expiryDate,
    expiryDateMrz: '',
    optionalData: trimFillers(one.slice(30, 36)),
    optionalData2: '',
  };
  return {
    format: 'FRENCH_NATIONAL_ID',
    valid: invalid.size === 0,
    lines: [one, two],
    fields,
    checks,
    invalidFields: [...invalid],
    corrections: [],
    warnings,
  };
}
