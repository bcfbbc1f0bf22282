import { DOCUMENT_TYPES } from './verdict.types';
import type { DocumentType, ReasonCode, ReasonField, ReasonParams, VerdictReason } from './verdict.types';

/**
 * One wording of a reason: `message` for the wallet backend's engineers (English, may name internals),
 * `en` and `zh` for the end user, saying what to do next. Placeholders: `{field}`, `{retryAt}`,
 * `{reviewWhen}` ("by <deadline>" or "shortly"), `{expiryDate}`, `{acceptedTypes}`, `{maxMegabytes}`.
 */
interface Wording {
  message: string;
  en: string;
  zh: string;
}

/** Parameters whose presence switches to another wording. */
type SwitchParam = 'field' | 'retryAt' | 'reviewBy' | 'expiryDate';

/**
 * A catalogue entry: the wording without parameters, replacements when a parameter is known, and replacements
 * for a document family whose holders use other words (`cn_resident_id`: 人像面 / 国徽面, 公民身份号码).
 */
interface CatalogueEntry extends Wording {
  with?: Partial<Record<SwitchParam, Partial<Wording>>>;
  forDocument?: Partial<Record<string, Partial<Wording>>>;
}

const REVIEW_EN =
  'A member of our team will review your document {reviewWhen}. You do not need to do anything now.';
const REVIEW_ZH = '工作人员将{reviewWhen}完成人工审核，您暂时无需进行任何操作。';

/**
 * Every reason code with its wording. Hints of fraud signals (`MRZ_CHECK_DIGIT_INVALID` outside
 * review, `DUPLICATE_DOCUMENT`, `VISUAL_ZONE_INCONSISTENT`) say only whom to contact or that a person
 * will look: telling a forger what gave them away would help them.
 */
