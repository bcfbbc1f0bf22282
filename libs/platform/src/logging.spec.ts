import { Writable } from 'node:stream';
import pino from 'pino';
import { errorForLog, loggerParams, withoutQueryValues } from './logging';

/** What a pino logger configured like the apps' writes for `obj`. */
function logged(obj: Record<string, unknown>): string {
  let out = '';
  const { redact } = loggerParams({ logLevel: 'debug' }, 'test').pinoHttp as { redact: pino.redactOptions };
  const logger = pino(
    { level: 'debug', redact },
    new Writable({
      write(chunk, _enc, done) {
        out += chunk;
        done();
      },
    }),
  );
  logger.debug(obj, 'message');
  return out;
}

describe('log redaction', () => {
  it('censors personal fields at the top level and one or two objects deep', () => {
    const out = logged({
      surname: 'ERIKSSON',
      applicant: { givenNames: 'ANNA MARIA', dateOfBirth: '1974-08-12' },
      job: { record: { documentNumber: 'L898902C3', email: 'anna@example.com', phone: '+46701234567' } },
      checks: { mrz: { lines: ['P<SWEERIKSSON<<ANNA<MARIA'] } },
    });
    for (const value of [
      'ERIKSSON',
      'ANNA MARIA',
      '1974-08-12',
      'L898902C3',
      'anna@example.com',
      '+467012',
      'P<SWE',
    ])
      expect(out).not.toContain(value);
    expect(out).toContain('[redacted]');
  });

  it('keeps only the class, code and constraint of a database error (its parameters and detail can be personal)', () => {
    const err = Object.assign(new Error('invalid input syntax for type date: "1974-13-45"'), {
      name: 'QueryFailedError',
      query: 'INSERT INTO applicants (surname) VALUES ($1)',
      parameters: ['ERIKSSON'],
      driverError: {
        code: '22007',
        detail: 'Key (surname)=(ERIKSSON)',
        constraint: undefined,
        table: 'applicants',
      },
    });
    const safe = errorForLog(err);
    expect(safe).toEqual({
      type: 'QueryFailedError',
      code: '22007',
      constraint: undefined,
      table: 'applicants',
    });
    expect(logged({ err: safe })).not.toMatch(/ERIKSSON|1974-13-45/);
    expect(errorForLog(new Error('plain failure'))).toMatchObject({
      type: 'Error',
      message: 'plain failure',
    });
  });
});

describe('logged request URLs', () => {
  it('keep the path and the parameter names, never the values', () => {
    expect(withoutQueryValues('/v1/applicants?api_key=idv_abc123&limit=5')).toBe(
      '/v1/applicants?api_key=[redacted]&limit=[redacted]',
    );
    expect(withoutQueryValues('/v1/verifications/42')).toBe('/v1/verifications/42');
    expect(withoutQueryValues('/v1/x?')).toBe('/v1/x?');
    expect(withoutQueryValues('/v1/x?%00=%ZZ&email=anna%40example.com')).not.toMatch(/anna/);
  });
});
