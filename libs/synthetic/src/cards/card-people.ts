/**
 * Invented card holders: Han names with their pinyin (and, for Hong Kong, their Cantonese romanisation and
 * Chinese commercial code), sex, ethnicity and birth dates of every age. Every name is assembled from common
 * characters, so no real person is meant.
 */
import { addDays } from '../iso-date';
import { Rng } from '../prng';
import { Division, DIVISIONS } from './divisions';

/** A character with its Mandarin syllable (toneless, upper case). */
interface HanChar {
  han: string;
  pinyin: string;
  /** A character of the same pronunciation, the typo a person makes typing the name by pinyin input. */
  homophone?: string;
}

const SURNAMES: readonly HanChar[] = [
  ['王', 'WANG'],
  ['李', 'LI'],
  ['张', 'ZHANG'],
  ['刘', 'LIU'],
  ['陈', 'CHEN'],
  ['杨', 'YANG'],
  ['黄', 'HUANG'],
  ['赵', 'ZHAO'],
  ['吴', 'WU'],
  ['周', 'ZHOU'],
  ['徐', 'XU'],
  ['孙', 'SUN'],
  ['马', 'MA'],
  ['朱', 'ZHU'],
  ['胡', 'HU'],
  ['郭', 'GUO'],
  ['何', 'HE'],
  ['高', 'GAO'],
  ['林', 'LIN'],
  ['罗', 'LUO'],
  ['郑', 'ZHENG'],
  ['梁', 'LIANG'],
  ['谢', 'XIE'],
  ['宋', 'SONG'],
  ['唐', 'TANG'],
  ['许', 'XU'],
  ['韩', 'HAN'],
  ['冯', 'FENG'],
  ['邓', 'DENG'],
  ['曹', 'CAO'],
  ['彭', 'PENG'],
  ['肖', 'XIAO'],
  ['田', 'TIAN'],
  ['董', 'DONG'],
  ['潘', 'PAN'],
  ['袁', 'YUAN'],
  ['蔡', 'CAI'],
  ['蒋', 'JIANG'],
  ['杜', 'DU'],
  ['叶', 'YE'],
  ['程', 'CHENG'],
  ['魏', 'WEI'],
  ['苏', 'SU'],
  ['丁', 'DING'],
  ['沈', 'SHEN'],
  ['任', 'REN'],
  ['姚', 'YAO'],
  ['钟', 'ZHONG'],
  ['崔', 'CUI'],
  ['谭', 'TAN'],
  ['廖', 'LIAO'],
  ['范', 'FAN'],
  ['金', 'JIN'],
  ['石', 'SHI'],
  ['贾', 'JIA'],
  ['夏', 'XIA'],
  ['方', 'FANG'],
  ['白', 'BAI'],
  ['孟', 'MENG'],
  ['欧阳', 'OUYANG'],
  ['司马', 'SIMA'],
  ['诸葛', 'ZHUGE'],
  ['上官', 'SHANGGUAN'],
].map(([han, pinyin]) => ({ han, pinyin }));

const GIVEN_MALE: readonly HanChar[] = [
  ['伟', 'WEI', '玮'],
  ['强', 'QIANG', '蔷'],
  ['军', 'JUN', '君'],
  ['磊', 'LEI', '蕾'],
  ['勇', 'YONG', '永'],
  ['杰', 'JIE', '洁'],
  ['涛', 'TAO', '韬'],
  ['明', 'MING', '铭'],
  ['超', 'CHAO', '潮'],
  ['辉', 'HUI', '晖'],
  ['刚', 'GANG', '钢'],
  ['建', 'JIAN', '剑'],
  ['国', 'GUO', '果'],
  ['志', 'ZHI', '智'],
  ['鹏', 'PENG', '朋'],
  ['宇', 'YU', '雨'],
  ['浩', 'HAO', '昊'],
  ['博', 'BO', '波'],
  ['文', 'WEN', '雯'],
  ['俊', 'JUN', '骏'],
  ['峰', 'FENG', '锋'],
  ['斌', 'BIN', '彬'],
  ['凯', 'KAI', '恺'],
  ['晨', 'CHEN', '辰'],
  ['轩', 'XUAN', '萱'],
  ['天', 'TIAN', '添'],
  ['海', 'HAI'],
  ['东', 'DONG', '冬'],
  ['平', 'PING', '萍'],
  ['小', 'XIAO', '晓'],
  ['远', 'YUAN', '媛'],
  ['成', 'CHENG', '诚'],
  ['子', 'ZI', '紫'],
  ['思', 'SI', '斯'],
  ['然', 'RAN', '冉'],
].map(([han, pinyin, homophone]) => ({ han, pinyin, homophone }));