export const REASON_CATALOGUE: Readonly<Record<ReasonCode, CatalogueEntry>> = {
  TOO_MANY_ATTEMPTS: {
    message: 'The applicant made too many verification attempts and is temporarily restricted.',
    en: 'You have made too many attempts. Please try again later, or contact customer support.',
    zh: '尝试次数过多，请稍后再试或联系客服。',
    with: {
      retryAt: {
        message: 'The applicant made too many verification attempts and is restricted until {retryAt}.',
        en: 'You have made too many attempts. You can try again after {retryAt}.',
        zh: '尝试次数过多，请在{retryAt}后再试。',
      },
    },
  },
  APPLICANT_RESTRICTED: {
    message: 'The applicant is restricted (operator flag or too many record corrections).',
    en: 'Identity verification is not available for your account at the moment. Please contact customer support.',
    zh: '您的账户暂时无法进行身份验证，请联系客服。',
    with: {
      retryAt: {
        message: 'The applicant is restricted until {retryAt}.',
        en: 'Identity verification is paused for your account until {retryAt}. Please try again after that, or contact customer support.',
        zh: '您的账户在{retryAt}之前暂停身份验证，请届时再试，或联系客服。',
      },
    },
  },
  IMAGE_CORRUPT: {
    message: 'The image file is empty, truncated or corrupt.',
    en: 'Your photo could not be opened. Please take a new photo and upload it again.',
    zh: '照片无法打开，请重新拍摄并上传。',
  },
  FILE_TYPE_UNSUPPORTED: {
    message: 'The file is not a JPEG, PNG, WebP or TIFF image.',
    en: 'Please upload a photo (JPEG, PNG, WebP or TIFF). PDF files, screenshots of documents and videos cannot be used.',
    zh: '请上传 JPG、PNG 等常见格式的照片，不支持 PDF 文件或视频。',
  },
  FILE_TOO_LARGE: {
    message: 'The file exceeds the upload limit of {maxMegabytes} MB or the pixel limit.',
    en: 'Your photo is too large. Please upload a photo of at most {maxMegabytes} MB taken with your camera’s normal settings.',
    zh: '照片过大，请使用相机的默认设置拍摄，并上传不超过 {maxMegabytes} MB 的照片。',
  },
  DOCUMENT_NOT_FOUND: {
    message: 'No identity document was found in the image.',
    en: 'We could not find a document in your photo. Place the whole document on a plain, dark surface and take the photo from directly above.',
    zh: '照片中未找到证件，请将整个证件平放在纯色（最好是深色）的桌面上，从正上方拍摄。',
  },
  DOCUMENT_CUT_OFF: {
    message: 'Part of the document lies outside the image.',
    en: 'Part of your document is cut off. Make sure all four corners are in the photo, with a little space around the edges.',
    zh: '证件没有拍全，请确保四个角都在画面内，并在边缘留出一点空白。',
  },
  IMAGE_TOO_DARK: {
    message: 'The image is underexposed.',
    en: 'Your photo is too dark. Move to a well-lit place, ideally near a window in daylight, and keep your shadow off the document.',
    zh: '照片太暗，请到光线充足的地方（最好是白天靠近窗户）重新拍摄，注意不要让影子挡住证件。',
  },
  IMAGE_TOO_BRIGHT: {
    message: 'The image is overexposed.',
    en: 'Your photo is too bright. Turn off the flash, keep the document out of direct sunlight and take the photo again.',
    zh: '照片过亮，请关闭闪光灯，避免阳光直射证件后重新拍摄。',
  },
  IMAGE_BLURRED: {
    message: 'The image is too blurred to read the document.',
    en: 'Your photo is blurred. Place the document on a flat surface, hold your phone steady and tap the screen to focus before taking the photo.',
    zh: '证件照片模糊，请将证件放在平整处，对焦清晰后重新拍摄。',
  },
  IMAGE_GLARE: {
    message: 'Glare or a reflection covers part of the document.',
    en: 'Move away from direct light or tilt the document slightly so no reflection covers the text at the bottom.',
    zh: '证件有反光，请避开直射光源，或将证件稍微倾斜，确保底部文字没有被反光遮住。',

    forDocument: {
      cn_resident_id: {
        en: 'There is glare on your ID card. Move away from direct light, or tilt the card slightly, so that no text (the citizen ID number above all) is hidden by reflections.',
        zh: '身份证有反光，请避开直射光源，或将证件稍微倾斜，确保证件上的文字（尤其是公民身份号码）没有被反光遮住。',
      },
      hk_identity_card: {
        en: 'There is glare on your identity card. Move away from direct light, or tilt the card slightly, so that no text (your name and the card number above all) is hidden by reflections.',
        zh: '身份证有反光，请避开直射光源，或将证件稍微倾斜，确保证件上的文字（尤其是姓名和身份证号码）没有被反光遮住。',
      },
    },
  },
  IMAGE_LOW_RESOLUTION: {
    message: 'The document is too small in the image or the image resolution is too low.',
    en: 'Your document is too small in the photo. Move the camera closer so the document fills most of the frame, and do not upload a screenshot or a compressed copy.',
    zh: '证件在照片中太小，请将手机靠近一些，让证件占满画面的大部分，不要上传截图或压缩过的图片。',
  },
  DOCUMENT_COPY: {
    message: 'The image shows a photocopy or a black-and-white reproduction, not the original document.',
    en: 'This looks like a copy of your document. Please take a colour photo of the original document itself, not of a photocopy, a printout or a screen.',
    zh: '照片中的证件似乎是复印件或黑白翻拍件，请直接拍摄证件原件的彩色照片，不要拍摄复印件、打印件或屏幕上的图片。',
  },
  DOCUMENT_SIDE_MISSING: {
    message: 'A side of a two-sided document was not uploaded.',
    en: 'Please upload photos of both sides of your document.',
    zh: '请上传证件正反两面的照片。',
    with: {
      field: {
        message: 'The {field} of a two-sided document was not uploaded.',
        en: 'Please also upload a photo of the {field} of your document.',
        zh: '请同时上传证件{field}的照片。',
      },
    },
    forDocument: {
      cn_resident_id: {
        message: 'The {field} of the Chinese identity card was not uploaded.',
        en: 'Please also upload a photo of the {field} of your ID card.',
        zh: '请同时上传身份证{field}的照片。',
      },
    },
  },
  MRZ_NOT_FOUND: {
    message: 'No machine-readable zone (MRZ) was found on the document.',
    en: 'We could not find the two or three lines of letters, numbers and < signs at the bottom of your document. Photograph the page or side that has them (the photo page of a passport), with those lines fully visible.',
    zh: '未识别到证件底部由字母、数字和“<”组成的两到三行机读码。请拍摄印有机读码的一面（护照请拍个人资料页），并确保这几行字符完整可见。',
  },
  MRZ_UNREADABLE: {
    message: 'The machine-readable zone was found but could not be read reliably.',
    en: 'We could not read the lines of characters at the bottom of your document. Take a new photo in even light, with those lines sharp, free of glare and not covered by your fingers.',
    zh: '无法读取证件底部的机读码，请在光线均匀的地方重新拍摄，确保这几行字符清晰、没有反光，也没有被手指遮挡。',
  },
  FIELD_UNREADABLE: {
    message: 'A printed field the verdict needs could not be read.',
    en: 'We could not read all the details on your document. Take a new photo in even light, with the whole document sharp, free of glare and not covered by your fingers.',
    zh: '无法识别证件上的部分信息，请在光线均匀的地方重新拍摄，确保整个证件清晰、无反光，也没有被手指遮挡。',
    with: {
      field: {
        message: 'The {field} printed on the document could not be read.',
        en: 'We could not read the {field} on your document. Take a new photo in even light, with the whole document sharp, free of glare and not covered by your fingers.',
        zh: '无法识别证件上的{field}，请在光线均匀的地方重新拍摄，确保整个证件清晰、无反光，也没有被手指遮挡。',
      },
    },
    forDocument: {
      cn_resident_id: {
        en: 'We could not read the {field} on your ID card. Take a new photo in even light, with the card sharp, free of glare and not covered by your fingers.',
        zh: '无法识别身份证上的{field}，请在光线均匀的地方重新拍摄，确保证件清晰、无反光，也没有被手指遮挡。',
      },
    },
  },
  DOCUMENT_TYPE_UNSUPPORTED: {
    message: 'The document is not an identity document type the service accepts.',
    en: 'This type of document cannot be used. Please use {acceptedTypes}.',
    zh: '暂不支持此类证件，请使用{acceptedTypes}进行验证。',
  },
  MRZ_CHECK_DIGIT_INVALID: {
    message: 'Check digits of the machine-readable zone do not verify, and OCR does not explain it.',
    en: 'We could not verify this document. Please contact customer support.',
    zh: '暂时无法验证该证件，请联系客服。',
    with: {
      reviewBy: {
        message:
          'A check digit of the machine-readable zone fails on a doubtful read while every field matches; sent to review.',
        en: REVIEW_EN,
        zh: REVIEW_ZH,
      },
    },
  },
  ID_NUMBER_INVALID: {
    message: 'The document number, read with confidence, fails its check character or its structure.',
    en: 'We could not verify this document. Please contact customer support.',
    zh: '暂时无法验证该证件，请联系客服。',
    with: {
      reviewBy: {
        message:
          'The document number fails its check on a doubtful read while every field matches; sent to review.',
        en: REVIEW_EN,
        zh: REVIEW_ZH,
      },
    },
  },
  ID_NUMBER_INCONSISTENT: {
    message:
      'The birth date or sex the document number encodes differs from the one printed on the document.',
    en: 'We could not verify this document. Please contact customer support.',
    zh: '暂时无法验证该证件，请联系客服。',
    with: {
      reviewBy: {
        message:
          'The document number disagrees with the printed birth date or sex on a doubtful read while every field matches; sent to review.',
        en: REVIEW_EN,
        zh: REVIEW_ZH,
      },
    },
  },
  DUPLICATE_DOCUMENT: {
    message: 'This document has already been verified for another applicant.',
    en: 'We could not complete the verification with this document. Please contact customer support.',
    zh: '无法使用该证件完成验证，请联系客服。',
  },
  DOCUMENT_EXPIRED: {
    message: 'The document has expired.',
    en: 'This document has expired. Please verify with an identity document that is still valid.',
    zh: '该证件已过有效期，请使用在有效期内的证件进行验证。',
    with: {
      expiryDate: {
        message: 'The document expired on {expiryDate}.',
        en: 'This document expired on {expiryDate}. Please verify with an identity document that is still valid.',
        zh: '该证件已于{expiryDate}过期，请使用在有效期内的证件进行验证。',
      },
    },
  },
  FIELD_MISMATCH: {
    message: 'A field on the document does not match the registration record.',
    en: 'Some details on your document do not match the details you registered. Correct your details in your profile if they were entered wrongly, or use the document you registered with.',
    zh: '证件上的信息与您登记的信息不一致。如登记有误，请先在个人资料中修改；如登记无误，请使用与登记信息一致的证件。',
    with: {
      field: {
        message: 'The {field} on the document does not match the registration record.',
        en: 'The {field} on your document does not match the {field} you registered. Correct it in your profile if it was entered wrongly, or use the document you registered with.',
        zh: '证件上的{field}与您登记的不一致。如登记有误，请先在个人资料中修改；如登记无误，请使用与登记信息一致的证件。',
      },
    },
  },
  FIELD_NEAR_MATCH: {
    message:
      'A field nearly matches the record (one character, word order or a missing name); sent to review.',
    en: 'Some details on your document look slightly different from what you registered. A member of our team will check them {reviewWhen}; if your registration has a typo, you can correct it in your profile.',
    zh: '证件上的信息与您登记的略有出入，工作人员将{reviewWhen}进行人工核对。如登记有误，您可以在个人资料中修改。',
    with: {
      field: {
        message:
          'The {field} nearly matches the record (one character, word order or a missing name); sent to review.',
        en: 'The {field} on your document looks slightly different from what you registered. A member of our team will check it {reviewWhen}; if your registration has a typo, you can correct it in your profile.',
        zh: '证件上的{field}与您登记的略有出入，工作人员将{reviewWhen}进行人工核对。如登记有误，您可以在个人资料中修改。',
      },
    },
  },
  LOW_CONFIDENCE: {
    message:
      'The document could not be read with enough confidence for an automatic decision; sent to review.',
    en: REVIEW_EN,
    zh: REVIEW_ZH,
  },
  VISUAL_ZONE_INCONSISTENT: {
    message: 'The printed data of the document disagrees with its machine-readable zone; sent to review.',
    en: REVIEW_EN,
    zh: REVIEW_ZH,
  },
  VALIDITY_INCONSISTENT: {
    message:
      'The validity term is not one the issuer gives at the holder’s age on the issue day (5, 10, 20 years or long-term); sent to review.',
    en: REVIEW_EN,
    zh: REVIEW_ZH,
  },
  REVIEWER_DECISION: {
    message: 'A reviewer decided this verification.',
    en: 'Our team has reviewed your document. If you have questions about the result, please contact customer support.',
    zh: '工作人员已完成对您证件的审核。如对结果有疑问，请联系客服。',
  },
};

