/** OpenAPI examples of the audit endpoints (shapes as `@idv/audit` returns them). */
export const AUDIT_EVENT_EXAMPLE = {
  id: '0b8f7c1e-5d7a-4f57-9a43-4f0d3c2f4b61',
  seq: 42,
  at: '2026-01-02T03:04:05.678Z',
  actor: { type: 'system', id: 'worker' },
  tenant: '7d1c0b5e-2f6a-4c1d-8e3b-9a0f1e2d3c4b',
  action: 'verification.completed',
  subject: { type: 'verification', id: '5c0e8a9d-3b1f-4e6a-9d2c-7b8a6f5e4d3c' },
  reasonCodes: ['FIELD_MISMATCH'],
  data: {
    verdict: 'mismatch',
    engineVersion: 'analysis-1/quality-1/ocr-mrz-1',
    applicantId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
    processingMs: 1840,
  },
  prevHash: '3f1c…',
  hash: '9a7b…',
};

export const AUDIT_PAGE_EXAMPLE = { items: [AUDIT_EVENT_EXAMPLE], nextCursor: 'a1.NDI' };

export const AUDIT_VERIFY_EXAMPLE = { valid: true, checked: 123, firstInvalidId: null };

export const AUDIT_VERIFY_INVALID_EXAMPLE = {
  valid: false,
  checked: 17,
  firstInvalidId: '0b8f7c1e-5d7a-4f57-9a43-4f0d3c2f4b61',
  problem: 'hash_mismatch',
};

export const AUDIT_FILTER_ERROR_EXAMPLE = {
  error: 'validation_failed',
  message: 'The request has 1 invalid field: action.',
  details: [
    {
      field: 'action',
      code: 'is_in',
      message: 'Action must be one of: applicant.created, applicant.corrected, ….',
      hint: { en: 'Check the field "action": …', 'zh-CN': '请检查字段“action”的取值。' },
    },
  ],
};
