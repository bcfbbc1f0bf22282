import type { RegistrationRecord } from '@idv/matching';
import type { DocumentEvidence, DocumentField, FieldEvidence, IntegrityCheck } from '@idv/verdict';
import { compareEvidence } from './record.comparison';

const read = (value: string | null, extra: Partial<FieldEvidence> = {}): FieldEvidence => ({
  value,
  source: 'printed',
  side: 'front',
  confidence: 0.9,
  ...extra,
});

const holds = (name: string, covers: DocumentField[]): IntegrityCheck => ({
  name,
  holds: true,
  covers,
  severity: 'forgery',
  reason: 'ID_NUMBER_INVALID',
  explainedByOcr: false,
  illegible: null,
});

function evidence(
  family: string,
  format: string,
  fields: DocumentEvidence['fields'],
  checks: IntegrityCheck[] = [],
): DocumentEvidence {
  return {
    family,
    format,
    documentType: family === 'mrz' ? 'passport' : (family as DocumentEvidence['documentType']),
    found: true,
    supported: true,
    readable: true,
    unreadable: [],
    confidence: 0.9,
    fields,
    checks,
  };
}

const NUMBER = '11010519900307123X';
const mainland = (name: FieldEvidence, more: DocumentEvidence['fields'] = {}) =>
  evidence(
    'cn_resident_id',
    'CN_RESIDENT_ID',
    {
      fullName: name,
      dateOfBirth: read('1990-03-07'),
      sex: read('M'),
      documentNumber: read(NUMBER),
      ...more,
    },
    [holds('idNumber.checkCharacter', ['documentNumber', 'dateOfBirth', 'sex'])],
  );

const record = (
  names: Partial<RegistrationRecord>,
  more: Partial<RegistrationRecord> = {},
): RegistrationRecord => ({
  surname: '',
  givenNames: '',
  dateOfBirth: '1990-03-07',
  nationality: 'CHN',
  sex: 'M',
  documentNumber: NUMBER,
  ...names,
  ...more,
});

describe('compareEvidence for the Chinese and Hong Kong cards', () => {
  it('compares the card’s name with the record’s whole name and only the fields the card states', () => {
    const report = compareEvidence(record({ fullName: '王小明' }), mainland(read('王小明')));
    expect(Object.keys(report).sort()).toEqual(['dateOfBirth', 'documentNumber', 'fullName', 'sex']);
    expect(report.fullName).toMatchObject({ status: 'match', expected: '王小明', found: '王小明' });
  });

  it('compares a record registered as surname and given names with the card’s one name', () => {
    const report = compareEvidence(record({ surname: '王', givenNames: '小明' }), mainland(read('王小明')));
    expect(report).not.toHaveProperty('surname');
    expect(report.fullName?.status).toBe('match');
  });

  it('leaves a homophone typo near on a plain read, and makes it a mismatch when a second read confirms the card', () => {
    const unsure = compareEvidence(record({ fullName: '王晓明' }), mainland(read('王小明')));
    expect(unsure.fullName).toMatchObject({ status: 'mismatch', near: true });
    const confirmed = compareEvidence(
      record({ fullName: '王晓明' }),
      mainland(read('王小明', { corroborated: true })),
    );
    expect(confirmed.fullName).toMatchObject({ status: 'mismatch', near: false });
  });

  it('calls a different name read as something that cannot be, near', () => {
    const report = compareEvidence(
      record({ fullName: '王小明' }),
      mainland(read('李大朋', { doubtful: true })),
    );
    expect(report.fullName).toMatchObject({ status: 'mismatch', near: true, basis: 'ocr_ambiguous' });
    // A second source showing the doubtful read as it stands makes it a plain mismatch, as for a near miss.
    const shown = compareEvidence(
      record({ fullName: '王小明' }),
      mainland(read('李大朋', { doubtful: true, corroborated: true })),
    );
    expect(shown.fullName).toMatchObject({ status: 'mismatch', near: false });
  });

  it('reports an illegible name as missing', () => {
    const report = compareEvidence(record({ fullName: '王小明' }), mainland(read(null)));
    expect(report.fullName).toMatchObject({ status: 'missing' });
  });

  it('compares a Latin record with a mainland card through pinyin', () => {
    const report = compareEvidence(record({ fullName: 'Xiaoming Wang' }), mainland(read('王小明')));
    expect(report.fullName?.status).toBe('match');
  });

  it('compares an HKID’s English name and Chinese name, never through pinyin', () => {
    const hkid = evidence('hk_identity_card', 'HKID', {
      fullName: read('CHAN, Tai Man'),
      chineseName: read('陳大文'),
      dateOfBirth: read('1985-05-05'),
      sex: read('M'),
      documentNumber: read('A1234563'),
    });
    const hk = (names: Partial<RegistrationRecord>) =>
      compareEvidence(record(names, { dateOfBirth: '1985-05-05', documentNumber: 'A123456(3)' }), hkid);
    expect(hk({ fullName: '陈大文' }).fullName?.status).toBe('match');
    expect(hk({ fullName: 'Tai Man Chan' }).fullName?.status).toBe('match');
    expect(hk({ fullName: 'CHEN DAWEN' }).fullName).toMatchObject({ status: 'mismatch', near: false });
    expect(hk({ fullName: 'Tai Man Chan' }).documentNumber?.status).toBe('match');
  });
});

describe('compareEvidence for an MRZ document and a whole-name record', () => {
  it('reports fullName from the MRZ’s surname and given names', () => {
    const passport = evidence('mrz', 'TD3', {
      surname: read('WANG', { source: 'mrz' }),
      givenNames: read('XIAOMING', { source: 'mrz' }),
      dateOfBirth: read('1990-03-07', { source: 'mrz' }),
      nationality: read('CHN', { source: 'mrz' }),
    });
    const report = compareEvidence(record({ fullName: '王小明' }, { documentNumber: undefined }), passport);
    expect(report.fullName?.status).toBe('match');
    expect(report).not.toHaveProperty('surname');
    expect(report).not.toHaveProperty('givenNames');
  });
});

describe('compareEvidence for an MRZ document number', () => {
  const passport = (number: string) =>
    evidence(
      'mrz',
      'TD3',
      { documentNumber: read(number, { source: 'mrz' }), dateOfBirth: read('1990-03-07', { source: 'mrz' }) },
      [holds('mrz.documentNumber', ['documentNumber'])],
    );
  const compared = (number: string) => compareEvidence(record({}), passport(number)).documentNumber;

  it('calls a number one digit off a mismatch when its check digit verifies', () => {
    expect(compared(NUMBER.replace('7', '4'))).toMatchObject({ status: 'mismatch', near: false });
  });

  it('keeps a G read for a 6 near, since the check digit verifies either way (DejaVu Sans Mono 6 read as G)', () => {
    // 1607629074 read 1G07G29074: 6 and G weigh 6 and 16, so the number's check digit holds for both.
    const numbers = compareEvidence(
      record({}, { documentNumber: '160762907' }),
      passport('1G07G2907'),
    ).documentNumber;
    expect(numbers).toMatchObject({ status: 'mismatch', near: true, basis: 'check_blind' });
  });
});
