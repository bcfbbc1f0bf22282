/**
 * A few real administrative divisions of GB/T 2260 (中华人民共和国行政区划代码, Ministry of Civil Affairs list as
 * published for 2023), enough to give generated cards numbers, addresses and issuing authorities that agree.
 * `retired` marks codes no longer in use (Beijing's 崇文区 and 宣武区 merged into 东城区 and 西城区 in 2010,
 * Shanghai's 卢湾区 into 黄浦区 in 2011): people born there keep the old code in their number while their
 * address and card come from the successor district.
 */
import { Rng } from '../prng';

export interface Division {
  code: string;
  /** Province-level name as addresses begin (北京市, 广东省, 新疆维吾尔自治区). */
  province: string;
  /** Prefecture-level city, empty for the four municipalities. */
  city: string;
  district: string;
  /** For a retired code: the year it went, and the code whose district took it over. */
  retired?: { year: number; successor: string };
  /** Ethnic groups of the region besides 汉 and their share of the population, roughly. */
  ethnicities?: Readonly<Record<string, number>>;
}

export const DIVISIONS: readonly Division[] = [
  { code: '110101', province: '北京市', city: '', district: '东城区' },
  { code: '110102', province: '北京市', city: '', district: '西城区' },
  {
    code: '110103',
    province: '北京市',
    city: '',
    district: '崇文区',
    retired: { year: 2010, successor: '110101' },
  },
  {
    code: '110104',
    province: '北京市',
    city: '',
    district: '宣武区',
    retired: { year: 2010, successor: '110102' },
  },
  { code: '110105', province: '北京市', city: '', district: '朝阳区' },
  { code: '110108', province: '北京市', city: '', district: '海淀区' },
  { code: '120101', province: '天津市', city: '', district: '和平区' },
  { code: '120104', province: '天津市', city: '', district: '南开区' },
  { code: '130102', province: '河北省', city: '石家庄市', district: '长安区' },
  { code: '140105', province: '山西省', city: '太原市', district: '小店区' },
  {
    code: '150102',
    province: '内蒙古自治区',
    city: '呼和浩特市',
    district: '新城区',
    ethnicities: { 蒙古: 0.25, 回: 0.03, 满: 0.03 },
  },
  {
    code: '210102',
    province: '辽宁省',
    city: '沈阳市',
    district: '和平区',
    ethnicities: { 满: 0.12, 朝鲜: 0.02 },
  },
  {
    code: '220102',
    province: '吉林省',
    city: '长春市',
    district: '南关区',
    ethnicities: { 朝鲜: 0.08, 满: 0.05 },
  },
  { code: '230102', province: '黑龙江省', city: '哈尔滨市', district: '道里区', ethnicities: { 满: 0.06 } },
  { code: '310101', province: '上海市', city: '', district: '黄浦区' },
  {
    code: '310103',
    province: '上海市',
    city: '',
    district: '卢湾区',
    retired: { year: 2011, successor: '310101' },
  },
  { code: '310104', province: '上海市', city: '', district: '徐汇区' },
  { code: '310115', province: '上海市', city: '', district: '浦东新区' },
  { code: '320102', province: '江苏省', city: '南京市', district: '玄武区' },
  { code: '330106', province: '浙江省', city: '杭州市', district: '西湖区' },
  { code: '340102', province: '安徽省', city: '合肥市', district: '瑶海区' },
  { code: '350102', province: '福建省', city: '福州市', district: '鼓楼区' },
  { code: '360102', province: '江西省', city: '南昌市', district: '东湖区' },
  { code: '370102', province: '山东省', city: '济南市', district: '历下区' },
  { code: '410105', province: '河南省', city: '郑州市', district: '金水区', ethnicities: { 回: 0.02 } },
  { code: '420106', province: '湖北省', city: '武汉市', district: '武昌区', ethnicities: { 土家: 0.02 } },
  {
    code: '430102',
    province: '湖南省',
    city: '长沙市',
    district: '芙蓉区',
    ethnicities: { 土家: 0.03, 苗: 0.03 },
  },
  { code: '440103', province: '广东省', city: '广州市', district: '荔湾区' },
  { code: '440106', province: '广东省', city: '广州市', district: '天河区' },
  { code: '440304', province: '广东省', city: '深圳市', district: '福田区' },
  {
    code: '450102',
    province: '广西壮族自治区',
    city: '南宁市',
    district: '兴宁区',
    ethnicities: { 壮: 0.35, 瑶: 0.03 },
  },
  { code: '460105', province: '海南省', city: '海口市', district: '秀英区', ethnicities: { 黎: 0.05 } },
  { code: '500103', province: '重庆市', city: '', district: '渝中区', ethnicities: { 土家: 0.03 } },
  {
    code: '510104',
    province: '四川省',
    city: '成都市',
    district: '锦江区',
    ethnicities: { 彝: 0.03, 藏: 0.02 },
  },
  {
    code: '520102',
    province: '贵州省',
    city: '贵阳市',
    district: '南明区',
    ethnicities: { 苗: 0.12, 布依: 0.08 },
  },
  {
    code: '530102',
    province: '云南省',
    city: '昆明市',
    district: '五华区',
    ethnicities: { 彝: 0.12, 白: 0.04 },
  },
  { code: '540102', province: '西藏自治区', city: '拉萨市', district: '城关区', ethnicities: { 藏: 0.8 } },
  { code: '610113', province: '陕西省', city: '西安市', district: '雁塔区', ethnicities: { 回: 0.02 } },
  { code: '620102', province: '甘肃省', city: '兰州市', district: '城关区', ethnicities: { 回: 0.08 } },
  {
    code: '630102',
    province: '青海省',
    city: '西宁市',
    district: '城东区',
    ethnicities: { 回: 0.2, 藏: 0.1 },
  },
  {
    code: '640104',
    province: '宁夏回族自治区',
    city: '银川市',
    district: '兴庆区',
    ethnicities: { 回: 0.3 },
  },
  {
    code: '650102',
    province: '新疆维吾尔自治区',
    city: '乌鲁木齐市',
    district: '天山区',
    ethnicities: { 维吾尔: 0.4, 回: 0.08, 哈萨克: 0.05 },
  },
];

