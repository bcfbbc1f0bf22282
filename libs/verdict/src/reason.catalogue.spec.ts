import {
  describeReason,
  REASON_CATALOGUE,
  REASON_CODES,
  ReasonCode,
  ReasonField,
  VerdictReason,
} from '@idv/verdict';

/** The codes the public contract lists; the catalogue may add more but never drop one. */
const CONTRACT_CODES = [
  'IMAGE_BLURRED',
  'IMAGE_GLARE',
  'IMAGE_TOO_DARK',
  'IMAGE_TOO_BRIGHT',
  'IMAGE_LOW_RESOLUTION',
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_CUT_OFF',
  'MRZ_NOT_FOUND',
  'MRZ_UNREADABLE',
  'MRZ_CHECK_DIGIT_INVALID',
  'FIELD_MISMATCH',
  'DOCUMENT_EXPIRED',
  'DOCUMENT_TYPE_UNSUPPORTED',
  'DUPLICATE_DOCUMENT',
  'TOO_MANY_ATTEMPTS',
  'APPLICANT_RESTRICTED',
  'LOW_CONFIDENCE',
  'REVIEWER_DECISION',
  // The Chinese and Hong Kong cards' section.
  'DOCUMENT_SIDE_MISSING',
  'FIELD_UNREADABLE',
  'ID_NUMBER_INVALID',
  'ID_NUMBER_INCONSISTENT',
  'VALIDITY_INCONSISTENT',
  'DOCUMENT_COPY',
];

/** Every shape of parameters a reason may carry. */
const PARAM_SETS: { field: ReasonField | null; params?: VerdictReason['params'] }[] = [
  { field: null },
  { field: 'dateOfBirth' },
  { field: 'surname', params: { reviewBy: '2025-11-27T10:00:00Z' } },
  { field: null, params: { reviewBy: null } },
  { field: null, params: { retryAt: '2025-11-26T18:30:00Z' } },
  { field: null, params: { expiryDate: '2012-04-15' } },
  { field: null, params: { acceptedTypes: ['passport'], maxMegabytes: 8 } },
  { field: 'back', params: { document: 'cn_resident_id' } },
  { field: 'documentNumber', params: { document: 'cn_resident_id' } },
  { field: 'fullName', params: { document: 'hk_identity_card', reviewBy: null } },
];

const renderings = REASON_CODES.flatMap((code) => PARAM_SETS.map((set) => ({ code, ...set })));
const label = (r: VerdictReason) => `${r.code} ${r.field ?? ''} ${JSON.stringify(r.params ?? {})}`;

