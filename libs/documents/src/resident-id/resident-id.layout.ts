import type { Box } from '@idv/quality';

/**
 * Where the second-generation Resident Identity Card (GA 450/GB 19099 layout, ID-1, 85.6 × 54 mm) prints what
 * the reader needs, in fractions of the upright card. The residence permit for Hong Kong, Macao and Taiwan
 * residents shares it. Windows are generous: issuers' printers, a card's wear and the framing check's margin
 * all move the print by a millimetre or two, and the fields are found inside a window by their labels.
 */
export interface CardLayout {
  /** Portrait side: the 18-character number after 公民身份号码, right of its label, bottom of the card. */
  number: Box;
  /** Portrait side: the labelled fields left of the photo (姓名, 性别/民族, 出生, 住址). */
  portraitFields: Box;
  /** Emblem side: the lower block (签发机关, 有效期限; on a permit also 通行证号码, 签发次数). */
  emblemFields: Box;
  /** Emblem side: the title (中华人民共和国 / 居民身份证 or 港澳台居民居住证) right of the emblem. */
  emblemTitle: Box;
}

export const RESIDENT_ID_LAYOUT: CardLayout = {
  number: { x: 0.28, y: 0.72, width: 0.7, height: 0.25 },
  portraitFields: { x: 0.02, y: 0.04, width: 0.62, height: 0.72 },
  emblemFields: { x: 0.1, y: 0.56, width: 0.88, height: 0.41 },
  emblemTitle: { x: 0.18, y: 0.04, width: 0.8, height: 0.52 },
};
