/**
 * The holdout set's invented holders: every surname and every given name carries at least one letter outside
 * A-Z (Ä Ö Ü Å Ø Æ Ł Ç Ñ É ß Ş Ğ İ Ð Þ Ő Ř Ș Đ Ľ Ā …), so every name field exercises ICAO transliteration. No name
 * is shared with the primary set's pools for the same nationality where an alternative exists.
 */
import { LabelLanguage } from '../name-pools';

export interface HoldoutNamePool {
  surnames: readonly string[];
  male: readonly string[];
  female: readonly string[];
  places: readonly string[];
  /** Language of the national labels (English is always added). */
  language: LabelLanguage;
}

export const HOLDOUT_NAMES: Readonly<Record<string, HoldoutNamePool>> = {
  DEU: {
    surnames: ['GÖTZ', 'KÜHNE', 'BÖHM', 'STRAßER', 'JÄGER', 'HÜBNER', 'LÖFFLER', 'WEIßMÜLLER'],
    male: ['RÜDIGER', 'SÖNKE', 'GÜNTER', 'JÜRGEN KLAUS', 'JÖRN'],
    female: ['BÄRBEL', 'KÄTHE', 'ÄNNE', 'DÖRTE', 'JÜLIDE'],
    places: ['NÜRNBERG', 'LÜBECK', 'GÖTTINGEN', 'MÜNSTER', 'SAARBRÜCKEN'],
    language: 'de',
  },
  SWE: {
    surnames: ['ÅKESSON', 'LÖFGREN', 'SJÖSTRÖM', 'NYSTRÖM', 'HÖGBERG', 'ÄNGBERG'],
    male: ['ÅKE', 'GÖSTA', 'MÅNS', 'GÖRAN', 'BJÖRN OLOF'],
    female: ['ÅSA', 'MÄRTA', 'LINNÉA', 'GÖREL'],
    places: ['VÄSTERÅS', 'JÖNKÖPING', 'ÖREBRO', 'NORRKÖPING', 'UMEÅ'],
    language: 'sv',
  },
  NOR: {
    surnames: ['LØVLIE', 'BRÅTEN', 'HÆGELAND', 'SKJÆRVØ', 'FJØRTOFT'],
    male: ['HÅVARD', 'ØYSTEIN', 'BJØRNAR', 'TORBJØRN'],
    female: ['BJØRG', 'ÅSLAUG', 'SØLVI', 'MÅLFRID'],
    places: ['BODØ', 'TØNSBERG', 'ÅLESUND', 'LILLEHAMMER'],
    language: 'da',
  },
  DNK: {
    surnames: ['KJÆR', 'LØKKE', 'BRÆNDSTRUP', 'SØNDERGÅRD', 'HØJBJERG'],
    male: ['SØREN', 'JØRGEN', 'BØRGE', 'MØGENS'],
    female: ['LÆRKE', 'SØS', 'ÅSE', 'DØRTHE'],
    places: ['KØGE', 'NÆSTVED', 'HELSINGØR', 'RØNNE'],
    language: 'da',
  },
  FIN: {
    surnames: ['MÄKINEN', 'HÄMÄLÄINEN', 'JÄRVINEN', 'KÄRKKÄINEN', 'NYKÄNEN', 'SÄRKKÄ'],
    male: ['VÄINÖ', 'KYÖSTI', 'YRJÖ', 'JÖNNE'],
    female: ['PÄIVI', 'SÄDE', 'TÄHTI', 'MÄRTA'],
    places: ['HÄMEENLINNA', 'JYVÄSKYLÄ', 'SEINÄJOKI', 'MÄNTSÄLÄ'],
    language: 'sv',
  },
  POL: {
    surnames: ['ŁUKASIEWICZ', 'WÓJCIK', 'ŁUCZAK', 'GRZEŚKOWIAK', 'KOŁODZIEJ', 'MIŁOSZEWSKI'],
    male: ['ŁUKASZ', 'MIŁOSZ', 'BŁAŻEJ', 'PAWEŁ', 'STANISŁAW'],
    female: ['MAŁGORZATA', 'ŻANETA', 'ŁUCJA', 'BOŻENA', 'JÓZEFA'],
    places: ['ŁÓDŹ', 'GDAŃSK', 'TORUŃ', 'KRAKÓW', 'BIAŁYSTOK'],
    language: 'pl',
  },
  FRA: {
    surnames: ['LEFÈVRE', 'BÉRANGER', 'THÉVENIN', 'DESCHÊNES', 'CLÉMENT', 'FRANÇOIS'],
    male: ['JÉRÔME', 'THÉO', 'ANDRÉ', 'RENÉ', 'FRANÇOIS XAVIER'],
    female: ['CÉLINE', 'HÉLÈNE', 'CHLOÉ', 'AGNÈS', 'MÉLANIE'],
    places: ['NÎMES', 'ORLÉANS', 'BÉZIERS', 'GRENOBLE-SAINT-ÉGRÈVE'],
    language: 'fr',
  },
  ESP: {
    surnames: ['MUÑOZ', 'NÚÑEZ PEÑA', 'IBÁÑEZ', 'CASTAÑO', 'ORDÓÑEZ'],
    male: ['ÍÑIGO', 'JOSÉ', 'RAÚL', 'JESÚS', 'ÁLVARO'],
    female: ['BEGOÑA', 'INÉS', 'ROCÍO', 'MARÍA JOSÉ', 'LUCÍA'],
    places: ['A CORUÑA', 'CÁDIZ', 'MÁLAGA', 'LOGROÑO', 'ÁVILA'],
    language: 'es',
  },
  PRT: {
    surnames: ['GONÇALVES', 'CONCEIÇÃO', 'MAGALHÃES', 'SIMÕES', 'GUSMÃO'],
    male: ['JOÃO', 'SEBASTIÃO', 'ESTÊVÃO', 'ANTÓNIO'],
    female: ['INÊS', 'CONCEIÇÃO', 'FÁTIMA', 'GRAÇA'],
    places: ['ÉVORA', 'SETÚBAL', 'GUIMARÃES', 'OLHÃO'],
    language: 'pt',
  },
  TUR: {
    surnames: ['ŞAHİN', 'ÇELİK', 'ÖZTÜRK', 'AYDOĞAN', 'KOÇ', 'GÜNEŞ'],
    male: ['ÇAĞATAY', 'OĞUZ', 'İSMAİL', 'ŞÜKRÜ'],
    female: ['AYŞE', 'GÜLŞEN', 'ÖZLEM', 'İPEK', 'ŞEBNEM'],
    places: ['İSTANBUL', 'İZMİR', 'ESKİŞEHİR', 'MUĞLA', 'ÇANAKKALE'],
    language: 'tr',
  },
  ISL: {
    surnames: ['ÞÓRSDÓTTIR', 'GUÐMUNDSSON', 'SIGURÐARDÓTTIR', 'HALLDÓRSSON'],
    male: ['ÞÓR', 'HALLDÓR', 'EIÐUR', 'ÁRNI'],
    female: ['SIGRÍÐUR', 'ÁSDÍS', 'BJÖRK', 'ÞÓRA'],
    places: ['REYKJAVÍK', 'HAFNARFJÖRÐUR', 'SEYÐISFJÖRÐUR'],
    language: 'en',
  },
  CZE: {
    surnames: ['DVOŘÁK', 'ČERNÝ', 'KŘÍŽ', 'RŮŽIČKA', 'HÁJEK'],
    male: ['JIŘÍ', 'TOMÁŠ', 'LUBOŠ', 'ONDŘEJ'],
    female: ['KATEŘINA', 'ZDEŇKA', 'MARKÉTA', 'RŮŽENA'],
    places: ['PLZEŇ', 'ČESKÉ BUDĚJOVICE', 'ÚSTÍ NAD LABEM', 'PŘEROV'],
    language: 'cs',
  },
  HUN: {
    surnames: ['SZŰCS', 'KŐVÁRI', 'TÓTH', 'BALÁZS', 'GÁL'],
    male: ['ÁDÁM', 'GYŐZŐ', 'LÁSZLÓ', 'ZOLTÁN'],
    female: ['ZSÓFIA', 'ÉVA', 'ILDIKÓ', 'RÉKA'],
    places: ['PÉCS', 'GYŐR', 'SZÉKESFEHÉRVÁR', 'NYÍREGYHÁZA'],
    language: 'en',
  },
  ROU: {
    surnames: ['ȘTEFĂNESCU', 'DUMITRAȘCU', 'MĂRGINEANU', 'ȚURCANU'],
    male: ['IONUȚ', 'ȘTEFAN', 'CĂTĂLIN', 'RĂZVAN'],
    female: ['ANCUȚA', 'MĂDĂLINA', 'DOINIȚA', 'LĂCRĂMIOARA'],
    places: ['BUCUREȘTI', 'IAȘI', 'TIMIȘOARA', 'BRĂILA'],
    language: 'en',
  },
  HRV: {
    surnames: ['KOVAČIĆ', 'JURIĆ', 'BABIĆ', 'ŠARIĆ', 'MATIĆ'],
    male: ['DRAŽEN', 'ŽELJKO', 'ĐURO', 'ŠIME'],
    female: ['ŽELJKA', 'SNJEŽANA', 'DRAŽENKA', 'ĐURĐICA'],
    places: ['ŠIBENIK', 'ČAKOVEC', 'POŽEGA', 'VARAŽDIN'],
    language: 'en',
  },
  SVK: {
    surnames: ['KOVÁČ', 'HORVÁTH', 'ŠTEFÁNIK', 'ĽUPTÁK'],
    male: ['ĽUBOMÍR', 'ĽUDOVÍT', 'JÁN', 'ŠTEFAN'],
    female: ['MÁRIA', 'ĽUBICA', 'ŽOFIA'],
    places: ['KOŠICE', 'PREŠOV', 'ŽILINA', 'BANSKÁ BYSTRICA'],
    language: 'en',
  },
  LVA: {
    surnames: ['BĒRZIŅŠ', 'KALNIŅA', 'OZOLIŅŠ', 'LŪSIS'],
    male: ['JĀNIS', 'MĀRTIŅŠ', 'KĀRLIS'],
    female: ['LĪGA', 'MĀRA', 'INĀRA'],
    places: ['RĪGA', 'LIEPĀJA', 'JĒKABPILS'],
    language: 'en',
  },
};
