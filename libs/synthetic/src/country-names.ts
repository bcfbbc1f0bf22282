import countries from 'i18n-iso-countries';
import { LabelLanguage } from './name-pools';

/** ICAO's test state, absent from ISO 3166. */
const EXTRA: Readonly<Record<string, string>> = { UTO: 'Utopia' };

/** The country's name in `language` (falling back to English), for headers and the nationality field. */
export function countryName(alpha3: string, language: LabelLanguage = 'en'): string {
  if (EXTRA[alpha3]) return EXTRA[alpha3];
  const alpha2 = countries.alpha3ToAlpha2(alpha3);
  if (!alpha2) return alpha3;
  const name = countries.getName(alpha2, language) ?? countries.getName(alpha2, 'en') ?? alpha3;
  // Some locales give "Name, Official Form"; the short form reads better on a card.
  return name.split(',')[0];
}
