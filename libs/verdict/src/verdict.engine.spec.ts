import { compareRecord, DocumentFields, RegistrationRecord } from '@idv/matching';
import {
  decideVerdict,
  describeReason,
  DocumentEvidence,
  IntegrityCheck,
  Verdict,
  VERDICT_PRECEDENCE,
  VerdictInput,
} from '@idv/verdict';

const RECORD: RegistrationRecord = {
  surname: 'Eriksson',
  givenNames: 'Anna Maria',
  dateOfBirth: '1974-08-12',
  nationality: 'SWE',
  documentNumber: 'L898902C3',
};
const READ: DocumentFields = {
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  dateOfBirth: '1974-08-12',
  nationality: 'SWE',
  documentNumber: 'L898902C3',
  format: 'TD3',
};

/** A check of the kind check digits are: a failure OCR does not explain is a fraud signal. */
function check(
  name: string,
  covers: IntegrityCheck['covers'],
  holds = true,
  explainedByOcr = false,
): IntegrityCheck {
  return {
    name,
    holds,
    covers,
    severity: 'forgery',
    reason: 'MRZ_CHECK_DIGIT_INVALID',
    explainedByOcr,
    illegible: { code: 'MRZ_UNREADABLE', field: null },
  };
}

/** A document read whole with confidence, its number and birth date vouched for by checks that hold. */
function evidence(changes: Partial<DocumentEvidence> = {}): DocumentEvidence {
  return {
    family: 'test',
    format: 'TD3',
    documentType: 'passport',
    found: true,
    supported: true,
    readable: true,
    unreadable: [],
    confidence: 0.93,
    fields: {},
    checks: [check('number', ['documentNumber']), check('birth', ['dateOfBirth']), check('all', [])],
    ...changes,
  };
}

/** Nothing of the document read: the reader says why. */
const unread = (why: DocumentEvidence['unreadable'], changes: Partial<DocumentEvidence> = {}) =>
  evidence({ readable: false, unreadable: why, confidence: null, checks: [], ...changes });

/** A clean, confident, matching, valid read: the one input that must be `accepted`. */
function clean(read: Partial<DocumentFields> = {}): VerdictInput {
  return {
    restriction: null,
    quality: { issues: [] },
    document: evidence(),
    comparison: compareRecord(RECORD, { ...READ, ...read }),
    expiry: { expired: false, expiryDate: '2031-04-15' },
    duplicateDocument: false,
    reviewBy: '2025-11-27T10:00:00Z',
  };
}

/** For each verdict but `accepted`, one change that makes a clean input earn it. Changes compose. */
const CAUSES: Record<Exclude<Verdict, 'accepted'>, (input: VerdictInput) => VerdictInput> = {
  restricted: (i) => ({ ...i, restriction: { reason: 'TOO_MANY_ATTEMPTS', until: '2025-11-26T18:00:00Z' } }),
  unreadable: (i) => ({
    ...i,
    quality: { issues: [...(i.quality?.issues ?? []), { code: 'IMAGE_BLURRED', severity: 'fail' }] },
  }),
  unsupported: (i) => ({ ...i, document: { ...i.document!, supported: false } }),
  rejected: (i) => ({ ...i, duplicateDocument: true }),
  expired: (i) => ({ ...i, expiry: { expired: true, expiryDate: '2012-04-15' } }),
  mismatch: (i) => ({
    ...i,
    comparison: {
      ...i.comparison,
      dateOfBirth: compareRecord(RECORD, { ...READ, dateOfBirth: '1975-01-30' }).dateOfBirth,
    },
  }),
  manual_review: (i) => ({
    ...i,
    comparison: { ...i.comparison, surname: compareRecord(RECORD, { ...READ, surname: 'ERIKSON' }).surname },
  }),
};

const codes = (input: VerdictInput) =>
  decideVerdict(input).reasons.map((r) => (r.field ? `${r.code}:${r.field}` : r.code));

