import { Converter } from 'opencc-js';

// OpenCC's character and phrase tables: Hong Kong and Taiwan forms to the mainland's simplified ones. Names go
// through both, so 陳大文 printed on an HKID and 陈大文 typed in a mainland wallet are the same name.
const fromHongKong = Converter({ from: 'hk', to: 'cn' });
const fromTaiwan = Converter({ from: 'tw', to: 'cn' });

/** Spaces (Tesseract's between Han characters, a person's between surname and name) and the middle dots of transcribed names. */
const SEPARATORS = /[\s·・•‧.．-]/gu;

/** A Han name as simplified characters without separators: the form two Han names are compared in. */
export function foldHan(name: string): string {
  return fromTaiwan(fromHongKong(name.normalize('NFC'))).replace(SEPARATORS, '');
}