const GIVEN_FEMALE: readonly HanChar[] = [
  ['芳', 'FANG', '方'],
  ['娜', 'NA', '纳'],
  ['敏', 'MIN', '民'],
  ['静', 'JING', '婧'],
  ['丽', 'LI', '莉'],
  ['艳', 'YAN', '燕'],
  ['娟', 'JUAN', '鹃'],
  ['霞', 'XIA', '侠'],
  ['秀', 'XIU', '绣'],
  ['英', 'YING', '瑛'],
  ['婷', 'TING', '亭'],
  ['雪', 'XUE', '薛'],
  ['慧', 'HUI', '惠'],
  ['颖', 'YING', '莹'],
  ['琳', 'LIN', '林'],
  ['欣', 'XIN', '心'],
  ['怡', 'YI', '仪'],
  ['雨', 'YU', '语'],
  ['涵', 'HAN', '含'],
  ['诗', 'SHI', '师'],
  ['佳', 'JIA', '家'],
  ['玉', 'YU', '钰'],
  ['兰', 'LAN', '岚'],
  ['梅', 'MEI', '玫'],
  ['红', 'HONG', '虹'],
  ['晓', 'XIAO', '小'],
  ['悦', 'YUE', '月'],
  ['梓', 'ZI', '紫'],
  ['萱', 'XUAN', '轩'],
  ['思', 'SI', '斯'],
].map(([han, pinyin, homophone]) => ({ han, pinyin, homophone }));

/** Characters few fonts or OCR models know (䶮 is in CJK Extension A), given by parents who want a rare name. */
const RARE: readonly HanChar[] = [
  ['䶮', 'YAN'],
  ['堃', 'KUN'],
  ['喆', 'ZHE'],
  ['赟', 'YUN'],
  ['犇', 'BEN'],
  ['淼', 'MIAO'],
  ['垚', 'YAO'],
  ['燚', 'YI'],
].map(([han, pinyin]) => ({ han, pinyin }));

/** Names of Uyghur holders as mainland cards print them: given name · father's name, in Han transcription. */
const UYGHUR_MALE = ['艾力', '买买提', '阿不都', '吐尔洪', '艾合买提'];
const UYGHUR_FEMALE = ['古丽', '阿依古丽', '热依拉', '帕提古丽', '努尔'];
/** Tibetan names have no surname: two given names. */
const TIBETAN = ['扎西', '多吉', '次仁', '卓玛', '央金', '旦增', '格桑', '拉姆'];

/** A mainland holder. */
export interface CardPerson {
  /** The name as the card prints it (王小明, 艾力·买买提). */
  fullName: string;
  /** Surname and given name in Han characters; `surname` empty for names without one. */
  surname: string;
  givenName: string;
  /** Pinyin, upper case: `WANG`, `XIAOMING` (syllables of one name run together, as passports write them). */
  surnamePinyin: string;
  givenPinyin: string;
  sex: 'M' | 'F';
  ethnicity: string;
  dateOfBirth: string;
  /** Where the number was first issued (its first six digits); may be a retired code. */
  birthDivision: Division;
  /** A homophone spelling of the name, for a record typo; null when none exists. */
  homophoneName: string | null;
  /** The name holds a character few fonts and OCR models know. */
  rare: boolean;
}

/** A Hong Kong holder. */
export interface HkPerson {
  /** Traditional characters: 陳大文. */
  chineseName: string;
  /** As the card prints it: `CHAN, Tai Man`. */
  englishName: string;
  /** Surname and given names of the English name (`CHAN`, `TAI MAN`). */
  englishSurname: string;
  englishGiven: string;
  /** Mandarin pinyin of the Chinese name (`CHEN DAWEN`), which the card never prints. */
  pinyin: string;
  /** The Chinese commercial code of each character, four digits each. */
  commercialCode: string[];
  sex: 'M' | 'F';
  dateOfBirth: string;
}

export interface PersonOptions {
  today: string;
  /** Give the name a rare character. */
  rare?: boolean;
  /** Lowest age on the day the card is issued (a residence permit needs none, a Resident ID card none either). */
  minAge?: number;
  /** Highest age today. */
  maxAge?: number;
  /** A Han name only (no Uyghur or Tibetan name forms), e.g. for a pinyin record. */
  hanOnly?: boolean;
}

/** A birth date between `minAge` and `maxAge` years before `today`. */
export function birthDate(rng: Rng, today: string, minAge: number, maxAge: number): string {
  const days = rng.int(Math.round(minAge * 365.25) + 1, Math.round(maxAge * 365.25) - 1);
  return addDays(today, -days);
}