/** The contract's reason body (`reasons[]` of a verification). */
export interface ReasonView {
  code: ReasonCode;
  field: ReasonField | null;
  message: string;
  hint: { en: string; 'zh-CN': string };
}

type Label = [en: string, zh: string];

const FIELD_LABELS: Readonly<Record<ReasonField, Label>> = {
  fullName: ['name', '姓名'],
  surname: ['surname', '姓氏'],
  givenNames: ['given names', '名字'],
  chineseName: ['Chinese name', '中文姓名'],
  dateOfBirth: ['date of birth', '出生日期'],
  nationality: ['nationality', '国籍'],
  documentNumber: ['document number', '证件号码'],
  sex: ['sex', '性别'],
  documentCode: ['document code', '证件类型代码'],
  issuingCountry: ['issuing country', '签发国'],
  ethnicity: ['ethnicity', '民族'],
  address: ['address', '住址'],
  issuingAuthority: ['issuing authority', '签发机关'],
  validFrom: ['start of validity', '有效期起始日期'],
  issueDate: ['date of issue', '签发日期'],
  expiryDate: ['expiry date', '有效期'],
  permanent: ['residence status', '居民身份类别'],
  front: ['front', '正面'],
  back: ['back', '背面'],
};

/** What the holders of a document family call its parts (a Resident ID card's sides are 人像面 and 国徽面). */
const DOCUMENT_FIELD_LABELS: Readonly<Record<string, Partial<Record<ReasonField, Label>>>> = {
  cn_resident_id: {
    documentNumber: ['citizen ID number (公民身份号码)', '公民身份号码'],
    expiryDate: ['validity period (有效期限)', '有效期限'],
    issuingAuthority: ['issuing authority (签发机关)', '签发机关'],
    front: ['portrait side (人像面)', '人像面'],
    back: ['national emblem side (国徽面)', '国徽面'],
  },
  hk_identity_card: {
    documentNumber: ['identity card number', '身份证号码'],
    fullName: ['English name', '英文姓名'],
  },
};

