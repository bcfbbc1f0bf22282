import { citizenCheckCharacter, parseCitizenNumber } from '@idv/id-numbers';
import { residentIdChecks, type ResidentIdFacts } from './resident-id.integrity';

const numberFor = (first17: string) => parseCitizenNumber(first17 + citizenCheckCharacter(first17))!;
/** Born 1988-03-07, sequence 003: a man. */
const VALID = numberFor('11010119880307003');

const facts = (over: Partial<ResidentIdFacts> = {}): ResidentIdFacts => ({
  number: VALID,
  numberSettled: true,
  printedBirth: { value: '1988-03-07', sure: true },
  printedSex: { value: 'M', sure: true },
  validity: { from: '2015-01-01', until: '2035-01-01', longTerm: false, sure: true },
  regionKnown: true,
  ...over,
});
const failed = (f: ResidentIdFacts) => residentIdChecks(f).filter((c) => !c.holds);

describe('residentIdChecks', () => {
  it('all hold for a consistent card', () => {
    expect(failed(facts())).toEqual([]);
  });

  it('a settled number failing its check character argues forgery', () => {
    const broken = parseCitizenNumber('110101198803070039')!;
    const [check] = failed(facts({ number: broken }));
    expect(check).toMatchObject({
      name: 'idNumber.checkCharacter',
      reason: 'ID_NUMBER_INVALID',
      explainedByOcr: false,
    });
  });

  it('an unsettled number failing its check is an OCR matter, and its birth date proves nothing', () => {
    const broken = parseCitizenNumber('110101198803070039')!;
    const checks = failed(
      facts({ number: broken, numberSettled: false, printedBirth: { value: '1988-03-08', sure: true } }),
    );
    expect(checks.map((c) => [c.name, c.explainedByOcr])).toEqual([['idNumber.checkCharacter', true]]);
  });

  it('a printed birth date or sex differing from the number argues forgery when both reads are sure', () => {
    const checks = failed(
      facts({ printedBirth: { value: '1988-03-17', sure: true }, printedSex: { value: 'F', sure: true } }),
    );
    expect(checks.map((c) => [c.name, c.reason, c.explainedByOcr])).toEqual([
      ['idNumber.birthDate', 'ID_NUMBER_INCONSISTENT', false],
      ['idNumber.sex', 'ID_NUMBER_INCONSISTENT', false],
    ]);
  });

  it('a printed date or sex that differs on one read only, or beside an unsettled number, goes to a person', () => {
    // 1988-03-17 printed, read once as 1988-03-07 (a dropped digit): no forgery, and no new photo either.
    const [date] = failed(facts({ printedBirth: { value: '1988-08-07', sure: false } }));
    expect(date).toMatchObject({ severity: 'review', reason: 'LOW_CONFIDENCE', explainedByOcr: false });
    const [sex] = failed(facts({ numberSettled: false, printedSex: { value: 'F', sure: true } }));
    expect(sex).toMatchObject({ name: 'idNumber.sex', severity: 'review', reason: 'LOW_CONFIDENCE' });
  });

  it('a wrong validity term goes to a person; an unknown region too', () => {
    const checks = failed(
      facts({
        validity: { from: '2015-01-01', until: '2025-01-01', longTerm: false, sure: true },
        regionKnown: false,
      }),
    );
    expect(checks.map((c) => [c.name, c.severity])).toEqual([
      ['idNumber.region', 'review'],
      ['validity.term', 'review'],
    ]);
  });
});
