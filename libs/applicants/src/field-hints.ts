/**
 * Field-level validation codes of the registration record, each with a hint the person can act on,
 * in English and in Simplified Chinese. `{field}`-style parameters are filled by {@link fieldHint}.
 */
export type FieldErrorCode =
  | 'required'
  | 'not_string'
  | 'too_long'
  | 'invalid_date'
  | 'date_in_future'
  | 'date_too_old'
  | 'not_e164'
  | 'invalid_email'
  | 'email_domain_typo'
  | 'unknown_country'
  | 'name_has_digits'
  | 'name_invalid_characters'
  | 'invalid_sex'
  | 'invalid_document_number'
  | 'invalid_document_type'
  | 'id_number_check_failed'
  | 'id_number_birth_date_mismatch'
  | 'id_number_sex_mismatch'
  | 'invalid_external_id'
  | 'unknown_field'
  | 'contains_nul';

interface Hint {
  message: string;
  en: string;
  zh: string;
}

const HINTS: Record<FieldErrorCode, Hint> = {
  required: {
    message: '{label} is required.',
    en: 'Enter your {label} exactly as it appears on your identity document.',
    zh: '请填写{labelZh}，须与证件上的信息完全一致。',
  },
  not_string: {
    message: '{label} must be text.',
    en: 'Enter your {label} as text.',
    zh: '请以文字形式填写{labelZh}。',
  },
  too_long: {
    message: '{label} is longer than {max} characters.',
    en: 'Your {label} can be at most {max} characters long; check that nothing was pasted by mistake.',
    zh: '{labelZh}最多 {max} 个字符，请检查是否误粘贴了多余内容。',
  },
  invalid_date: {
    message: '{label} is not a real date in the form YYYY-MM-DD.',
    en: 'Enter the date as year-month-day, for example 1990-07-25, and check that the day exists in that month.',
    zh: '请按“年-月-日”格式填写日期，例如 1990-07-25，并确认该月份确有这一天。',
  },
  date_in_future: {
    message: '{label} is in the future.',
    en: 'Your date of birth cannot be in the future; check the year.',
    zh: '出生日期不能晚于今天，请检查年份是否填写正确。',
  },
  date_too_old: {
    message: '{label} is before 1900.',
    en: 'Check the year of your date of birth; it looks too early.',
    zh: '出生年份似乎过早，请检查是否填写正确。',
  },
  not_e164: {
    message: '{label} is not an international phone number (E.164).',
    en: 'Enter your mobile number with the country code and no spaces, for example +8613812345678.',
    zh: '请填写带国家/地区代码的手机号，不要加空格，例如 +8613812345678。',
  },
  invalid_email: {
    message: '{label} is not a valid email address.',
    en: 'Enter a complete email address, for example name@example.com.',
    zh: '请填写完整的电子邮箱地址，例如 name@example.com。',
  },
  email_domain_typo: {
    message: '{label} looks mistyped: did you mean {suggestion}?',
    en: 'Did you mean {suggestion}? Check the part after the @.',
    zh: '您是否想输入 {suggestion}？请检查 @ 后面的部分。',
  },
  unknown_country: {
    message: '{label} is not an ISO 3166-1 alpha-3 country code.',
    en: 'Choose your nationality from the list (a three-letter code such as CHN, SWE or DEU).',
    zh: '请从列表中选择国籍（三个字母的代码，例如 CHN、SWE、DEU）。',
  },
  name_has_digits: {
    message: '{label} contains digits.',
    en: 'Your {label} cannot contain numbers; enter it exactly as printed on your document.',
    zh: '{labelZh}中不能包含数字，请按证件上的写法填写。',
  },
  name_invalid_characters: {
    message: '{label} contains characters that are not letters.',
    en: 'Use only letters, spaces, hyphens and apostrophes in your {label}.',
    zh: '{labelZh}只能包含文字、空格、连字符和撇号。',
  },
  invalid_sex: {
    message: '{label} must be M, F or X.',
    en: 'Choose the sex shown on your document: M, F or X.',
    zh: '请选择证件上显示的性别：M（男）、F（女）或 X（未指定）。',
  },
  invalid_document_number: {
    message: '{label} must be 1-20 letters and digits.',
    en: 'Enter the document number with letters and digits only, without spaces or dashes.',
    zh: '请只填写证件号码中的字母和数字，不要包含空格或横线。',
  },
  invalid_document_type: {
    message: '{label} is not one of the accepted document types.',
    en:
      'Send the type of document the person registered with: passport, id_card, residence_permit, visa, ' +
      'cn_resident_id (Chinese Resident Identity Card or residence permit) or hk_identity_card.',
    zh:
      '请选择登记时使用的证件类型：passport（护照）、id_card（身份证件）、residence_permit（居留许可）、visa（签证）、' +
      'cn_resident_id（居民身份证或港澳台居民居住证）或 hk_identity_card（香港身份证）。',
  },
  id_number_check_failed: {
    message: '{label} fails its check character; one character is probably mistyped.',
    en:
      'Compare the ID number with your card character by character: one is probably wrong. A Chinese ID number has ' +
      '18 characters and may end in X; on a Hong Kong identity card, include the character in brackets, e.g. A123456(3).',
    zh:
      '证件号码校验未通过，可能有一位填错，请对照证件逐位核对。居民身份证号码共 18 位，最后一位可能是 X；' +
      '香港身份证号码请连同括号内的字符一起填写，例如 A123456(3)。',
  },
  id_number_birth_date_mismatch: {
    message: '{label} does not contain the date of birth given.',
    en:
      'The date of birth in your ID number (characters 7 to 14) is not the date of birth you entered; check both ' +
      'against your card.',
    zh: '身份证号码中的出生日期（第 7 至 14 位）与填写的出生日期不一致，请对照证件核对两者。',
  },
  id_number_sex_mismatch: {
    message: '{label} does not match the sex given.',
    en:
      'The 17th character of your ID number gives the sex (odd for male, even for female) and does not match the ' +
      'sex you chose; check both against your card.',
    zh: '身份证号码第 17 位代表性别（奇数为男，偶数为女），与所选性别不一致，请对照证件核对。',
  },
  invalid_external_id: {
    message: '{label} must be 1-128 visible characters.',
    en: 'Send your own user reference (1-128 visible characters).',
    zh: '请提供 1-128 个可见字符的用户标识。',
  },
  contains_nul: {
    message: '{label} contains a NUL character (U+0000).',
    en: 'Remove the invisible NUL character from the {label}; it usually comes from text pasted from another program.',
    zh: '{labelZh}中含有不可见的空字符（U+0000），请将其删除；它通常来自从其他程序粘贴的文本。',
  },
  unknown_field: {
    message: '{label} is not an accepted field.',
    en: 'Remove the field "{field}"; it is not part of this request.',
    zh: '请删除字段“{field}”，该字段不属于本次请求。',
  },
};