describe('decideVerdict: the precedence table', () => {
  it('accepts a clean, confident, matching, valid and unexpired read with no reasons', () => {
    expect(decideVerdict(clean())).toEqual({ verdict: 'accepted', reasons: [] });
  });

  it.each(Object.keys(CAUSES) as (keyof typeof CAUSES)[])('%s: its cause alone yields it', (verdict) => {
    expect(decideVerdict(CAUSES[verdict](clean())).verdict).toBe(verdict);
  });

  const pairs = VERDICT_PRECEDENCE.flatMap((strong, i) =>
    VERDICT_PRECEDENCE.slice(i + 1)
      .filter((weak) => weak !== 'accepted')
      .map((weak) => [strong, weak] as [keyof typeof CAUSES, keyof typeof CAUSES]),
  );
  it.each(pairs)('%s beats %s', (strong, weak) => {
    const both = CAUSES[strong](CAUSES[weak](clean()));
    const decision = decideVerdict(both);
    expect(decision.verdict).toBe(strong);
    // The reasons explain the winning verdict, not the beaten one (except field mismatches under expired).
    const alone = decideVerdict(CAUSES[strong](clean())).reasons.map((r) => r.code);
    expect(decision.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(alone));
  });

  it('names the restriction and when the person may retry', () => {
    const input = CAUSES.restricted(clean());
    expect(decideVerdict(input).reasons).toEqual([
      { code: 'TOO_MANY_ATTEMPTS', field: null, params: { retryAt: '2025-11-26T18:00:00Z' } },
    ]);
    const flagged = decideVerdict({ ...input, restriction: { reason: 'OPERATOR_FLAG', until: null } });
    expect(flagged.reasons.map((r) => r.code)).toEqual(['APPLICANT_RESTRICTED']);
  });
});

