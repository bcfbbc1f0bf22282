import type { GreyImage, OcrEngine, TextLine } from '@idv/ocr';
import { readWindow } from './card-number';
import { GLARE_SHARE, rereadCardLine, SURE_CHARACTER, washedOut } from './card-lines';

/** What a card's printed name read can be trusted for. */
export interface NameReadCheck {
  /**
   * Two reads agree character for character, each sure of every character: a difference from the record is the
   * record's (a homophone typo, 王晓明 for 王小明), not a slip.
   */
  settled: boolean;
  /**
   * Another engine sees more characters than were read: a rare character the recogniser does not know was
   * dropped (谢垚 read 谢). The name is in doubt whatever its confidence.
   */
  incomplete: boolean;
  /** Glare washes out part of the line and the read is unsure of a character: the name is not legible. */
  glare: boolean;
}

/**
 * Checks the read of a card's printed name (the lines of its row, the text read from them): a second read of a
 * crop of another extent, a count of its characters by tesseract's Chinese model (an engine with another
 * dictionary: it does not drop what it does not know, it misreads it), and the share of washed-out pixels.
 */
export async function checkNameRead(
  ocr: OcrEngine,
  card: GreyImage,
  lines: readonly TextLine[],
  name: string,
): Promise<NameReadCheck> {
  const weakest = Math.min(...lines.map((l) => l.weakest));
  const glare = nameUnderGlare(card, lines);
  const again = await Promise.all(lines.map((l) => rereadCardLine(ocr, card, l)));
  const reread = again.every((l) => l !== null && l.weakest >= SURE_CHARACTER)
    ? hanOf(again.map((l) => l!.text).join(''))
    : null;
  let seen = 0;
  for (const line of lines) {
    const box = {
      x: line.box.x / card.width,
      y: line.box.y / card.height,
      width: line.box.width / card.width,
      height: line.box.height / card.height,
    };
    seen += [...hanOf((await readWindow(ocr, card, box, 1, 'han')).map((l) => l.text).join(''))].length;
  }
  return {
    settled: weakest >= SURE_CHARACTER && reread === hanOf(name),
    incomplete: seen > [...hanOf(name)].length,
    glare,
  };
}

/** The Han characters of a text (and the middle dot of transcribed names), nothing else. */
const hanOf = (text: string) => (text.match(/[\p{Script=Han}·]/gu) ?? []).join('');

/**
 * Glare washes out part of the name's lines and the recogniser is unsure of a character: the name is not legible,
 * even where the read happens to be the registered name (the person is asked for a photo without the glare).
 */
export function nameUnderGlare(card: GreyImage, lines: readonly TextLine[]): boolean {
  const weakest = Math.min(...lines.map((l) => l.weakest));
  return weakest < SURE_CHARACTER && lines.some((l) => washedOut(card, l) > GLARE_SHARE);
}