const LABELS: Record<string, [string, string]> = {
  externalId: ['external id', '用户标识'],
  surname: ['surname', '姓'],
  givenNames: ['given names', '名'],
  dateOfBirth: ['date of birth', '出生日期'],
  nationality: ['nationality', '国籍'],
  sex: ['sex', '性别'],
  documentNumber: ['document number', '证件号码'],
  fullName: ['full name', '姓名'],
  documentType: ['document type', '证件类型'],
  phone: ['phone number', '手机号'],
  email: ['email address', '电子邮箱'],
  reason: ['reason', '理由'],
  note: ['note', '备注'],
  url: ['URL', '地址'],
  applicantId: ['applicant id', '申请人编号'],
  id: ['id', '编号'],
  cursor: ['cursor', '分页游标'],
};

/** One entry of the contract's `details` array. */
export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
  hint: { en: string; 'zh-CN': string };
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? `{${k}}`);
}

/** Builds the `details` entry for a field error, with hints in English and Chinese. */
export function fieldError(
  field: string,
  code: FieldErrorCode,
  params: Record<string, string> = {},
): FieldError {
  const [label, labelZh] = LABELS[field] ?? [field, field];
  const p = { field, label, labelZh, max: '', suggestion: '', ...params };
  const h = HINTS[code];
  const message = fill(h.message, p);
  return {
    field,
    code,
    message: message[0].toUpperCase() + message.slice(1),
    hint: { en: fill(h.en, p), 'zh-CN': fill(h.zh, p) },
  };
}

export const FIELD_ERROR_CODES = Object.keys(HINTS) as FieldErrorCode[];
