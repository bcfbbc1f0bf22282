import type { DocumentEvidence, FieldEvidence } from '@idv/verdict';
import { parseMrz } from '@idv/mrz';
import {
  holdsSameNames,
  settledByReadings,
  uncoveredFieldsThatDiffer,
  type MrzReading,
  type UncoveredField,
} from './second-reading';
import type { ComparisonReport } from '@idv/matching';

const field = (value: string | null): FieldEvidence => ({
  value,
  source: 'mrz',
  side: 'front',
  confidence: 0.9,
});
const evidence = (surname: string): DocumentEvidence =>
  ({ fields: { surname: field(surname), givenNames: field('ANNA') } }) as unknown as DocumentEvidence;
const reading = (surname: string | null): MrzReading => ({ surname: field(surname) });
/** The record's surname is LINDQVIST. */
const matchesRecord = (candidate: DocumentEvidence) => candidate.fields.surname?.value === 'LINDQVIST';

describe('settledByReadings', () => {
  it('corroborates a name both recognisers read alike: the record differs', () => {
    const settled = settledByReadings(
      ['surname'],
      evidence('LINDQVIS'),
      [reading('LINDQVIS'), reading('LINDQVIS')],
      matchesRecord,
    );
    expect(settled.surname).toMatchObject({ value: 'LINDQVIS', corroborated: true });
  });

  it('takes the registered spelling when one recogniser read it exactly and the other slipped', () => {
    const settled = settledByReadings(
      ['surname'],
      evidence('LINDOVIST'),
      [reading('LINDOVIST'), reading('LINDQVIST')],
      matchesRecord,
    );
    expect(settled.surname).toMatchObject({ value: 'LINDQVIST' });
    expect(settled.surname?.corroborated).toBeUndefined();
  });

  it('does not corroborate a doubtful name (a shifted line reads shifted alike in both readings)', () => {
    const doubtful = evidence('ULINDQVIS');
    doubtful.fields.surname = { ...doubtful.fields.surname!, doubtful: true };
    const both = [reading('ULINDQVIS'), reading('ULINDQVIS')];
    expect(settledByReadings(['surname'], doubtful, both, matchesRecord)).toEqual({});
  });

  it('leaves a name the readings disagree on, neither as registered, to the printed page', () => {
    const disagree = [reading('LINDOVIST'), reading('LNDQVIST')];
    expect(settledByReadings(['surname'], evidence('LINDOVIST'), disagree, matchesRecord)).toEqual({});
    // One reading alone (the other recogniser read no zone) corroborates nothing.
    expect(
      settledByReadings(['surname'], evidence('LINDOVIST'), [reading('LINDOVIST'), null], matchesRecord),
    ).toEqual({});
  });

  it("judges a reading's names together: a long name cut short matches only where the other name ends", () => {
    // A name line filled to its end: the surname is the record's cut short only if the given names run to the
    // line's end as well (here: when they are read with their last initial). The MRZ model misread the surname
    // letter after letter (no near miss) and lost the last initial; the second reading read both as printed.
    const whole = { surname: 'FREIIN VON HOHENSTEIN WALD Z', givenNames: 'K T M N J' };
    const current = {
      fields: { surname: field('FRETTN VON HOHENSTETN WATLD Z'), givenNames: field('K T M N') },
    } as unknown as DocumentEvidence;
    const matches = (candidate: DocumentEvidence, f: UncoveredField) =>
      candidate.fields.surname?.value === whole.surname &&
      candidate.fields.givenNames?.value === whole.givenNames
        ? true
        : f === 'givenNames' && candidate.fields.givenNames?.value === whole.givenNames;
    const second: MrzReading = { surname: field(whole.surname), givenNames: field(whole.givenNames) };
    const settled = settledByReadings(['surname', 'givenNames'], current, [null, second], matches);
    expect(settled.surname?.value).toBe(whole.surname);
    expect(settled.givenNames?.value).toBe(whole.givenNames);
  });

  it('settles a nationality that is no code by the reading that shows it as registered', () => {
    // The second recogniser dropped the narrow I of ITA (`TA<`); the MRZ model read it.
    const current = {
      fields: { surname: field('DANGELO'), nationality: { ...field('TA<'), doubtful: true } },
    } as unknown as DocumentEvidence;
    const readings: MrzReading[] = [{ nationality: field('ITA') }, { nationality: field('TA<') }];
    const isIta = (candidate: DocumentEvidence) => candidate.fields.nationality?.value === 'ITA';
    expect(settledByReadings(['nationality'], current, readings, isIta).nationality?.value).toBe('ITA');
    // Read alike as a code that is none, it is not corroborated: the code stays a near miss for the page.
    const alike: MrzReading[] = [{ nationality: field('TA<') }, { nationality: field('TA<') }];
    expect(settledByReadings(['nationality'], current, alike, isIta)).toEqual({});
  });

  it('asks about every name and nationality that differ, names in swapped fields left to a person', () => {
    const report = {
      surname: { status: 'mismatch', near: false },
      givenNames: { status: 'mismatch', near: true, basis: 'swapped_fields' },
      nationality: { status: 'mismatch', near: true },
      dateOfBirth: { status: 'mismatch', near: false },
    } as unknown as ComparisonReport;
    expect(uncoveredFieldsThatDiffer(report)).toEqual(['surname', 'nationality']);
  });
});

describe('holdsSameNames', () => {
  // Holdout passport (OCR B, photographed): the MRZ model read its filler runs short, a TD2's length.
  const td3 = parseMrz([
    'P<SWESJOSTROM<<LINNEA<<<<<<<<<<<<<<<<<<<<<<<',
    'J8900024<2SWE7904200F3009141<<<<<<<<<<<<<<02',
  ]);
  const asTd2 = parseMrz(['P<SWESJOSTROM<<LINNEA<<<<<<<<<<<<<<<', 'J8900024<2SWE7904200F3009141<<<<<<<<']);

  it("takes another two-line layout's reading for the names where its name line ends in fillers", () => {
    expect(asTd2.format).toBe('TD2');
    expect(holdsSameNames(asTd2, td3)).toBe(true);
    expect(holdsSameNames(td3, td3)).toBe(true);
  });

  it('not where the shorter layout may have cut a name, nor a layout whose names stand elsewhere', () => {
    const cut = parseMrz(['P<SWESJOSTROMBERGSSON<<LINNEA<MARIAN', 'J8900024<2SWE7904200F3009141<<<<<<<<']);
    expect(holdsSameNames(cut, td3)).toBe(false);
    const td1 = parseMrz([
      'I<SWEJ8900024<2<<<<<<<<<<<<<<<',
      '7904200F3009141SWE<<<<<<<<<<<0',
      'SJOSTROM<<LINNEA<<<<<<<<<<<<<<',
    ]);
    expect(holdsSameNames(td1, td3)).toBe(false);
  });
});
