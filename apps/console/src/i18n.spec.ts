import { DOCUMENT_TYPES, REASON_CODES } from '@idv/verdict';
import { formatDuration, MESSAGES, translate } from './i18n';

describe('console dictionary', () => {
  it('has every English message in Chinese, with the same placeholders', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, english] of Object.entries(MESSAGES.en)) {
      const chinese = MESSAGES['zh-CN'][key as keyof typeof MESSAGES.en];
      expect(chinese).toBeTruthy();
      expect(placeholders(chinese)).toEqual(placeholders(english));
    }
  });

  it('names every reason code and document type of the service, so none is shown as English prose', () => {
    const keys = Object.keys(MESSAGES.en);
    expect(REASON_CODES.filter((code) => !keys.includes(`reason_${code}`))).toEqual([]);
    expect(DOCUMENT_TYPES.filter((type) => !keys.includes(`docType_${type}`))).toEqual([]);
  });

  it('fills placeholders and formats queue ages', () => {
    expect(translate('en', 'age', { age: formatDuration('en', 3 * 3600 + 5 * 60) })).toBe(
      'Waiting 3 h 5 min',
    );
    expect(formatDuration('zh-CN', 90)).toBe('1 分钟');
    expect(formatDuration('en', 2 * 86_400 + 4 * 3600)).toBe('2 d 4 h');
  });
});
