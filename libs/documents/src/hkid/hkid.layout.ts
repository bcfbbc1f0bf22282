import type { Box } from '@idv/quality';

/**
 * Where the Hong Kong smart identity card (2018 design, ID-1, one side) prints what the reader needs, in
 * fractions of the upright card. Generous windows; the fields are found inside them by their shapes.
 */
export interface HkidLayout {
  /** 香港永久性居民身份證 / HONG KONG PERMANENT IDENTITY CARD across the top. */
  title: Box;
  /** The Chinese name, large, above the English name. */
  chineseName: Box;
  /** Chinese name, English name, commercial code, date of birth and sex, symbols, date of issue. */
  fields: Box;
  /** The number `A123456(3)`, bottom right under the photo. */
  number: Box;
}

export const HKID_LAYOUT: HkidLayout = {
  // Left of the emblem (top right), which would join both title lines into one band of the line finder.
  title: { x: 0, y: 0, width: 0.78, height: 0.22 },
  chineseName: { x: 0.02, y: 0.17, width: 0.6, height: 0.2 },
  fields: { x: 0.02, y: 0.17, width: 0.6, height: 0.7 },
  number: { x: 0.5, y: 0.74, width: 0.49, height: 0.24 },
};
