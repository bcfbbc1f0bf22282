import { loadHanFolding } from './han.folding';
import { pinyinPro } from './han.romanizer';

/**
 * Builds the Han tables (OpenCC's conversions, pinyin-pro's dictionaries) now. A service warming up at boot calls
 * it, so that its first Chinese name is not ~0.4 s slower; a one-shot run leaves them to the first Han name.
 */
export function loadHanTables(): void {
  loadHanFolding();
  pinyinPro();
}