describe('decideVerdict: unreadable and unsupported', () => {
  const noMrz = (i: VerdictInput): VerdictInput => ({
    ...i,
    document: unread([{ code: 'MRZ_NOT_FOUND', field: null }], { supported: i.document?.supported ?? null }),
    comparison: null,
  });

  it('ignores quality warnings when the MRZ was read', () => {
    const input = {
      ...clean(),
      quality: { issues: [{ code: 'IMAGE_GLARE' as const, severity: 'warn' as const }] },
    };
    expect(decideVerdict(input).verdict).toBe('accepted');
  });

  it('uses quality warnings to explain an MRZ that could not be read, failures first', () => {
    const input = noMrz({
      ...clean(),
      quality: {
        issues: [
          { code: 'IMAGE_GLARE', severity: 'warn' },
          { code: 'IMAGE_TOO_DARK', severity: 'fail' },
        ],
      },
    });
    expect(decideVerdict(input).verdict).toBe('unreadable');
    expect(codes(input)).toEqual(['IMAGE_TOO_DARK', 'IMAGE_GLARE', 'MRZ_NOT_FOUND']);
  });

  it('calls a document read whole, however its framing looked (a page scanned to its edges, a card in a hand)', () => {
    const cut = { code: 'DOCUMENT_CUT_OFF' as const, severity: 'fail' as const };
    expect(decideVerdict({ ...clean(), quality: { issues: [cut] } })).toEqual({
      verdict: 'accepted',
      reasons: [],
    });
    // A check that fails on a misread (OCR explains it) leaves the framing doubt standing.
    const misread = evidence({ checks: [check('number', ['documentNumber'], false, true)] });
    expect(codes({ ...clean(), document: misread, quality: { issues: [cut] } })).toEqual([
      'DOCUMENT_CUT_OFF',
    ]);
    // One that fails as a forgery on a read trusted as such does not: a forged card held in a hand, read whole,
    // was answered "get the whole document in the frame".
    const forged = evidence({ checks: [check('expiry', ['expiryDate'], false, false)] });
    expect(decideVerdict({ ...clean(), document: forged, quality: { issues: [cut] } })).toMatchObject({
      verdict: 'rejected',
    });
    expect(codes({ ...clean(), document: forged, quality: { issues: [cut] } })).toEqual([
      'MRZ_CHECK_DIGIT_INVALID',
    ]);
    expect(codes(noMrz({ ...clean(), quality: { issues: [cut] } }))).toEqual([
      'DOCUMENT_CUT_OFF',
      'MRZ_NOT_FOUND',
    ]);
  });

  it('names glare first when the MRZ could not be read, not the framing of a card held in a hand', () => {
    const input = noMrz({
      ...clean(),
      quality: {
        issues: [
          { code: 'DOCUMENT_CUT_OFF', severity: 'fail' },
          { code: 'IMAGE_GLARE', severity: 'warn' },
        ],
      },
    });
    expect(decideVerdict(input).verdict).toBe('unreadable');
    expect(codes(input)).toEqual(['IMAGE_GLARE', 'DOCUMENT_CUT_OFF', 'MRZ_NOT_FOUND']);
  });

  it('gives only the quality reasons when a failed image was never read', () => {
    const input: VerdictInput = {
      ...clean(),
      document: null,
      quality: { issues: [{ code: 'IMAGE_BLURRED', severity: 'fail' }] },
    };
    expect(decideVerdict(input).verdict).toBe('unreadable');
    expect(codes(input)).toEqual(['IMAGE_BLURRED']);
    expect(codes({ ...input, quality: { issues: [] } })).toEqual(['DOCUMENT_NOT_FOUND']);
  });

  it('gives the reader’s reason for what it could not read, DOCUMENT_NOT_FOUND when nothing was seen', () => {
    const garbled = { ...clean(), document: unread([{ code: 'MRZ_UNREADABLE', field: null }]) };
    expect(codes(garbled)).toEqual(['MRZ_UNREADABLE']);
    const nothing = {
      ...clean(),
      document: unread([{ code: 'MRZ_NOT_FOUND', field: null }], { found: false }),
    };
    expect(codes(nothing)).toEqual(['DOCUMENT_NOT_FOUND']);
  });

  it('is unreadable for a missing side or an illegible field even when the rest was read, naming them', () => {
    const oneSide = {
      ...clean(),
      document: evidence({
        unreadable: [
          { code: 'DOCUMENT_SIDE_MISSING', field: 'back' },
          { code: 'FIELD_UNREADABLE', field: 'expiryDate' },
        ],
        hintContext: 'cn_resident_id',
      }),
    };
    const decision = decideVerdict(oneSide);
    expect(decision.verdict).toBe('unreadable');
    expect(codes(oneSide)).toEqual(['DOCUMENT_SIDE_MISSING:back', 'FIELD_UNREADABLE:expiryDate']);
    // The family's words reach the hint: 国徽面, not "the back".
    expect(describeReason(decision.reasons[0]).hint['zh-CN']).toBe('请同时上传身份证国徽面的照片。');
  });

  it('calls a recognised document of another type unsupported, even though it has no MRZ and some glare', () => {
    const card = noMrz({
      ...clean(),
      document: evidence({ supported: false }),
      quality: { issues: [{ code: 'IMAGE_GLARE', severity: 'warn' }] },
      acceptedTypes: ['passport', 'id_card'],
    });
    expect(decideVerdict(card)).toEqual({
      verdict: 'unsupported',
      reasons: [
        {
          code: 'DOCUMENT_TYPE_UNSUPPORTED',
          field: null,
          params: { acceptedTypes: ['passport', 'id_card'] },
        },
      ],
    });
  });
});