const BY_CODE = new Map(DIVISIONS.map((d) => [d.code, d]));

export function division(code: string): Division {
  const found = BY_CODE.get(code);
  if (!found) throw new RangeError(`no division ${code}`);
  return found;
}

/** The division that administers a place today (the successor of a retired code, else itself). */
export function currentDivision(d: Division): Division {
  return d.retired ? division(d.retired.successor) : d;
}

/**
 * The public-security bureau that issues cards there, as the card prints it: a municipality's district branch
 * (北京市公安局东城分局), else the city bureau's district branch (广州市公安局天河分局).
 */
export function issuingAuthority(d: Division): string {
  const branch = d.district.replace(/新区$|区$/, '');
  return `${d.city || d.province}公安局${branch}分局`;
}

/** The city bureau that issues residence permits to residents living in the division (深圳市公安局). */
export function permitAuthority(d: Division): string {
  return `${d.city || d.province}公安局`;
}

const STREETS = [
  '人民路',
  '解放路',
  '建设路',
  '中山路',
  '和平路',
  '文化路',
  '新华街',
  '胜利街',
  '光明路',
  '团结路',
  '幸福路',
  '友谊路',
  '青年路',
  '健康路',
  '工农路',
  '花园街',
  '体育路',
  '北环路',
  '南湖路',
  '东风路',
];

/** An invented street address in the division: street, house number, building, unit and flat as cards print them. */
export function addressIn(rng: Rng, d: Division): string {
  const place = `${d.province}${d.city}${d.district}`;
  const street = rng.pick(STREETS);
  const house = rng.int(1, 399);
  const flat = `${rng.int(1, 28)}0${rng.int(1, 6)}`;
  switch (rng.int(0, 3)) {
    case 0:
      return `${place}${street}${house}号`;
    case 1:
      return `${place}${street}${house}号${rng.int(1, 12)}号楼${rng.int(1, 6)}单元${flat}室`;
    case 2:
      return `${place}${street}${house}号院${rng.int(1, 20)}号楼${flat}号`;
    default:
      return `${place}${street}${house}号${rng.int(1, 9)}栋${flat}房`;
  }
}
