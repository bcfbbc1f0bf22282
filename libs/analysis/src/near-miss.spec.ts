import { compareRecord } from '@idv/matching';
import { composeMrz, parseMrz } from '@idv/mrz';
import {
  acceptRecordCentury,
  doubtUnknownNationality,
  settleNamesWithVisualZone,
  settleNationalityWithVisualZone,
  settleProtectedNearMisses,
} from './near-miss';

const today = new Date('2026-11-01T12:00:00Z');
const record = {
  surname: 'VAN T HOF',
  givenNames: 'FLEUR',
  dateOfBirth: '2005-09-12',
  nationality: 'NLD',
  documentNumber: '234273275',
};
function read(nationality = 'NLD') {
  const lines = composeMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingCountry: nationality,
    surname: 'VAN T HOF',
    givenNames: 'FLEUR',
    documentNumber: '234273275',
    nationality,
    dateOfBirth: '2005-09-12',
    sex: 'F',
    expiryDate: '2031-08-06',
  });
  return parseMrz(lines, { today });
}
const compare = (r: typeof record, nationality?: string) => {
  const parse = read(nationality);
  return { parse, report: compareRecord(r, { ...parse.fields, format: parse.format }) };
};

describe('near misses', () => {
  it('makes a one-character document number difference a plain mismatch when its check digit verifies', () => {
    const { parse, report } = compare({ ...record, documentNumber: '234273276' });
    expect(report.documentNumber).toMatchObject({ status: 'mismatch', near: true });
    settleProtectedNearMisses(report, parse);
    expect(report.documentNumber?.near).toBe(false);
  });

  it('settles a one-letter name difference when the printed page shows the MRZ spelling', () => {
    const { report } = compare({ ...record, givenNames: 'FXEUR' });
    expect(report.givenNames).toMatchObject({ status: 'mismatch', near: true });
    const page = 'Naam / Surname\nVAN T HOF\nVoornamen / Given names\nFLEUR\n';
    const mrz = { surname: 'VAN T HOF', givenNames: 'FLEUR' };
    expect(
      settleNamesWithVisualZone(
        report,
        ['givenNames'],
        mrz,
        { surname: 'VAN T HOF', givenNames: 'FXEUR' },
        page,
      ),
    ).toEqual(['givenNames']);
    expect(report.givenNames?.near).toBe(false);
  });

  it('settles a registered name that is only the start of the printed one (CELIN for CELINE)', () => {
    const { report } = compare({ ...record, givenNames: 'FLEU' });
    expect(report.givenNames).toMatchObject({ status: 'mismatch', near: true });
    const page = 'Voornamen / Given names\nFLEUR\n';
    const mrz = { surname: 'VAN T HOF', givenNames: 'FLEUR' };
    const registered = { surname: 'VAN T HOF', givenNames: 'FLEU' };
    expect(settleNamesWithVisualZone(report, ['givenNames'], mrz, registered, page)).toEqual(['givenNames']);
    expect(report.givenNames?.near).toBe(false);
  });

  it('leaves the near miss when the page shows neither spelling, or shows the registered one', () => {
    const mrz = { surname: 'VAN T HOF', givenNames: 'FLEUR' };
    const registered = { surname: 'VAN T HOF', givenNames: 'FXEUR' };
    for (const page of ['illegible', 'Given names FXEUR FLEUR']) {
      const { report } = compare({ ...record, givenNames: 'FXEUR' });
      expect(settleNamesWithVisualZone(report, ['givenNames'], mrz, registered, page)).toEqual([]);
      expect(report.givenNames?.near).toBe(true);
    }
  });

  it('doubts a nationality that differs when the MRZ shows no country code at all', () => {
    const misread = compare(record, 'MLD');
    expect(misread.report.nationality).toMatchObject({ status: 'mismatch', near: false });
    doubtUnknownNationality(misread.report, misread.parse);
    expect(misread.report.nationality?.near).toBe(true);
    const other = compare(record, 'BEL');
    doubtUnknownNationality(other.report, other.parse);
    expect(other.report.nationality).toMatchObject({ status: 'mismatch', near: false });
  });

  it('matches a nationality misread as no country (MLD) when the printed page shows the registered code', () => {
    const seen = () => {
      const { parse, report } = compare(record, 'MLD');
      doubtUnknownNationality(report, parse);
      return report;
    };
    const page = 'Nationaliteit / Nationality\nNederlandse\nCode / Code NLD\n';
    const report = seen();
    expect(settleNationalityWithVisualZone(report, 'NLD', page)).toBe(true);
    expect(report.nationality).toMatchObject({ status: 'match', near: false });
    // Not shown as a word of its own (only inside another word), or another real code: the doubt stays.
    for (const text of ['NLDX passport', 'illegible']) {
      const r = seen();
      expect(settleNationalityWithVisualZone(r, 'NLD', text)).toBe(false);
      expect(r.nationality).toMatchObject({ status: 'mismatch', near: true });
    }
    const other = compare(record, 'BEL');
    doubtUnknownNationality(other.report, other.parse);
    expect(settleNationalityWithVisualZone(other.report, 'NLD', page)).toBe(false);
    expect(other.report.nationality).toMatchObject({ status: 'mismatch', near: false });
  });

  it('takes the century of a birth date from the record, since the MRZ has two-digit years', () => {
    const { report } = compare({ ...record, dateOfBirth: '1905-09-12' });
    expect(report.dateOfBirth).toMatchObject({ status: 'mismatch', basis: 'century' });
    acceptRecordCentury(report);
    expect(report.dateOfBirth).toMatchObject({ status: 'match', near: false });
    const other = compare({ ...record, dateOfBirth: '1995-09-12' }).report;
    acceptRecordCentury(other);
    expect(other.dateOfBirth?.status).toBe('mismatch');
  });
});
