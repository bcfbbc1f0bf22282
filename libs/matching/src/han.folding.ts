import { onFirstUse } from './on-first-use';

// OpenCC's character and phrase tables: Hong Kong and Taiwan forms to the mainland's simplified ones. Names go
// through both, so 陳大文 printed on an HKID and 陈大文 typed in a mainland wallet are the same name. Loaded and
// built on first use (~0.2 s): a document with no Han name, as every MRZ document, never needs them.
const converters = onFirstUse(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Converter } = require('opencc-js') as typeof import('opencc-js');
  return {
    fromHongKong: Converter({ from: 'hk', to: 'cn' }),
    fromTaiwan: Converter({ from: 'tw', to: 'cn' }),
  };
});

/** Builds the conversion tables now rather than on the first Han name (a service warming up at boot). */
export function loadHanFolding(): void {
  converters();
}

/** Spaces (Tesseract's between Han characters, a person's between surname and name) and the middle dots of transcribed names. */
const SEPARATORS = /[\s·・•‧.．-]/gu;

/** A Han name as simplified characters without separators: the form two Han names are compared in. */
export function foldHan(name: string): string {
  const { fromHongKong, fromTaiwan } = converters();
  return fromTaiwan(fromHongKong(name.normalize('NFC'))).replace(SEPARATORS, '');
}