function ethnicityOf(rng: Rng, d: Division): string {
  const minorities: Record<string, number> = { ...(d.ethnicities ?? { 回: 0.02, 满: 0.02, 壮: 0.01 }) };
  const rest = 1 - Object.values(minorities).reduce((a, b) => a + b, 0);
  return rng.weighted({ 汉: rest, ...minorities });
}

/** A mainland holder born in one of the committed divisions. */
export function generateCardPerson(rng: Rng, options: PersonOptions): CardPerson {
  const sex = rng.chance(0.5) ? 'M' : 'F';
  const birthDivision = rng.pick(DIVISIONS);
  const ethnicity =
    options.hanOnly || options.rare ? '汉' : ethnicityOf(rng.fork('ethnicity'), birthDivision);
  const age = rng.chance(0.12) ? [0.5, 16] : rng.chance(0.75) ? [16, 60] : [60, 95];
  let minAge = Math.max(age[0], options.minAge ?? 0);
  let maxAge = Math.min(age[1], options.maxAge ?? 99);
  if (maxAge - minAge < 1) [minAge, maxAge] = [options.minAge ?? 0.5, options.maxAge ?? 95];
  const dateOfBirth = birthDate(rng.fork('birth'), options.today, minAge, maxAge);
  const names = rng.fork('name');
  // Uyghur names (given name · father's name) and Tibetan ones have no surname and no usual pinyin spelling.
  const unsplit = (fullName: string): CardPerson => ({
    fullName,
    surname: '',
    givenName: fullName,
    surnamePinyin: '',
    givenPinyin: '',
    sex,
    ethnicity,
    dateOfBirth,
    birthDivision,
    homophoneName: null,
    rare: false,
  });
  if (ethnicity === '维吾尔') {
    const given = names.pick(sex === 'M' ? UYGHUR_MALE : UYGHUR_FEMALE);
    return unsplit(`${given}·${names.pick(UYGHUR_MALE.filter((n) => n !== given))}`);
  }
  if (ethnicity === '藏') {
    const [a, b] = [names.pick(TIBETAN), names.pick(TIBETAN)];
    return unsplit(a === b ? a : `${a}${b}`);
  }
  const surname = names.pick(SURNAMES);
  const pool = sex === 'M' ? GIVEN_MALE : GIVEN_FEMALE;
  const given: HanChar[] = [names.pick(pool)];
  if (names.chance(0.7)) given.push(names.pick(pool.filter((c) => c !== given[0])));
  if (options.rare) given[names.int(0, given.length - 1)] = names.pick(RARE);
  const givenName = given.map((c) => c.han).join('');
  const typoAt = given.findIndex((c) => c.homophone);
  const homophoneName =
    typoAt < 0 ? null : surname.han + given.map((c, i) => (i === typoAt ? c.homophone! : c.han)).join('');
  return {
    fullName: surname.han + givenName,
    surname: surname.han,
    givenName,
    surnamePinyin: surname.pinyin,
    givenPinyin: given.map((c) => c.pinyin).join(''),
    sex,
    ethnicity,
    dateOfBirth,
    birthDivision,
    homophoneName,
    rare: !!options.rare,
  };
}

/** A traditional character with its Cantonese romanisation (as the Immigration Department spells it), Mandarin and code. */
interface HkChar {
  han: string;
  jyut: string;
  pinyin: string;
  /** Chinese commercial (telegraph) code, from Unihan's kTaiwanTelegraph (Unicode 15.0). */
  code: string;
}

const hk = (rows: string[][]): HkChar[] =>
  rows.map(([han, jyut, pinyin, code]) => ({ han, jyut, pinyin, code }));

const HK_SURNAMES = hk([
  ['陳', 'CHAN', 'CHEN', '7115'],
  ['黃', 'WONG', 'HUANG', '7806'],
  ['李', 'LEE', 'LI', '2621'],
  ['張', 'CHEUNG', 'ZHANG', '1728'],
  ['梁', 'LEUNG', 'LIANG', '2733'],
  ['林', 'LAM', 'LIN', '2651'],
  ['劉', 'LAU', 'LIU', '0491'],
  ['吳', 'NG', 'WU', '0702'],
  ['何', 'HO', 'HE', '0149'],
  ['鄭', 'CHENG', 'ZHENG', '6774'],
  ['楊', 'YEUNG', 'YANG', '2799'],
  ['周', 'CHOW', 'ZHOU', '0719'],
  ['郭', 'KWOK', 'GUO', '6753'],
  ['羅', 'LAW', 'LUO', '5012'],
  ['謝', 'TSE', 'XIE', '6200'],
  ['葉', 'YIP', 'YE', '5509'],
  ['蔡', 'CHOI', 'CAI', '5591'],
  ['曾', 'TSANG', 'ZENG', '2582'],
  ['麥', 'MAK', 'MAI', '7796'],
  ['朱', 'CHU', 'ZHU', '2612'],
  ['胡', 'WU', 'HU', '5170'],
  ['鄧', 'TANG', 'DENG', '6772'],
]);