describe('reason catalogue', () => {
  it('covers every code of the contract, and only codes the engine knows', () => {
    expect(REASON_CODES).toEqual(expect.arrayContaining(CONTRACT_CODES));
    expect(Object.keys(REASON_CATALOGUE).sort()).toEqual([...REASON_CODES].sort());
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
  });

  it.each(renderings.map((r) => [label(r), r] as const))(
    '%s: non-empty, fully filled wording',
    (_, reason) => {
      const view = describeReason(reason);
      for (const text of [view.message, view.hint.en, view.hint['zh-CN']]) {
        expect(text.trim().length).toBeGreaterThan(10);
        expect(text).not.toMatch(/[{}]|undefined|null|NaN/);
        expect(text).not.toMatch(/ {2}|\s[.,]/);
      }
      expect(view.hint.en).toMatch(/^[A-Z].*[.]$/);
    },
  );

  it.each(renderings.map((r) => [label(r), r] as const))('%s: Chinese hint reads as Chinese', (_, reason) => {
    const zh = describeReason(reason).hint['zh-CN'];
    expect(zh).toMatch(/\p{Script=Han}/u);
    // No English left over: Latin letters only as upper-case file-format abbreviations (JPG, PNG, PDF, MB).
    expect(zh.match(/[A-Za-z]+/g) ?? []).toEqual(
      (zh.match(/[A-Za-z]+/g) ?? []).filter((w) => /^(JPG|PNG|PDF|MB)$/.test(w)),
    );
    // Full-width punctuation, as Chinese text uses, and a full stop at the end.
    expect(zh).not.toMatch(/[,;!?]|\.(?!\d)/);
    expect(zh).toMatch(/。$/);
  });

  it('fills the field name into field hints', () => {
    const view = describeReason({ code: 'FIELD_MISMATCH', field: 'dateOfBirth' });
    expect(view.message).toBe('The date of birth on the document does not match the registration record.');
    expect(view.hint.en).toContain(
      'The date of birth on your document does not match the date of birth you registered.',
    );
    expect(view.hint.en).toContain('use the document you registered with');
    expect(view.hint['zh-CN']).toContain('证件上的出生日期与您登记的不一致');
    expect(describeReason({ code: 'FIELD_MISMATCH', field: 'givenNames' }).hint['zh-CN']).toContain('名字');
  });

  it('says when a restricted person may retry, in UTC and in Beijing time', () => {
    const view = describeReason({
      code: 'TOO_MANY_ATTEMPTS',
      field: null,
      params: { retryAt: '2025-11-26T18:30:00Z' },
    });
    expect(view.hint.en).toBe(
      'You have made too many attempts. You can try again after 26 November 2025 at 18:30 UTC.',
    );
    expect(view.hint['zh-CN']).toBe('尝试次数过多，请在北京时间2025年11月27日 02:30后再试。');
    expect(describeReason({ code: 'TOO_MANY_ATTEMPTS', field: null }).hint.en).toContain('try again later');
  });

  it('promises a review by the deadline, or shortly when there is none', () => {
    const dated = describeReason({
      code: 'LOW_CONFIDENCE',
      field: null,
      params: { reviewBy: '2025-11-27T10:00:00Z' },
    });
    expect(dated.hint.en).toContain('will review your document by 27 November 2025 at 10:00 UTC.');
    expect(dated.hint['zh-CN']).toContain('工作人员将于北京时间2025年11月27日 18:00前完成人工审核');
    const undated = describeReason({
      code: 'FIELD_NEAR_MATCH',
      field: 'surname',
      params: { reviewBy: null },
    });
    expect(undated.hint.en).toContain('The surname on your document looks slightly different');
    expect(undated.hint.en).toContain('check it shortly');
    expect(undated.hint['zh-CN']).toContain('工作人员将尽快进行人工核对');
  });

  it('lists the accepted documents and the expiry date', () => {
    const types = describeReason({
      code: 'DOCUMENT_TYPE_UNSUPPORTED',
      field: null,
      params: { acceptedTypes: ['passport', 'id_card'] },
    });
    expect(types.hint.en).toBe(
      'This type of document cannot be used. Please use a passport or a national identity card.',
    );
    expect(types.hint['zh-CN']).toBe('暂不支持此类证件，请使用护照或身份证件进行验证。');
    const all = describeReason({ code: 'DOCUMENT_TYPE_UNSUPPORTED', field: null });
    expect(all.hint['zh-CN']).toContain(
      '护照、身份证件、居留许可、签证、居民身份证（含港澳台居民居住证）或香港身份证',
    );
    const expired = describeReason({
      code: 'DOCUMENT_EXPIRED',
      field: null,
      params: { expiryDate: '2012-04-15' },
    });
    expect(expired.hint.en).toContain('expired on 15 April 2012');
    expect(expired.hint['zh-CN']).toContain('已于2012年4月15日过期');
  });

  it('tells a suspected forger nothing beyond contacting support', () => {
    const fraud: ReasonCode[] = ['DUPLICATE_DOCUMENT', 'MRZ_CHECK_DIGIT_INVALID'];
    for (const code of fraud) {
      const { hint } = describeReason({ code, field: null });
      expect(hint.en).toMatch(/contact customer support\.$/);
      expect(hint['zh-CN']).toMatch(/请联系客服。$/);
      expect(hint.en).not.toMatch(/check|digit|duplicate|another|already|line|code|number/i);
      expect(hint['zh-CN']).not.toMatch(/校验|重复|已被|其他|机读|号码/);
    }
    const { hint } = describeReason({
      code: 'VISUAL_ZONE_INCONSISTENT',
      field: null,
      params: { reviewBy: null },
    });
    expect(hint.en).not.toMatch(/printed|visual|differ|match/i);
  });

  it('gives each photo problem its own advice', () => {
    const photo: ReasonCode[] = [
      'IMAGE_BLURRED',
      'IMAGE_GLARE',
      'IMAGE_TOO_DARK',
      'IMAGE_TOO_BRIGHT',
      'IMAGE_LOW_RESOLUTION',
      'DOCUMENT_CUT_OFF',
      'DOCUMENT_NOT_FOUND',
      'MRZ_NOT_FOUND',
      'MRZ_UNREADABLE',
    ];
    const hints = photo.map((code) => describeReason({ code, field: null }).hint);
    expect(new Set(hints.map((h) => h.en)).size).toBe(photo.length);
    expect(new Set(hints.map((h) => h['zh-CN'])).size).toBe(photo.length);
  });
});
