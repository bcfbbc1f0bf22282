import { compareRecord } from './record.comparison';
import type { DocumentFields, FieldComparison, RegistrationRecord } from './matching.types';

const record = (names: Partial<RegistrationRecord>): RegistrationRecord => ({
  surname: '',
  givenNames: '',
  dateOfBirth: '1990-03-07',
  nationality: 'CHN',
  ...names,
});

/** The whole-name comparison of a record with a document. */
const fullName = (names: Partial<RegistrationRecord>, document: DocumentFields): FieldComparison =>
  compareRecord(record(names), document).fullName!;

const outcome = (c: FieldComparison) => (c.status === 'match' ? 'match' : c.near ? 'near' : c.status);

describe('whole names on a mainland card (姓名)', () => {
  const card = (name: string | null): DocumentFields => ({ fullName: name });

  it('matches a Han record exactly, however the record splits or spaces it', () => {
    expect(fullName({ fullName: '王小明' }, card('王小明'))).toMatchObject({
      status: 'match',
      basis: 'exact',
    });
    expect(outcome(fullName({ surname: '王', givenNames: '小明' }, card('王小明')))).toBe('match');
    expect(outcome(fullName({ fullName: '王 小明' }, card('王 小 明')))).toBe('match');
    expect(outcome(fullName({ fullName: '欧阳娜娜' }, card('欧阳娜娜')))).toBe('match');
  });

  it('folds traditional and simplified characters', () => {
    expect(fullName({ fullName: '欧阳娜娜' }, card('歐陽娜娜'))).toMatchObject({
      status: 'match',
      basis: 'spelling',
    });
    expect(outcome(fullName({ fullName: '劉德華' }, card('刘德华')))).toBe('match');
  });

  it('calls one character different a near miss: a homophone typo or a misread rare character', () => {
    // 晓 and 小 are both xiǎo: the pinyin agrees, the name does not.
    expect(fullName({ fullName: '王晓明' }, card('王小明'))).toMatchObject({
      status: 'mismatch',
      near: true,
      basis: 'one_edit',
    });
    // A rare character outside the BMP, read by OCR as a common one.
    expect(outcome(fullName({ fullName: '𠮷田丽' }, card('吉田丽')))).toBe('near');
    expect(outcome(fullName({ fullName: '王小明' }, card('王小')))).toBe('near');
  });

  it('calls two characters different a plain mismatch', () => {
    expect(outcome(fullName({ fullName: '王小明' }, card('王大朋')))).toBe('mismatch');
    expect(outcome(fullName({ fullName: '李小明' }, card('王大明')))).toBe('mismatch');
  });

  it('keeps the middle dot of transcribed names out of the way', () => {
    expect(outcome(fullName({ fullName: '买买提·艾力' }, card('买买提・艾力')))).toBe('match');
    expect(outcome(fullName({ fullName: '买买提艾力' }, card('买买提·艾力')))).toBe('match');
  });

  it('compares a Latin record through pinyin, toneless, in either order, spaced or not', () => {
    for (const latin of ['WANG XIAOMING', 'Xiaoming Wang', 'WANGXIAOMING', 'Wáng Xiǎomíng', 'wang xiao ming'])
      expect([latin, outcome(fullName({ fullName: latin }, card('王小明')))]).toEqual([latin, 'match']);
    expect(outcome(fullName({ surname: 'WANG', givenNames: 'XIAO MING' }, card('王小明')))).toBe('match');
    expect(outcome(fullName({ fullName: 'OUYANG NANA' }, card('欧阳娜娜')))).toBe('match');
    expect(outcome(fullName({ fullName: 'Nana Ouyang' }, card('歐陽娜娜')))).toBe('match');
  });

  it('reads surnames as surnames, and ü as the spellings in use', () => {
    expect(outcome(fullName({ fullName: 'ZENG FAN' }, card('曾凡')))).toBe('match');
    expect(outcome(fullName({ fullName: 'SHAN TIANFANG' }, card('单田芳')))).toBe('match');
    for (const latin of ['LYU XIAOMING', 'LV XIAOMING', 'LU XIAOMING', 'Lǚ Xiǎomíng'])
      expect([latin, outcome(fullName({ fullName: latin }, card('吕小明')))]).toEqual([latin, 'match']);
  });

  it('calls one letter off in pinyin near, another name a mismatch', () => {
    expect(outcome(fullName({ fullName: 'WANG XIAOMIN' }, card('王小明')))).toBe('near');
    expect(outcome(fullName({ fullName: 'LI XIAOMING' }, card('王小明')))).toBe('mismatch');
    expect(outcome(fullName({ fullName: 'CHEN DAWEN' }, card('王小明')))).toBe('mismatch');
  });

  it('holds a Han and a Latin name of the record both to the card', () => {
    expect(
      outcome(fullName({ fullName: '王小明', surname: 'WANG', givenNames: 'XIAOMING' }, card('王小明'))),
    ).toBe('match');
    expect(
      outcome(fullName({ fullName: '王晓明', surname: 'WANG', givenNames: 'XIAOMING' }, card('王小明'))),
    ).toBe('near');
  });

  it('reports a name field that could not be read as missing, never as a match', () => {
    expect(fullName({ fullName: '王小明' }, card(null))).toMatchObject({
      status: 'missing',
      expected: '王小明',
    });
    expect(compareRecord(record({ surname: '王', givenNames: '小明' }), card(null))).not.toHaveProperty(
      'surname',
    );
  });
});

