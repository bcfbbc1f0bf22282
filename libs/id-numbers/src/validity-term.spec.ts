import { checkValidityTerm, type ValidityTermInput } from './validity-term';

const card =
  (kind: ValidityTermInput['kind']) =>
  (birthDate: string, validFrom: string, expiry: string | null): ValidityTermInput => ({
    birthDate,
    validFrom,
    expiry,
    kind,
  });
const resident = card('resident');
const permit = card('residence_permit');

describe('validity term of the Resident Identity Card', () => {
  it.each([
    // Age at issue, then the term the law requires and a card with it.
    ['15 (a day before turning 16)', '2000-06-15', '2016-06-14', '2021-06-14', 5],
    ['16 on the day', '2000-06-15', '2016-06-15', '2026-06-15', 10],
    ['25 (a day before turning 26)', '1990-03-01', '2016-02-29', '2026-02-28', 10],
    ['26 on the day', '1990-03-01', '2016-03-01', '2036-03-01', 20],
    ['45 (a day before turning 46)', '1970-01-10', '2016-01-09', '2036-01-09', 20],
    ['46 on the day', '1970-01-10', '2016-01-10', null, 'long_term'],
    ['70', '1949-12-31', '2020-05-06', null, 'long_term'],
    ['a child of 3', '2015-01-01', '2018-07-20', '2023-07-20', 5],
  ])('age %s: the term is %#', (_, birth, from, to, term) => {
    const check = checkValidityTerm(resident(birth, from, to));
    expect(check).toMatchObject({ holds: true, required: term, printed: term, problem: null });
  });

  it('gives the age in full years at the issue date', () => {
    expect(checkValidityTerm(resident('2000-06-15', '2016-06-14', '2021-06-14')).ageAtIssue).toBe(15);
    expect(checkValidityTerm(resident('2000-06-15', '2016-06-15', '2026-06-15')).ageAtIssue).toBe(16);
  });

  it('refuses the term of the neighbouring age band on either side of a birthday', () => {
    // Turned 16 the day before: 5 years is no longer right.
    expect(checkValidityTerm(resident('2000-06-15', '2016-06-16', '2021-06-16'))).toMatchObject({
      holds: false,
      ageAtIssue: 16,
      required: 10,
      printed: 5,
      problem: 'term_for_age',
    });
    // 45 until tomorrow: not yet long-term.
    expect(checkValidityTerm(resident('1970-01-10', '2016-01-09', null))).toMatchObject({
      holds: false,
      required: 20,
      printed: 'long_term',
      problem: 'term_for_age',
    });
    // 46: a 20-year card is a term the law no longer gives.
    expect(checkValidityTerm(resident('1970-01-10', '2016-01-10', '2036-01-10')).problem).toBe(
      'term_for_age',
    );
  });

  it('counts someone born on 29 February a year older on 1 March of a common year', () => {
    expect(checkValidityTerm(resident('2000-02-29', '2016-02-28', '2021-02-28'))).toMatchObject({
      ageAtIssue: 15,
      holds: true,
    });
    expect(checkValidityTerm(resident('2000-02-29', '2016-02-29', '2026-02-28'))).toMatchObject({
      ageAtIssue: 16,
      holds: true,
    });
    expect(checkValidityTerm(resident('1992-02-29', '2018-02-28', '2028-02-28')).ageAtIssue).toBe(25);
    expect(checkValidityTerm(resident('1992-02-29', '2018-03-01', '2038-03-01')).ageAtIssue).toBe(26);
  });

  it('wants the end on the anniversary of the start, or the day before as the bureaux count it', () => {
    expect(checkValidityTerm(resident('1975-12-30', '2005-03-27', '2025-03-27')).holds).toBe(true);
    expect(checkValidityTerm(resident('1949-09-20', '1984-12-31', '2004-12-30')).holds).toBe(true);
    for (const end of ['2025-03-28', '2025-03-25', '2025-04-27', '2025-02-27'])
      expect(checkValidityTerm(resident('1975-12-30', '2005-03-27', end))).toMatchObject({
        holds: false,
        printed: null,
        problem: 'not_anniversary',
      });
  });

  it('ends a term started on 29 February on that day in a leap year, on 1 March or 28 February otherwise', () => {
    // 35 at issue: 20 years, to 2036, a leap year.
    expect(checkValidityTerm(resident('1980-05-05', '2016-02-29', '2036-02-29')).holds).toBe(true);
    expect(checkValidityTerm(resident('1980-05-05', '2016-02-29', '2036-02-28')).holds).toBe(true);
    expect(checkValidityTerm(resident('1980-05-05', '2016-02-29', '2036-03-01')).problem).toBe(
      'not_anniversary',
    );
    // 10 at issue: 5 years, to 2021, a common year.
    expect(checkValidityTerm(resident('2005-05-05', '2016-02-29', '2021-03-01')).holds).toBe(true);
    expect(checkValidityTerm(resident('2005-05-05', '2016-02-29', '2021-02-28')).holds).toBe(true);
    expect(checkValidityTerm(resident('2005-05-05', '2016-02-29', '2021-02-27')).problem).toBe(
      'not_anniversary',
    );
  });

  it('refuses dates that cannot be', () => {
    for (const [birth, from, to] of [
      ['1990-02-30', '2016-01-01', '2026-01-01'],
      ['1990-01-01', '2016-13-01', '2026-01-01'],
      ['1990-01-01', '2016-01-01', 'long'],
      ['2017-01-01', '2016-01-01', '2021-01-01'],
      ['1990-01-01', '2016-01-01', '2016-01-01'],
    ])
      expect(checkValidityTerm(resident(birth, from, to))).toMatchObject({
        holds: false,
        problem: 'invalid_dates',
      });
  });
});

describe('validity term of the residence permit for Hong Kong, Macao and Taiwan residents', () => {
  it('is 5 years at any age, never long-term', () => {
    expect(checkValidityTerm(permit('1950-01-01', '2019-04-01', '2024-04-01'))).toMatchObject({
      holds: true,
      required: 5,
    });
    expect(checkValidityTerm(permit('1990-01-01', '2019-04-01', '2024-04-01')).holds).toBe(true);
    expect(checkValidityTerm(permit('1990-01-01', '2019-04-01', '2039-04-01')).problem).toBe('term_for_age');
    expect(checkValidityTerm(permit('1950-01-01', '2019-04-01', null)).problem).toBe('term_for_age');
  });
});