const HK_GIVEN_MALE = hk([
  ['大', 'TAI', 'DA', '1129'],
  ['文', 'MAN', 'WEN', '2429'],
  ['小', 'SIU', 'XIAO', '1420'],
  ['明', 'MING', 'MING', '2494'],
  ['家', 'KA', 'JIA', '1367'],
  ['偉', 'WAI', 'WEI', '0251'],
  ['志', 'CHI', 'ZHI', '1807'],
  ['強', 'KEUNG', 'QIANG', '1730'],
  ['俊', 'CHUN', 'JUN', '0193'],
  ['傑', 'KIT', 'JIE', '0267'],
  ['浩', 'HO', 'HAO', '3185'],
  ['軒', 'HIN', 'XUAN', '6513'],
  ['天', 'TIN', 'TIAN', '1131'],
  ['國', 'KWOK', 'GUO', '0948'],
  ['華', 'WA', 'HUA', '5478'],
  ['卓', 'CHEUK', 'ZHUO', '0587'],
  ['健', 'KIN', 'JIAN', '0256'],
  ['輝', 'FAI', 'HUI', '6540'],
  ['德', 'TAK', 'DE', '1795'],
  ['銘', 'MING', 'MING', '6900'],
  ['寶', 'PO', 'BAO', '1405'],
  ['樂', 'LOK', 'LE', '2867'],
]);

const HK_GIVEN_FEMALE = hk([
  ['嘉', 'KA', 'JIA', '0857'],
  ['欣', 'YAN', 'XIN', '2946'],
  ['美', 'MEI', 'MEI', '5019'],
  ['玲', 'LING', 'LING', '3781'],
  ['詠', 'WING', 'YONG', '6102'],
  ['詩', 'SZE', 'SHI', '6108'],
  ['子', 'TSZ', 'ZI', '1311'],
  ['琪', 'KEI', 'QI', '3825'],
  ['慧', 'WAI', 'HUI', '1979'],
  ['敏', 'MAN', 'MIN', '2404'],
  ['穎', 'WING', 'YING', '4481'],
  ['麗', 'LAI', 'LI', '7787'],
  ['芳', 'FONG', 'FANG', '5364'],
  ['雅', 'NGA', 'YA', '7161'],
  ['婷', 'TING', 'TING', '1250'],
  ['思', 'SZE', 'SI', '1835'],
  ['恩', 'YAN', 'EN', '1869'],
  ['家', 'KA', 'JIA', '1367'],
]);

const title = (word: string) => word.charAt(0) + word.slice(1).toLowerCase();

/**
 * A Hong Kong holder. Its Mandarin pinyin always differs from the English name somewhere, so a record in
 * pinyin never matches it by accident.
 */
export function generateHkPerson(rng: Rng, options: PersonOptions): HkPerson {
  for (;;) {
    const sex = rng.chance(0.5) ? 'M' : 'F';
    const surname = rng.pick(HK_SURNAMES);
    const pool = sex === 'M' ? HK_GIVEN_MALE : HK_GIVEN_FEMALE;
    const first = rng.pick(pool);
    const given = rng.chance(0.85) ? [first, rng.pick(pool.filter((c) => c.han !== first.han))] : [first];
    const englishGiven = given.map((c) => c.jyut).join(' ');
    const pinyin = `${surname.pinyin} ${given.map((c) => c.pinyin).join('')}`;
    if (pinyin.replace(/\s/g, '') === `${surname.jyut}${englishGiven}`.replace(/\s/g, '')) continue;
    return {
      chineseName: surname.han + given.map((c) => c.han).join(''),
      englishName: `${surname.jyut}, ${given.map((c) => title(c.jyut)).join(' ')}`,
      englishSurname: surname.jyut,
      englishGiven,
      pinyin,
      commercialCode: [surname, ...given].map((c) => c.code),
      sex,
      dateOfBirth: birthDate(rng.fork('birth'), options.today, 18, 90),
    };
  }
}
