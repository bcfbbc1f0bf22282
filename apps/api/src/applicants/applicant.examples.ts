/** OpenAPI examples (the contract's own example record). */
export const APPLICANT_EXAMPLE = {
  id: '6f1c2a4e-8d0b-4a8e-9a53-2f6c1b7d9e10',
  externalId: 'wallet-user-42',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  dateOfBirth: '1974-08-12',
  nationality: 'SWE',
  sex: 'F',
  documentNumber: 'L898902C3',
  phone: '+46701234567',
  email: 'anna@example.com',
  status: 'active',
  restrictedUntil: null,
  reason: null,
  corrections: 0,
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
};

export const VALIDATION_ERROR_EXAMPLE = {
  error: 'validation_failed',
  message: 'The record has 1 invalid field: phone.',
  details: [
    {
      field: 'phone',
      code: 'not_e164',
      message: 'Phone number is not an international phone number (E.164).',
      hint: {
        en: 'Enter your mobile number with the country code and no spaces, for example +8613812345678.',
        'zh-CN': '请填写带国家/地区代码的手机号，不要加空格，例如 +8613812345678。',
      },
    },
  ],
};

/** An applicant after `DELETE /v1/applicants/:id`: the shell that keeps verdicts and the trail attached. */
export const ERASED_APPLICANT_EXAMPLE = {
  id: '6f1c2a4e-8d0b-4a8e-9a53-2f6c1b7d9e10',
  externalId: 'erased:6f1c2a4e-8d0b-4a8e-9a53-2f6c1b7d9e10',
  phone: null,
  email: null,
  status: 'erased',
  restrictedUntil: null,
  reason: null,
  corrections: 1,
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-12-01T09:30:00.000Z',
  erasedAt: '2026-12-01T09:30:00.000Z',
};
