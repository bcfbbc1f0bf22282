import { ocrLine } from '../cards/text-line.fixture';
import {
  birthDateIn,
  parseEmblem,
  parsePortrait,
  portraitRows,
  validityIn,
  type PortraitLines,
} from './resident-id.text';

const line = ocrLine;

const rows = (r: Partial<PortraitLines>): PortraitLines => ({
  name: [],
  sex: [],
  birth: [],
  address: [],
  ...r,
});

describe('parsePortrait', () => {
  it('reads each row of values, whatever OCR strayed in between', () => {
    const text = parsePortrait(
      rows({
        name: [line('”王小明', 20)],
        sex: [line('男民族汉', 50)],
        birth: [line('“1988年3月7日', 110)],
        address: [line('4号院2号楼3单元', 204), line('”北京市东城区景山前街', 170)],
      }),
    );
    expect(text.name?.value).toBe('王小明');
    expect(text.sex?.value).toBe('M');
    expect(text.ethnicity?.value).toBe('汉');
    expect(text.birthDate?.value).toBe('1988-03-07');
    expect(text.address?.value).toBe('北京市东城区景山前街4号院2号楼3单元');
  });

  it('keeps the middle dot of a transcribed minority name and reads 女 as F', () => {
    const text = parsePortrait(
      rows({ name: [line('阿依古丽•买买提', 20)], sex: [line('女 民族 维吾尔', 50)] }),
    );
    expect(text.name?.value).toBe('阿依古丽·买买提');
    expect(text.sex?.value).toBe('F');
    expect(text.ethnicity?.value).toBe('维吾尔');
  });

  it('cuts a caption that strayed into the name row, and never moves a value to another row', () => {
    const text = parsePortrait(rows({ name: [line('姓名 李娜', 20)], birth: [line('性别 女', 110)] }));
    expect(text.name?.value).toBe('李娜');
    expect(text.birthDate).toBeNull();
    expect(text.sex).toBeNull();
  });

  it('has no residence-permit ethnicity and no name when nothing Han was read', () => {
    const text = parsePortrait(rows({ name: [line('|| ,,', 20)], sex: [line('男', 50)] }));
    expect(text.name).toBeNull();
    expect(text.ethnicity).toBeNull();
    expect(text.sex?.value).toBe('M');
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
    // The dash read as a letter or a colon and a dash.
    expect(validityIn('2022.03.22z长期')).toEqual({ from: '2022-03-22', until: null, longTerm: true });
    expect(validityIn('2016.06.12:-2026.06.12')).toMatchObject({ from: '2016-06-12', until: '2026-06-12' });
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

  it('takes the Han line above the validity as the authority when the captions are outside the read', () => {
    const text = parseEmblem([], [line('2015.01.01-2035.01.01', 50), line('北京市公安局东城分局', 10)]);
    expect(text.issuingAuthority?.value).toBe('北京市公安局东城分局');
    expect(text.validity).toMatchObject({ from: '2015-01-01', until: '2035-01-01', longTerm: false });
    expect(text.permit).toBeNull();
  });

  it('is no emblem side when neither title nor fields are there', () => {
    const text = parseEmblem([line('VISA', 10)], [line('1234 5678 9012', 10)]);
    expect(text).toMatchObject({ permit: null, validity: null, issuingAuthority: null });
  });
});

describe('portraitRows', () => {
  const nowhere = () => null;
  it('places the rows round the birth date, however far the print is off its place', () => {
    const rows = portraitRows(
      [
        line('赵勇', 10),
        line('男', 60),
        line('民族 汉', 62),
        line('1990年3月7日', 110),
        line('北京市', 160),
        line('|', 200),
      ],
      nowhere,
    );
    expect(rows.name.map((l) => l.text)).toEqual(['赵勇']);
    expect(rows.sex.map((l) => l.text)).toEqual(['男', '民族 汉']);
    expect(rows.birth.map((l) => l.text)).toEqual(['1990年3月7日']);
    expect(rows.address.map((l) => l.text)).toEqual(['北京市']);
  });

  it('falls back on where each line lies when no birth date was read', () => {
    const rows = portraitRows([line('赵勇', 10), line('男 民族 汉', 60)], (l) =>
      l.box.y < 40 ? 'name' : 'sex',
    );
    expect(rows.name.map((l) => l.text)).toEqual(['赵勇']);
    expect(rows.sex.map((l) => l.text)).toEqual(['男 民族 汉']);
  });
});
