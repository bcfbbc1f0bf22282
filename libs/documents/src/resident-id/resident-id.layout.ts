import type { Box } from '@idv/quality';
import type { PortraitRow } from './resident-id.text';

/**
 * Where the second-generation Resident Identity Card (GA 450/GB 19099 layout, ID-1, 85.6 × 54 mm) prints what
 * the reader needs, in fractions of the upright card. The residence permit for Hong Kong, Macao and Taiwan
 * residents shares it. The captions (姓名, 性别 …) stand in a column of their own at the left, the values in
 * the next: the value windows begin after the captions, so a caption OCR misreads cannot run into a value.
 * Windows are generous: personalisation is never exactly registered and a card's wear moves the print by a
 * millimetre or two.
 */
export interface CardLayout {
  /** Portrait side: the 18-character number after 公民身份号码, right of its label, bottom of the card. */
  number: Box;
  /** Portrait side: the values left of the photo (name, sex and ethnicity, birth, address), captions excluded. */
  portraitValues: Box;
  /** Portrait side: the card's height each row of values occupies (from, to); the address takes up to three lines. */
  portraitRows: Readonly<Record<PortraitRow, readonly [number, number]>>;
  /** Emblem side: the values of the lower block (签发机关, 有效期限; on a permit also 通行证号码, 签发次数). */
  emblemValues: Box;
  /** Emblem side: the title (中华人民共和国 / 居民身份证 or 港澳台居民居住证) right of the emblem. */
  emblemTitle: Box;
}

export const RESIDENT_ID_LAYOUT: CardLayout = {
  number: { x: 0.28, y: 0.72, width: 0.7, height: 0.25 },
  // Captions end 13 mm from the card's left edge, values begin at 14.6 mm (± a millimetre of registration).
  portraitValues: { x: 0.148, y: 0.06, width: 0.49, height: 0.72 },
  portraitRows: { name: [0.06, 0.22], sex: [0.22, 0.34], birth: [0.34, 0.46], address: [0.46, 0.78] },
  emblemValues: { x: 0.35, y: 0.56, width: 0.63, height: 0.41 },
  emblemTitle: { x: 0.18, y: 0.04, width: 0.8, height: 0.52 },
};
