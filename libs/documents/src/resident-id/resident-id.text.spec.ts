import { ocrLine } from '../cards/text-line.fixture';
import { birthDateIn, parseEmblem, parsePortrait, validityIn } from './resident-id.text';

const line = ocrLine;

describe('parsePortrait', () => {
  it('finds each field by its label, whatever OCR strayed in between', () => {
    const text = parsePortrait([
      line('姓名 ”王小明', 20),
      line('性别男民族汉', 50),
      line('出生 “1988年3月7日', 110),
      line('住址 ”北京市东城区景山前街', 170),
      line('4号院2号楼3单元', 204),
    ]);
    expect(text.name?.value).toBe('王小明');
    expect(text.sex?.value).toBe('M');
    expect(text.ethnicity?.value).toBe('汉');
    expect(text.birthDate?.value).toBe('1988-03-07');
    expect(text.address?.value).toBe('北京市东城区景山前街4号院2号楼3单元');
  });

  it('keeps the middle dot of a transcribed minority name and reads 女 as F', () => {
    const text = parsePortrait([line('姓名 阿依古丽•买买提', 20), line('性别 女 民族 维吾尔', 50)]);
    expect(text.name?.value).toBe('阿依古丽·买买提');
    expect(text.sex?.value).toBe('F');
    expect(text.ethnicity?.value).toBe('维吾尔');
  });

  it('takes the first line as the name when OCR lost its label, lines in any order', () => {
    const text = parsePortrait([line('出生 2001年12月31日', 110), line('李娜', 20), line('性别 女', 50)]);
    expect(text.name?.value).toBe('李娜');
    expect(text.birthDate?.value).toBe('2001-12-31');
  });

  it('has no residence-permit ethnicity and no name when nothing Han was read', () => {
    const text = parsePortrait([line('|| ,,', 20), line('性别 男', 50)]);
    expect(text.name).toBeNull();
    expect(text.ethnicity).toBeNull();
  });
});

describe('dates', () => {
  it('reads 出生 only as a real calendar date', () => {
    expect(birthDateIn('出生 1990 年 2 月 28 日')).toBe('1990-02-28');
    expect(birthDateIn('出生 1990 年 2 月 30 日')).toBeNull();
  });

  it('reads validity terms with OCR’s dots and dashes, and 长期', () => {
    expect(validityIn('有效期限 2015.01.01-2035.01.01')).toEqual({
      from: '2015-01-01',
      until: '2035-01-01',
      longTerm: false,
    });
    expect(validityIn('2010,06,15 — 长期')).toEqual({ from: '2010-06-15', until: null, longTerm: true });
    expect(validityIn('2015.13.01-2035.13.01')).toBeNull();
  });
});

describe('parseEmblem', () => {
  it('tells a residence permit by its title and reads its lower block', () => {
    const text = parseEmblem(
      [line('中华人民共和国', 40), line('港澳台居民居住证', 120)],
      [
        line('签发机关 深圳市公安局', 10),
        line('有效期限 2020.05.01-2025.05.01', 50),
        line('通行证号码 H12345678', 90),
      ],
    );
    expect(text.permit).toBe(true);
    expect(text.issuingAuthority?.value).toBe('深圳市公安局');
    expect(text.validity).toMatchObject({ from: '2020-05-01', until: '2025-05-01' });
    expect(text.permitNumber?.value).toBe('H12345678');
  });

  it('is no emblem side when neither title nor fields are there', () => {
    const text = parseEmblem([line('VISA', 10)], [line('1234 5678 9012', 10)]);
    expect(text).toMatchObject({ permit: null, validity: null, issuingAuthority: null });
  });
});
