/**
 * Invented applicants' name material, grouped by nationality. Every name is a common given name or surname
 * combined at random, so no generated person is real. The pools deliberately contain the letters that trip up
 * MRZ transliteration (Ü, ß, Å, Ø, Ł, Ñ, Þ, Ð, İ, apostrophes, hyphens, particles).
 */

/** Names of one nationality, in the upper case the visual zone prints. */
export interface NamePool {
  surnames: readonly string[];
  male: readonly string[];
  female: readonly string[];
  /** Extra-long names that no MRZ name field holds in full (they test truncation). */
  longSurnames?: readonly string[];
  longGiven?: readonly string[];
  /** Places of birth printed in the visual zone. */
  places: readonly string[];
  /** Language of the national labels on the document (English is always added). */
  language: LabelLanguage;
}

/** A name written in Han characters with the pinyin the passport prints (syllables separated by a space). */
export interface HanName {
  han: string;
  pinyin: string;
}

export type LabelLanguage = 'en' | 'fr' | 'de' | 'es' | 'sv' | 'pl' | 'it' | 'pt' | 'nl' | 'da' | 'cs' | 'tr';

export const NAME_POOLS: Readonly<Record<string, NamePool>> = {
  DEU: {
    surnames: [
      'MÜLLER',
      'SCHRÖDER',
      'WEIß',
      'KÖHLER',
      'BÄCKER',
      'GROßMANN',
      'HOFFMANN',
      'SCHÄFER',
      'VON DER HEIDE',
      'KRÜGER',
    ],
    male: ['JÜRGEN', 'JÖRG', 'LUKAS', 'MAXIMILIAN', 'SÖREN', 'KARL-HEINZ', 'FRIEDRICH'],
    female: ['LENA', 'BÄRBEL', 'MAREIKE', 'SOPHIE CHARLOTTE', 'JÜLIDE', 'ANNA-LENA', 'GRETA'],
    longSurnames: ['FREIIN VON HOHENSTEIN-WALDBURG-ZEIL', 'SCHWARZENBERGER-LÖWENSTEIN'],
    longGiven: ['KARL-THEODOR MARIA NIKOLAUS JOHANN', 'ELISABETH CHARLOTTE FRIEDERIKE'],
    places: ['BERLIN', 'HAMBURG', 'MÜNCHEN', 'KÖLN', 'LEIPZIG', 'DÜSSELDORF'],
    language: 'de',
  },
  AUT: {
    surnames: ['GRUBER', 'HUBER', 'PÖLZL', 'STÖGER', 'WAGNER', 'MAYRHOFER'],
    male: ['FLORIAN', 'GEORG', 'MATTHÄUS', 'TOBIAS'],
    female: ['THERESA', 'JOHANNA', 'VERONIKA', 'MAGDALENA'],
    places: ['WIEN', 'GRAZ', 'LINZ', 'SALZBURG', 'INNSBRUCK'],
    language: 'de',
  },
  SWE: {
    surnames: ['ÅSTRÖM', 'LINDQVIST', 'JÖNSSON', 'ÖBERG', 'SJÖBERG', 'ÄNGQVIST', 'BERGSTRÖM'],
    male: ['BJÖRN', 'MÅNS', 'OLOF', 'NILS ERIK', 'GÖRAN'],
    female: ['ANNA MARIA', 'ÅSA', 'LINNÉA', 'KARIN', 'MÄRTA'],
    places: ['STOCKHOLM', 'GÖTEBORG', 'MALMÖ', 'UPPSALA', 'LULEÅ'],
    language: 'sv',
  },
  NOR: {
    surnames: ['JØRGENSEN', 'HÅLAND', 'BRÆNDEN', 'SØRLIE', 'ØDEGÅRD'],
    male: ['HÅKON', 'TORBJØRN', 'ØYVIND', 'ESPEN'],
    female: ['SOLVEIG', 'INGRID', 'BJØRG', 'MARTE'],
    places: ['OSLO', 'BERGEN', 'TROMSØ', 'TRONDHEIM'],
    language: 'da',
  },
  DNK: {
    surnames: ['SØRENSEN', 'JØRGENSEN', 'ØSTERGAARD', 'MØLLER', 'LÆSSØE'],
    male: ['SØREN', 'MADS', 'JØRN', 'RASMUS'],
    female: ['LÆRKE', 'SIGNE', 'MATHILDE', 'BIRGITTE'],
    places: ['KØBENHAVN', 'AARHUS', 'ODENSE', 'AALBORG'],
    language: 'da',
  },
  ESP: {
    surnames: ['GARCÍA NÚÑEZ', 'MUÑOZ', 'PEÑA ORTIZ', 'FERNÁNDEZ LÓPEZ', 'IBÁÑEZ', 'ESPAÑOL RUIZ'],
    male: ['JOSÉ ÁNGEL', 'ÍÑIGO', 'RAÚL', 'JESÚS', 'ÓSCAR'],
    female: ['MARÍA JOSÉ', 'INÉS', 'ROCÍO', 'BEGOÑA', 'LUCÍA'],
    longSurnames: ['GARCÍA NÚÑEZ DE LA TORRE Y FERNÁNDEZ DE CÓRDOBA', 'RODRÍGUEZ DE VILLAVICENCIO'],
    longGiven: ['MARÍA DE LOS ÁNGELES CONCEPCIÓN', 'FRANCISCO JAVIER MARÍA DEL CARMEN'],
    places: ['MADRID', 'BARCELONA', 'SEVILLA', 'A CORUÑA', 'CÁDIZ', 'MÁLAGA'],
    language: 'es',
  },
  IRL: {
    surnames: ["O'NEILL", "O'SULLIVAN", 'MCCARTHY', 'NÍ BHRIAIN', "O'BRIEN", 'Ó CEALLAIGH'],
    male: ['SEÁN', 'PÁDRAIG', 'CIARÁN', 'EOIN'],
    female: ['SIOBHÁN', 'AOIFE', 'NIAMH', 'RÓISÍN'],
    places: ['DUBLIN', 'CORK', 'GALWAY', 'LIMERICK'],
    language: 'en',
  },
  POL: {
    surnames: ['WOJCIECHOWSKI', 'ŻÓŁKIEWSKA', 'KRZYŻANOWSKI', 'GRABOWSKA', 'ŁUCZAK', 'WĄSOWICZ'],
    male: ['ŁUKASZ', 'GRZEGORZ', 'BŁAŻEJ', 'MIŁOSZ', 'PAWEŁ'],
    female: ['MAŁGORZATA', 'AGNIESZKA', 'JADWIGA', 'ŻANETA', 'KATARZYNA'],
    places: ['WARSZAWA', 'KRAKÓW', 'ŁÓDŹ', 'GDAŃSK', 'POZNAŃ'],
    language: 'pl',
  },
  FRA: {
    surnames: ['LEFÈVRE', 'DUBOIS', 'GÉRARD', "D'ARTAGNAN", 'BÉRANGER', 'LAURENT'],
    male: ['FRANÇOIS', 'JEAN-BAPTISTE', 'JÉRÔME', 'THÉO'],
    female: ['CÉLINE', 'HÉLÈNE', 'CHLOÉ', 'MARIE-NOËLLE'],
    places: ['PARIS', 'LYON', 'MARSEILLE', 'NÎMES', 'ORLÉANS'],
    language: 'fr',
  },
  ITA: {
    surnames: ["D'ANGELO", 'DE LUCA', 'ROSSI', 'ESPOSITO', 'DELL’ACQUA'],
    male: ['NICCOLÒ', 'GIOSUÈ', 'LUCA', 'MATTIA'],
    female: ['CHIARA', 'FEDERICA', 'ILARIA', 'SOFIA'],
    places: ['ROMA', 'MILANO', 'NAPOLI', 'TORINO', 'FORLÌ'],
    language: 'it',
  },
  PRT: {
    surnames: ['GONÇALVES', 'CONCEIÇÃO', 'MAGALHÃES', 'SIMÕES', 'ASSUNÇÃO'],
    male: ['JOÃO', 'SEBASTIÃO', 'TOMÁS', 'ANTÓNIO'],
    female: ['MARIA DA CONCEIÇÃO', 'INÊS', 'LEONOR', 'CONCEIÇÃO'],
    longSurnames: ['VASCONCELOS DE ALBUQUERQUE E MAGALHÃES', 'SALDANHA DA GAMA MASCARENHAS'],
    longGiven: ['MARIA DA CONCEIÇÃO DE JESUS', 'JOÃO MANUEL SEBASTIÃO'],
    places: ['LISBOA', 'PORTO', 'COIMBRA', 'ÉVORA'],
    language: 'pt',
  },
  CZE: {
    surnames: ['DVOŘÁK', 'NOVÁKOVÁ', 'ČERNÝ', 'KŘÍŽOVÁ', 'SVOBODA'],
    male: ['JIŘÍ', 'TOMÁŠ', 'LUBOŠ', 'ONDŘEJ'],
    female: ['KATEŘINA', 'ZDEŇKA', 'LUCIE', 'MARKÉTA'],
    places: ['PRAHA', 'BRNO', 'PLZEŇ', 'ČESKÉ BUDĚJOVICE'],
    language: 'cs',
  },
  HUN: {
    surnames: ['SZŰCS', 'KŐVÁRI', 'TÓTH', 'NAGY', 'BALÁZS'],
    male: ['ÁDÁM', 'GYŐZŐ', 'LÁSZLÓ', 'BENCE'],
    female: ['ZSÓFIA', 'ÉVA', 'ILDIKÓ', 'RÉKA'],
    places: ['BUDAPEST', 'DEBRECEN', 'PÉCS', 'GYŐR'],
    language: 'en',
  },
  ISL: {
    surnames: ['ÞÓRSDÓTTIR', 'GUÐMUNDSSON', 'SIGURÐARDÓTTIR', 'HALLDÓRSSON'],
    male: ['ÞÓR', 'HALLDÓR', 'EIÐUR', 'GUNNAR'],
    female: ['SIGRÍÐUR', 'HRAFNHILDUR', 'ÁSDÍS', 'BJÖRK'],
    places: ['REYKJAVÍK', 'AKUREYRI', 'HAFNARFJÖRÐUR'],
    language: 'en',
  },
  TUR: {
    surnames: ['YILDIRIM', 'ÇELİK', 'ŞAHİN', 'ÖZTÜRK', 'KILIÇ', 'AYDOĞAN'],
    male: ['MEHMET', 'İBRAHİM', 'EMRE', 'MUSTAFA KEMAL'],
    female: ['AYŞE', 'GÜLŞEN', 'ZEYNEP', 'ÖZLEM'],
    places: ['İSTANBUL', 'ANKARA', 'İZMİR', 'ESKİŞEHİR'],
    language: 'tr',
  },
  FIN: {
    surnames: ['MÄKINEN', 'HÄMÄLÄINEN', 'JÄRVINEN', 'LEHTONEN', 'KÄRKKÄINEN'],
    male: ['JUHA', 'VÄINÖ', 'MIKKO', 'ILMARI'],
    female: ['SATU', 'PÄIVI', 'AINO', 'HELMI'],
    places: ['HELSINKI', 'TAMPERE', 'TURKU', 'JYVÄSKYLÄ'],
    language: 'sv',
  },
  NLD: {
    surnames: ['VAN DER BERG', 'DE JONG', 'VAN DIJK', "VAN 'T HOF", 'BAKKER'],
    male: ['JOOST', 'DAAN', 'SANDER', 'MAARTEN'],
    female: ['SANNE', 'FLEUR', 'ANOUK', 'MARIJKE'],
    places: ['AMSTERDAM', 'ROTTERDAM', 'UTRECHT', "'S-GRAVENHAGE"],
    language: 'nl',
  },
  ROU: {
    surnames: ['POPESCU', 'ȘTEFĂNESCU', 'IONESCU', 'DUMITRAȘCU'],
    male: ['IONUȚ', 'ȘTEFAN', 'MIHAI', 'CĂTĂLIN'],
    female: ['ANDREEA', 'IOANA', 'ROXANA', 'GEORGIANA'],
    places: ['BUCUREȘTI', 'CLUJ-NAPOCA', 'IAȘI', 'TIMIȘOARA'],
    language: 'en',
  },
  UTO: {
    surnames: ['ERIKSSON', 'STEVENSON', 'DE LA CRUZ', 'OKONKWO', 'MAHLANGU', 'NGUYỄN'],
    male: ['PETER', 'ANDRÉ', 'KWAME', 'RAFAEL'],
    female: ['ANNA MARIA', 'ZOË', 'AMARA', 'NAOMI'],
    places: ['ZENITH', 'NADIR', 'MERIDIAN', 'EQUINOX'],
    language: 'fr',
  },
};

