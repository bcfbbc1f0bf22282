/** OpenAPI examples for verifications (the contract's shapes). */
export const QUEUED_EXAMPLE = {
  id: '0b6c4a6e-2f0d-4f51-8d8c-6a1f2e3d4c5b',
  applicantId: '6f1c2a4e-8d0b-4a8e-9a53-2f6c1b7d9e10',
  documentType: 'id_card',
  status: 'queued',
  verdict: null,
  reasons: [],
  document: null,
  checks: null,
  review: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  completedAt: null,
  processingMs: null,
};

export const COMPLETED_EXAMPLE = {
  ...QUEUED_EXAMPLE,
  status: 'completed',
  verdict: 'mismatch',
  reasons: [
    {
      code: 'FIELD_MISMATCH',
      field: 'dateOfBirth',
      message: 'The date of birth on the document differs from the registration record.',
      hint: {
        en: 'The date of birth on your document does not match the one you registered. Correct your registration, or use the document you registered with.',
        'zh-CN': '证件上的出生日期与您登记的不一致。请更正登记信息，或使用您登记时所用的证件。',
      },
    },
  ],
  document: {
    type: 'id_card',
    format: 'TD1',
    issuingCountry: 'SWE',
    documentNumber: 'L898902C3',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    dateOfBirth: '1974-08-12',
    expiryDate: '2032-04-15',
    sex: 'F',
    nationality: 'SWE',
  },
  checks: {
    quality: { passed: true, sharpness: 0.82, glare: 0.01, brightness: 0.55, resolution: [1600, 1010] },
    mrz: { found: true, valid: true, lines: ['I<SWE...', '7408122F...', 'ERIKSSON<<ANNA<MARIA...'] },
    comparison: {
      surname: 'match',
      givenNames: 'match',
      dateOfBirth: 'mismatch',
      documentNumber: 'match',
      nationality: 'match',
    },
    expiry: { expired: false },
  },
  completedAt: '2026-11-25T10:00:01.200Z',
  processingMs: 412,
};
