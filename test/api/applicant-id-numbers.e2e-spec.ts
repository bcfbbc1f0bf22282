import request from 'supertest';
import { citizenCheckCharacter } from '@idv/id-numbers';
import { record, startApi, type ApiHarness } from '../support/api.harness';

/** A fictional citizen number: Beijing Chaoyang, the given birth date, sequence `seq` (odd: a man). */
const citizen = (birth: string, seq: string) => {
  const first17 = `110105${birth.replace(/-/g, '')}${seq}`;
  return `${first17}${citizenCheckCharacter(first17)}`;
};
/** The same number with its check character replaced by another one. */
const mistyped = (number: string) => `${number.slice(0, 17)}${number[17] === '1' ? '2' : '1'}`;

const chinese = (overrides: Record<string, unknown> = {}) =>
  record({
    surname: undefined,
    givenNames: undefined,
    fullName: '王小明',
    nationality: 'CHN',
    dateOfBirth: '1990-03-07',
    sex: 'M',
    documentType: 'cn_resident_id',
    documentNumber: citizen('1990-03-07', '123'),
    phone: '+8613812345678',
    email: undefined,
    ...overrides,
  });

describe('applicants API: Chinese and Hong Kong identity numbers', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('applicant-id-numbers');
  });
  afterAll(() => api.close());

  const post = (body: Record<string, unknown>) =>
    request(api.url).post('/v1/applicants').set(api.auth('client')).send(body);
  const patch = (id: string, body: Record<string, unknown>) =>
    request(api.url).patch(`/v1/applicants/${id}`).set(api.auth('client')).send(body);

  /** The body is a 400 with exactly one detail for `field` with `code`, hinted in English and in Chinese. */
  function expectRefused(body: Record<string, unknown>, field: string, code: string) {
    expect(body.error).toBe('validation_failed');
    expect(body.details).toEqual([
      {
        field,
        code,
        message: expect.any(String),
        hint: { en: expect.any(String), 'zh-CN': expect.stringMatching(/[\u4e00-\u9fff]/) },
      },
    ]);
  }

  it('registers a Han full name alone with a citizen number, and reads back what it stored', async () => {
    const number = citizen('1990-03-07', '123');
    const created = await post(chinese({ documentNumber: number.toLowerCase() })).expect(201);
    expect(created.body).toMatchObject({
      fullName: '王小明',
      documentType: 'cn_resident_id',
      documentNumber: number,
      nationality: 'CHN',
    });
    expect(created.body.surname).toBeUndefined();
    const read = await request(api.url)
      .get(`/v1/applicants/${created.body.id}`)
      .set(api.auth('client'))
      .expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('registers a Han name as surname and given names, and a transcribed name with its middle dot', async () => {
    const split = await post(chinese({ fullName: undefined, surname: '王', givenNames: '小明' })).expect(201);
    expect(split.body).toMatchObject({ surname: '王', givenNames: '小明' });
    const both = await post(
      chinese({ fullName: '买买提·艾力', surname: '买买提', givenNames: '艾力' }),
    ).expect(201);
    expect(both.body.fullName).toBe('买买提·艾力');
  });

  it('still wants surname and given names when there is no full name', async () => {
    const res = await post(chinese({ fullName: undefined })).expect(400);
    expect(res.body.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)).toEqual([
      'surname:required',
      'givenNames:required',
    ]);
  });

  it('refuses a citizen number whose check character is wrong', async () => {
    const res = await post(chinese({ documentNumber: mistyped(citizen('1990-03-07', '123')) })).expect(400);
    expectRefused(res.body, 'documentNumber', 'id_number_check_failed');
    expect(res.body.details[0].hint['zh-CN']).toContain('逐位核对');
  });

  it('refuses a citizen number that is not 18 characters when the record says it is a Resident ID card', async () => {
    const res = await post(chinese({ documentNumber: '11010519900307123' })).expect(400);
    expectRefused(res.body, 'documentNumber', 'id_number_check_failed');
  });

  it('refuses a citizen number whose birth date is not the date of birth given', async () => {
    const res = await post(chinese({ dateOfBirth: '1990-03-08' })).expect(400);
    expectRefused(res.body, 'documentNumber', 'id_number_birth_date_mismatch');
    expect(res.body.details[0].hint['zh-CN']).toContain('出生日期');
  });

  it('refuses a citizen number whose sex digit contradicts the sex given, and does not compare X', async () => {
    const res = await post(chinese({ sex: 'F' })).expect(400);
    expectRefused(res.body, 'documentNumber', 'id_number_sex_mismatch');
    expect(res.body.details[0].hint['zh-CN']).toContain('第 17 位');
    await post(chinese({ sex: 'X' })).expect(201);
    await post(chinese({ sex: undefined })).expect(201);
  });

  it('checks an 18-character number on a Chinese national’s record without a document type, and no other', async () => {
    const wrong = mistyped(citizen('1990-03-07', '123'));
    const res = await post(chinese({ documentType: undefined, documentNumber: wrong })).expect(400);
    expectRefused(res.body, 'documentNumber', 'id_number_check_failed');
    // A Swedish record's document number is not a citizen number, whatever it looks like.
    await post(chinese({ documentType: undefined, nationality: 'SWE', documentNumber: wrong })).expect(201);
  });

  it('lists the number beside the other invalid fields in one answer', async () => {
    const res = await post(
      chinese({ documentNumber: mistyped(citizen('1990-03-07', '123')), email: 'li@', phone: '138' }),
    ).expect(400);
    expect(
      res.body.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`).sort(),
    ).toEqual(['documentNumber:id_number_check_failed', 'email:invalid_email', 'phone:not_e164']);
  });

  it('takes an HKID number printed with brackets or without as one number, and refuses a wrong check digit', async () => {
    const hk = {
      fullName: 'CHAN Tai Man',
      nationality: 'CHN',
      dateOfBirth: '1985-05-05',
      documentType: 'hk_identity_card',
    };
    const printed = await post(chinese({ ...hk, documentNumber: 'a123456(3)' })).expect(201);
    expect(printed.body.documentNumber).toBe('A1234563');
    await post(chinese({ ...hk, documentNumber: 'C6686689' })).expect(201);
    const res = await post(chinese({ ...hk, documentNumber: 'A123456(4)' })).expect(400);
    expectRefused(res.body, 'documentNumber', 'id_number_check_failed');
    expect(res.body.details[0].hint.en).toContain('A123456(3)');
  });

  it('takes a residence permit’s number (region 81/82/83) and a lower-case x, and refuses a birth date no calendar has', async () => {
    const permitFirst17 = `810000${'19900307'}123`;
    const permit = `${permitFirst17}${citizenCheckCharacter(permitFirst17)}`;
    const created = await post(chinese({ documentNumber: permit })).expect(201);
    expect(created.body.documentNumber).toBe(permit);
    // A number ending in X, typed in lower case, is stored as the card prints it.
    let seq = 100;
    let withX = citizen('1990-03-07', String(seq));
    while (!withX.endsWith('X')) withX = citizen('1990-03-07', String(++seq));
    const x = await post(chinese({ documentNumber: withX.toLowerCase(), sex: undefined })).expect(201);
    expect(x.body.documentNumber).toBe(withX);
    // 30 February: the check character is right, the date it encodes cannot be anyone's birthday.
    const impossible = `110105${'19900230'}123`;
    const res = await post(
      chinese({ documentNumber: `${impossible}${citizenCheckCharacter(impossible)}` }),
    ).expect(400);
    expectRefused(res.body, 'documentNumber', 'id_number_birth_date_mismatch');
  });

  it('takes an HKID number with a two-letter prefix, and checks it only on a record that says HKID', async () => {
    const hk = { fullName: '黃文明', nationality: 'CHN', dateOfBirth: '1985-05-05', sex: 'M' };
    await post(chinese({ ...hk, documentType: 'hk_identity_card', documentNumber: 'XD459400(8)' })).expect(
      201,
    );
    const res = await post(
      chinese({ ...hk, documentType: 'hk_identity_card', documentNumber: 'XD459400(7)' }),
    ).expect(400);
    expectRefused(res.body, 'documentNumber', 'id_number_check_failed');
    expect(res.body.details[0].hint['zh-CN']).toMatch(/括号/);
    // Without the record's word it is some document's number, which the contract leaves unchecked.
    await post(chinese({ ...hk, documentType: undefined, documentNumber: 'XD459400(7)' })).expect(201);
  });

  it('refuses a document type that is not one of the contract’s', async () => {
    const res = await post(chinese({ documentType: 'drivers_license' })).expect(400);
    expectRefused(res.body, 'documentType', 'invalid_document_type');
  });

  it('applies the same checks to a correction, against the record as it would become', async () => {
    const { body: a } = await post(chinese()).expect(201);
    // Each side alone would leave the number and the record disagreeing.
    expectRefused(
      (await patch(a.id, { dateOfBirth: '1990-03-08' }).expect(400)).body,
      'documentNumber',
      'id_number_birth_date_mismatch',
    );
    expectRefused(
      (await patch(a.id, { sex: 'F' }).expect(400)).body,
      'documentNumber',
      'id_number_sex_mismatch',
    );
    expectRefused(
      (await patch(a.id, { documentNumber: mistyped(a.documentNumber) }).expect(400)).body,
      'documentNumber',
      'id_number_check_failed',
    );
    expectRefused(
      (await patch(a.id, { documentType: 'hk_identity_card' }).expect(400)).body,
      'documentNumber',
      'id_number_check_failed',
    );
    const unchanged = await request(api.url)
      .get(`/v1/applicants/${a.id}`)
      .set(api.auth('client'))
      .expect(200);
    expect(unchanged.body).toMatchObject({ dateOfBirth: '1990-03-07', sex: 'M', corrections: 0 });
    // Both sides together are a consistent correction.
    const fixed = await patch(a.id, {
      dateOfBirth: '1990-03-08',
      documentNumber: citizen('1990-03-08', '124'),
      sex: 'F',
    }).expect(200);
    expect(fixed.body).toMatchObject({ dateOfBirth: '1990-03-08', sex: 'F', corrections: 1 });
    // A correction of another field does not touch the number.
    await patch(a.id, { fullName: '王晓明' }).expect(200);
  });
});