describe('decideVerdict: check digits', () => {
  const failing = (explained: boolean, read: Partial<DocumentFields> = {}): VerdictInput => ({
    ...clean(read),
    document: evidence({
      confidence: explained ? 0.55 : 0.95,
      checks: [
        check('number', ['documentNumber'], false, explained),
        check('birth', ['dateOfBirth']),
        check('all', [], false, explained),
      ],
    }),
  });

  it('rejects a clean read whose check digits fail, with a hint that gives nothing away', () => {
    const decision = decideVerdict(failing(false));
    expect(decision.verdict).toBe('rejected');
    expect(decision.reasons.map((r) => r.code)).toEqual(['MRZ_CHECK_DIGIT_INVALID']);
    expect(describeReason(decision.reasons[0]).hint.en).toMatch(/contact customer support/);
    expect(describeReason(decision.reasons[0]).hint.en).not.toMatch(/check|digit|line|code/i);
  });

  it('sends a doubtful read whose check digits fail while every field matches to a person', () => {
    const decision = decideVerdict(failing(true));
    expect(decision.verdict).toBe('manual_review');
    expect(decision.reasons.map((r) => r.code)).toEqual(['MRZ_CHECK_DIGIT_INVALID', 'LOW_CONFIDENCE']);
    expect(describeReason(decision.reasons[0]).hint.en).toContain(
      'will review your document by 27 November 2025',
    );
  });

  it('asks for a new photo when a doubtful read fails its check digits and a field differs', () => {
    const decision = decideVerdict(failing(true, { surname: 'ERIKSEN' }));
    expect(decision).toEqual({ verdict: 'unreadable', reasons: [{ code: 'MRZ_UNREADABLE', field: null }] });
  });

  it('does not call a document expired on an expiry date whose check digit failed on a doubtful read', () => {
    const input: VerdictInput = {
      ...failing(true),
      document: evidence({ confidence: 0.55, checks: [check('expiry', ['expiryDate'], false, true)] }),
      expiry: { expired: true, expiryDate: '2015-04-15' },
    };
    expect(decideVerdict(input).verdict).toBe('manual_review');
  });

  it('judges every failed check by its own kind: a review check goes to a person, a forgery check is rejected', () => {
    const term: IntegrityCheck = {
      ...check('validity.term', ['expiryDate'], false),
      severity: 'review',
      reason: 'VALIDITY_INCONSISTENT',
    };
    const forged: IntegrityCheck = {
      ...check('idNumber.birthDate', ['dateOfBirth'], false),
      reason: 'ID_NUMBER_INCONSISTENT',
    };
    expect(codes({ ...clean(), document: evidence({ checks: [term] }) })).toEqual(['VALIDITY_INCONSISTENT']);
    expect(codes({ ...clean(), document: evidence({ checks: [term, forged] }) })).toEqual([
      'ID_NUMBER_INCONSISTENT',
    ]);
    const misread: IntegrityCheck = {
      ...forged,
      explainedByOcr: true,
      illegible: { code: 'FIELD_UNREADABLE', field: 'documentNumber' },
    };
    const differs = { ...clean({ surname: 'PETERSEN' }), document: evidence({ checks: [misread] }) };
    expect(codes(differs)).toEqual(['FIELD_UNREADABLE:documentNumber']);
  });
});

describe('decideVerdict: the grey zone', () => {
  const lowConfidence = (read: Partial<DocumentFields> = {}): VerdictInput => ({
    ...clean(read),
    document: evidence({ confidence: 0.4 }),
  });

  it('accepts a low-confidence read that every check digit and every field of the record corroborate', () => {
    expect(decideVerdict(lowConfidence())).toEqual({ verdict: 'accepted', reasons: [] });
  });

  it('sends a low-confidence read to review when a check digit fails, even if every field matches', () => {
    const input = lowConfidence();
    input.document = evidence({
      confidence: 0.4,
      checks: [...evidence().checks, check('optional', [], false, true)],
    });
    expect(decideVerdict(input).verdict).toBe('manual_review');
    expect(decideVerdict(input).reasons.map((r) => r.code)).toContain('LOW_CONFIDENCE');
  });

  it('does not call a name that differs on a low-confidence read a mismatch', () => {
    expect(decideVerdict(lowConfidence({ surname: 'PETERSEN' })).verdict).toBe('manual_review');
    expect(decideVerdict(clean({ surname: 'PETERSEN' })).verdict).toBe('mismatch');
  });

  it('trusts a date of birth its check digit confirms, whatever the OCR confidence', () => {
    expect(codes(lowConfidence({ dateOfBirth: '1975-01-30' }))).toEqual(['FIELD_MISMATCH:dateOfBirth']);
  });

  it('sends near misses to review with the field, never to mismatch', () => {
    expect(decideVerdict(clean({ givenNames: 'MARIA ANNA' }))).toEqual({
      verdict: 'manual_review',
      reasons: [
        { code: 'FIELD_NEAR_MATCH', field: 'givenNames', params: { reviewBy: '2025-11-27T10:00:00Z' } },
      ],
    });
    expect(codes(clean({ documentNumber: 'L898902CE' }))).toEqual(['FIELD_NEAR_MATCH:documentNumber']);
  });

  it('sends a field the document did not yield, or an inconsistent visual zone, to review', () => {
    expect(decideVerdict(clean({ nationality: null })).verdict).toBe('manual_review');
    const zones: IntegrityCheck = {
      ...check('visualZone.agreement', [], false),
      severity: 'review',
      reason: 'VISUAL_ZONE_INCONSISTENT',
    };
    expect(codes({ ...clean(), document: evidence({ checks: [...evidence().checks, zones] }) })).toEqual([
      'VISUAL_ZONE_INCONSISTENT',
    ]);
  });

  it('trusts a field by its own confidence when the reader gives one', () => {
    const unsureName = evidence({
      fields: { surname: { value: 'PETERSEN', source: 'printed', side: 'front', confidence: 0.3 } },
    });
    expect(decideVerdict({ ...clean({ surname: 'PETERSEN' }), document: unsureName }).verdict).toBe(
      'manual_review',
    );
  });

  it('sends a read with nothing compared to review rather than accepting it', () => {
    expect(codes({ ...clean(), comparison: null })).toEqual(['LOW_CONFIDENCE']);
  });
});

