/** OpenAPI examples of the webhooks routes. */
export const WEBHOOK_EXAMPLE = {
  id: '0b8e7a52-3f1d-4c55-9a0e-6d2b1f4c8e17',
  url: 'https://wallet.example.com/idv/webhooks',
  events: ['verification.completed', 'review.completed', 'applicant.restricted'],
  createdAt: '2026-11-25T10:00:00.000Z',
};

export const REGISTERED_WEBHOOK_EXAMPLE = {
  ...WEBHOOK_EXAMPLE,
  secret: 'whsec_q8H1rJx0Yk3mN5pT7vW9zB2dF4gH6jK8lM0nP2rS4tU',
};

export const DELIVERIES_EXAMPLE = {
  items: [
    {
      id: '42',
      eventId: '9d4f3c2b-1a0e-4f6d-8b7c-5e3a2d1c0b9f',
      eventType: 'verification.completed',
      attempt: 2,
      statusCode: 200,
      error: null,
      durationMs: 87,
      succeeded: true,
      at: '2026-11-25T10:01:31.000Z',
    },
    {
      id: '41',
      eventId: '9d4f3c2b-1a0e-4f6d-8b7c-5e3a2d1c0b9f',
      eventType: 'verification.completed',
      attempt: 1,
      statusCode: null,
      error: 'timeout',
      durationMs: 5001,
      succeeded: false,
      at: '2026-11-25T10:00:56.000Z',
    },
  ],
  nextCursor: null,
};