describe('whole names on an HKID', () => {
  const hkid = (english: string | null, chinese?: string | null): DocumentFields => ({
    fullName: english,
    chineseName: chinese,
  });

  it('compares a Latin record with the printed English name, in either order and with the hyphens people use', () => {
    for (const latin of ['CHAN TAI MAN', 'Tai Man Chan', 'Tai-man Chan', 'chan taiman'])
      expect([latin, outcome(fullName({ fullName: latin }, hkid('CHAN, Tai Man', '陳大文')))]).toEqual([
        latin,
        'match',
      ]);
    expect(outcome(fullName({ surname: 'CHAN', givenNames: 'TAI MAN' }, hkid('CHAN, Tai Man')))).toBe(
      'match',
    );
  });

  it('never compares through pinyin: Hong Kong names are Cantonese', () => {
    // 陳大文 is CHEN DAWEN in pinyin; on an HKID the person is CHAN Tai Man.
    expect(outcome(fullName({ fullName: 'CHEN DAWEN' }, hkid('CHAN, Tai Man', '陳大文')))).toBe('mismatch');
    // With only the Chinese name read, a Latin record cannot be compared at all.
    expect(fullName({ fullName: 'CHEN DAWEN' }, hkid(null, '陳大文')).status).toBe('missing');
  });

  it('compares a Han record with the Chinese name, traditional folded onto simplified', () => {
    expect(outcome(fullName({ fullName: '陈大文' }, hkid('CHAN, Tai Man', '陳大文')))).toBe('match');
    expect(outcome(fullName({ fullName: '陈小文' }, hkid('CHAN, Tai Man', '陳大文')))).toBe('near');
  });

  it('holds both names of the record to both names of the card', () => {
    const both = { fullName: '陈大文', surname: 'CHAN', givenNames: 'TAI MAN' };
    expect(outcome(fullName(both, hkid('CHAN, Tai Man', '陳大文')))).toBe('match');
    expect(outcome(fullName(both, hkid('CHAN, Siu Ming', '陳大文')))).toBe('mismatch');
  });

  it('notices an English first name added or left out, as a near miss', () => {
    expect(outcome(fullName({ fullName: 'CHAN TAI MAN' }, hkid('CHAN, Tai Man Peter')))).toBe('near');
  });
});

describe('a whole-name record against an MRZ', () => {
  it('compares the whole name with surname and given names together, in either order', () => {
    const mrz: DocumentFields = { surname: 'WANG', givenNames: 'XIAOMING', format: 'TD3' };
    const report = compareRecord(record({ fullName: '王小明' }), mrz);
    expect(report.fullName).toMatchObject({ status: 'match' });
    expect(report).not.toHaveProperty('surname');
    const eriksson: DocumentFields = { surname: 'ERIKSSON', givenNames: 'ANNA MARIA', format: 'TD3' };
    expect(outcome(fullName({ fullName: 'Anna Maria Eriksson' }, eriksson))).toBe('match');
    expect(outcome(fullName({ fullName: 'Anna Eriksson' }, eriksson))).toBe('near');
    expect(outcome(fullName({ fullName: 'Maria Svensson' }, eriksson))).toBe('mismatch');
  });
});