describe('decideVerdict: reasons', () => {
  it('lists every differing field once, in the contract’s field order', () => {
    const input = clean({ nationality: 'NOR', surname: 'PETERSEN', dateOfBirth: '1980-01-01' });
    expect(codes(input)).toEqual([
      'FIELD_MISMATCH:surname',
      'FIELD_MISMATCH:dateOfBirth',
      'FIELD_MISMATCH:nationality',
    ]);
  });

  it('mentions review once however many doubtful fields there are', () => {
    const input: VerdictInput = {
      ...clean({ nationality: null, sex: null, surname: 'PETERSEN' }),
      document: evidence({ confidence: 0.3 }),
    };
    expect(codes(input)).toEqual(['LOW_CONFIDENCE']);
  });

  it('lists the differing fields after the expiry, so the person fixes both at once', () => {
    const input = CAUSES.expired(clean({ surname: 'PETERSEN' }));
    expect(codes(input)).toEqual(['DOCUMENT_EXPIRED', 'FIELD_MISMATCH:surname']);
    expect(decideVerdict(input).reasons[0].params).toEqual({ expiryDate: '2012-04-15' });
  });

  it('lists both fraud signals and nothing that would help a forger', () => {
    const input: VerdictInput = {
      ...clean({ surname: 'PETERSEN' }),
      duplicateDocument: true,
      document: evidence({ checks: [check('birth', ['dateOfBirth'], false)] }),
    };
    expect(codes(input)).toEqual(['MRZ_CHECK_DIGIT_INVALID', 'DUPLICATE_DOCUMENT']);
  });

  it('orders quality reasons the same way whatever order the checks reported them in', () => {
    const issues = [
      { code: 'IMAGE_GLARE', severity: 'fail' },
      { code: 'IMAGE_BLURRED', severity: 'fail' },
      { code: 'DOCUMENT_CUT_OFF', severity: 'fail' },
      { code: 'IMAGE_BLURRED', severity: 'fail' },
    ] as const;
    // A read whose own check failed: nothing outweighs the framing.
    const doubtful = {
      ...clean(),
      document: evidence({ checks: [check('number', ['documentNumber'], false, true)] }),
    };
    const forward = codes({ ...doubtful, quality: { issues: [...issues] } });
    const backward = codes({ ...doubtful, quality: { issues: [...issues].reverse() } });
    expect(forward).toEqual(['DOCUMENT_CUT_OFF', 'IMAGE_BLURRED', 'IMAGE_GLARE']);
    expect(backward).toEqual(forward);
  });
});