/** Chinese applicants: Han surnames and given names with the pinyin a passport prints. */
export const HAN_SURNAMES: readonly HanName[] = [
  { han: '王', pinyin: 'WANG' },
  { han: '李', pinyin: 'LI' },
  { han: '张', pinyin: 'ZHANG' },
  { han: '刘', pinyin: 'LIU' },
  { han: '陈', pinyin: 'CHEN' },
  { han: '杨', pinyin: 'YANG' },
  { han: '黄', pinyin: 'HUANG' },
  { han: '欧阳', pinyin: 'OUYANG' },
  { han: '司马', pinyin: 'SIMA' },
];

export const HAN_GIVEN_MALE: readonly HanName[] = [
  { han: '小明', pinyin: 'XIAO MING' },
  { han: '伟', pinyin: 'WEI' },
  { han: '建国', pinyin: 'JIAN GUO' },
  { han: '思远', pinyin: 'SI YUAN' },
  { han: '浩然', pinyin: 'HAO RAN' },
];

export const HAN_GIVEN_FEMALE: readonly HanName[] = [
  { han: '秀英', pinyin: 'XIU YING' },
  { han: '丽', pinyin: 'LI' },
  { han: '子涵', pinyin: 'ZI HAN' },
  { han: '雨欣', pinyin: 'YU XIN' },
  { han: '静怡', pinyin: 'JING YI' },
];

export const CHINESE_PLACES: readonly string[] = ['BEIJING', 'SHANGHAI', 'GUANGDONG', 'SICHUAN', 'ZHEJIANG'];