function fieldLabel(field: ReasonField, document: string | null | undefined): Label {
  return (document && DOCUMENT_FIELD_LABELS[document]?.[field]) || FIELD_LABELS[field];
}

const TYPE_LABELS: Readonly<Record<DocumentType, Label>> = {
  passport: ['a passport', '护照'],
  id_card: ['a national identity card', '身份证件'],
  residence_permit: ['a residence permit', '居留许可'],
  visa: ['a visa', '签证'],
  cn_resident_id: ['a Chinese Resident Identity Card', '居民身份证（含港澳台居民居住证）'],
  hk_identity_card: ['a Hong Kong Identity Card', '香港身份证'],
};

const DEFAULT_MAX_MEGABYTES = 10;

/** `a, b or c` in English, `甲、乙或丙` in Chinese. */
function listOf(items: string[], lang: 'en' | 'zh'): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(lang === 'en' ? ', ' : '、');
  return lang === 'en' ? `${head} or ${items[items.length - 1]}` : `${head}或${items[items.length - 1]}`;
}

/** English in UTC; Chinese in Beijing time, which is what a reader in mainland China expects. */
function formatInstant(iso: string, lang: 'en' | 'zh'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (lang === 'en') {
    return `${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'short' }).format(date)} UTC`;
  }
  return `北京时间${new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }).format(date)}`;
}

