/** OpenAPI examples of the review endpoints (the shapes the service returns). */
export const REVIEW_EXAMPLE = {
  id: '6f1c2a9e-3b7d-4c1e-9a51-2f8d7e6c5b4a',
  verificationId: '0b6e4b8a-8e3f-4d6c-b1a2-7c9d0e1f2a3b',
  reason: 'manual_review',
  status: 'claimed',
  automatedVerdict: 'manual_review',
  appealReason: null,
  claimedBy: '3a7f9c1e-5d2b-4e8a-9f60-1b2c3d4e5f60',
  leaseUntil: '2025-11-26T10:15:00.000Z',
  needsSecondReviewer: false,
  decisions: [],
  decision: null,
  createdAt: '2025-11-26T09:42:10.000Z',
  ageSeconds: 1070,
  slaDueAt: '2025-11-27T09:42:10.000Z',
  slaBreached: false,
};

export const REVIEW_PAGE_EXAMPLE = { items: [REVIEW_EXAMPLE], nextCursor: null };

export const DECIDED_EXAMPLE = {
  ...REVIEW_EXAMPLE,
  status: 'decided',
  claimedBy: null,
  leaseUntil: null,
  decision: {
    reviewerId: '3a7f9c1e-5d2b-4e8a-9f60-1b2c3d4e5f60',
    verdict: 'accepted',
    reasonCodes: ['REVIEWER_DECISION'],
    note: 'MRZ misread by OCR; printed fields match the record.',
    decidedAt: '2025-11-26T10:03:00.000Z',
  },
};

export const REVIEW_DETAIL_EXAMPLE = {
  review: REVIEW_EXAMPLE,
  verification: {
    id: REVIEW_EXAMPLE.verificationId,
    applicantId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    documentType: 'passport',
    status: 'completed',
    verdict: 'manual_review',
    reasons: [{ code: 'LOW_CONFIDENCE', field: null, message: '…', hint: { en: '…', 'zh-CN': '…' } }],
    document: { type: 'passport', format: 'TD3', issuingCountry: 'SWE', surname: 'ERIKSSON' },
    checks: { quality: { passed: true }, mrz: { found: true, valid: false } },
    createdAt: '2025-11-26T09:42:05.000Z',
    completedAt: '2025-11-26T09:42:10.000Z',
  },
  applicant: {
    id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    externalId: 'wallet-user-42',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    fullName: null,
    dateOfBirth: '1974-08-12',
    nationality: 'SWE',
    sex: 'F',
    documentNumber: 'L898902C3',
    documentType: 'passport',
    status: 'active',
  },
  images: ['front'],
};