function formatDay(iso: string, lang: 'en' | 'zh'): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'UTC',
    dateStyle: 'long',
  }).format(date);
}

function fill(template: string, reason: VerdictReason, lang: 'en' | 'zh'): string {
  const p: ReasonParams = reason.params ?? {};
  const index = lang === 'en' ? 0 : 1;
  const values: Record<string, string> = {
    field: reason.field ? fieldLabel(reason.field, p.document)[index] : '',
    retryAt: p.retryAt ? formatInstant(p.retryAt, lang) : '',
    reviewWhen: p.reviewBy
      ? lang === 'en'
        ? `by ${formatInstant(p.reviewBy, lang)}`
        : `于${formatInstant(p.reviewBy, lang)}前`
      : lang === 'en'
        ? 'shortly'
        : '尽快',
    expiryDate: p.expiryDate ? formatDay(p.expiryDate, lang) : '',
    acceptedTypes: listOf(
      (p.acceptedTypes?.length ? p.acceptedTypes : DOCUMENT_TYPES).map((t) => TYPE_LABELS[t][index]),
      lang,
    ),
    maxMegabytes: String(p.maxMegabytes ?? DEFAULT_MAX_MEGABYTES),
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The wording for the parameters the reason carries: the first switch whose parameter is known wins. */
function wordingFor(reason: VerdictReason): Wording {
  const entry = REASON_CATALOGUE[reason.code];
  const known: Record<SwitchParam, boolean> = {
    field: reason.field !== null,
    retryAt: Boolean(reason.params?.retryAt),
    // A review pending without a deadline is `reviewBy: null`; only an absent key means no review.
    reviewBy: reason.params?.reviewBy !== undefined,
    expiryDate: Boolean(reason.params?.expiryDate),
  };
  const switches = Object.entries(entry.with ?? {}) as [SwitchParam, Partial<Wording>][];
  const chosen = switches.find(([param]) => known[param]);
  // A review wording stays the review wording: the family's words only replace the plain one.
  const family =
    reason.params?.document && chosen?.[0] !== 'reviewBy'
      ? entry.forDocument?.[reason.params.document]
      : undefined;
  return { message: entry.message, en: entry.en, zh: entry.zh, ...chosen?.[1], ...family };
}

/** A decided reason as the contract shows it: English message for engineers, hints for the person in en and zh-CN. */
export function describeReason(reason: VerdictReason): ReasonView {
  const wording = wordingFor(reason);
  return {
    code: reason.code,
    field: reason.field,
    message: fill(wording.message, reason, 'en'),
    hint: { en: fill(wording.en, reason, 'en'), 'zh-CN': fill(wording.zh, reason, 'zh') },
  };
}
