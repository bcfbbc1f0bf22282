import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DEFAULT_TODAY, generateCardCase, generateCase, type GeneratedCardCase } from '@idv/synthetic';
import { buildConsole } from '../../apps/console/build';
import { startApi, startWorker, verdictOf, type ApiHarness } from '../support/api.harness';
import { seedVerification } from '../review/review.fixtures';

const CHROMIUM = process.env.IDV_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../artifacts/console');
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser)
  console.log(`console e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);

/**
 * A reviewer's shift in a real browser: sign in with a reviewer key, open the queue, claim a review of a generated
 * document whose date of birth differs from the record, see that field highlighted, decide, and find the queue empty.
 */
(haveBrowser ? describe : describe.skip)('reviewer console in Chromium', () => {
  let api: ApiHarness;
  let worker: { close(): Promise<void> };
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let verificationId: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const dir = buildConsole(path.join(ARTIFACTS, 'build'));
    api = await startApi('console', {
      IDV_NOW: `${DEFAULT_TODAY}T12:00:00Z`,
      IDV_REVIEW_SAMPLE_ACCEPTED: '0',
      IDV_CONSOLE_DIR: dir,
    });
    worker = await startWorker();
    // A real verdict of a generated ID card whose record has another date of birth, then the person appeals.
    const c = await generateCase(202, { scenario: 'clean', documentType: 'id_card' });
    const applicant = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send({ ...c.case.record, externalId: 'console-1', dateOfBirth: '1990-01-01' })
      .expect(201);
    const upload = request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicant.body.id);
    upload.attach('front', c.images.front, 'front.png');
    if (c.images.back) upload.attach('back', c.images.back, 'back.png');
    verificationId = (await upload.expect(202)).body.id;
    expect((await verdictOf(api, verificationId)).verdict).toBe('mismatch');
    await request(api.url)
      .post(`/v1/verifications/${verificationId}/appeal`)
      .set(api.auth('client'))
      .send({ reason: 'I think my date of birth was entered wrongly.' })
      .expect(201);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  it('serves the page with a strict content security policy', async () => {
    const res = await request(api.url).get('/console').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const script = await request(api.url).get('/console/main.mjs').expect(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    await request(api.url).get('/console/..%2Fpackage.json').expect(404);
  });

  it('signs in, claims the review, shows the differing field, decides, and empties the queue', async () => {
    await page.goto(`${api.url}/console`);
    await page.getByLabel('Reviewer API key').fill('not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Reviewer API key').fill(api.keys.reviewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#queue-item-0').waitFor();
    expect(await page.locator('#queue-item-0').innerText()).toMatch(/appeal[\s\S]*mismatch[\s\S]*waiting/i);
    await page.screenshot({ path: path.join(ARTIFACTS, '1-queue.png') });

    await page.keyboard.press('j');
    await page.locator('#claim').waitFor();
    await page.keyboard.press('c');
    await page.locator('#release').waitFor();
    await waitForText(page.getByRole('status'), /Claimed/);

    const dob = page.locator('tr[data-field="dateOfBirth"]');
    expect(await dob.getAttribute('class')).toContain('row-mismatch');
    expect(await dob.innerText()).toContain('1990-01-01');
    expect(await page.locator('tr[data-field="givenNames"]').getAttribute('class')).not.toContain(
      'row-mismatch',
    );
    await page.locator('#document-image').waitFor();
    expect(
      await page
        .locator('#document-image')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(300);
    await page.locator('#zoom-in').click();
    await page.locator('#rotate').click();
    expect(await page.locator('#document-image').getAttribute('data-rotation')).toBe('90');
    await page.locator('#reset-view').click();
    await page.screenshot({ path: path.join(ARTIFACTS, '2-review.png'), fullPage: true });

    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, '3-help-dialog.png') });
    await page.keyboard.press('Escape');

    await page.getByRole('radio', { name: 'Mismatch', exact: true }).check();
    expect(await page.locator('#code-FIELD_MISMATCH').isChecked()).toBe(true);
    await page
      .getByLabel('Note for the record')
      .fill('Date of birth on the card is the true one; record needs a correction.');
    await page.locator('form.decision').screenshot({ path: path.join(ARTIFACTS, '3-decision.png') });
    await page.getByRole('button', { name: 'Submit decision' }).click();
    await page.locator('#queue-empty').waitFor();
    await waitForText(page.getByRole('status'), /Decision recorded/);
    await page.screenshot({ path: path.join(ARTIFACTS, '4-empty.png') });

    const v = await request(api.url)
      .get(`/v1/verifications/${verificationId}`)
      .set(api.auth('client'))
      .expect(200);
    expect(v.body).toMatchObject({
      verdict: 'mismatch',
      review: { verdict: 'mismatch', reasonCodes: ['FIELD_MISMATCH', 'REVIEWER_DECISION'] },
    });
    const views = await request(api.url)
      .get(`/v1/audit-events?subjectId=${verificationId}&action=image.viewed`)
      .set(api.auth('auditor'));
    if (views.status === 200) expect(views.body.items.length).toBeGreaterThan(0);

    await page.keyboard.press('l');
    await waitForText(page.locator('#signout'), /^退出$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.screenshot({ path: path.join(ARTIFACTS, '5-zh.png') });
    // The decision's toast, still up when the language changed, changes with it.
    expect(await untranslated(page)).toEqual([]);
    // No script errors and no CSP violations; the one 401 is the wrong key tried first.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });

  /** Registers the card's holder and uploads its sides; resolves with the finished verification. */
  async function verifyCard(g: GeneratedCardCase, externalId: string) {
    const applicant = await request(api.url)
      .post('/v1/applicants')
      .set(api.auth('client'))
      .send({ ...g.case.record, externalId })
      .expect(201);
    const upload = request(api.url)
      .post('/v1/verifications')
      .set(api.auth('client'))
      .field('applicantId', applicant.body.id)
      .field('documentType', g.case.documentType);
    upload.attach('front', g.images.front!, 'front.png');
    if (g.images.back) upload.attach('back', g.images.back, 'back.png');
    return verdictOf(api, (await upload.expect(202)).body.id, 'client', 240_000);
  }

  /** Switches the console to `lang` with its shortcut, unless it is already there. */
  async function useLanguage(lang: 'en' | 'zh-CN') {
    if ((await page.locator('html').getAttribute('lang')) !== lang) await page.keyboard.press('l');
    await waitForText(page.locator('#signout'), lang === 'en' ? /^Sign out$/ : /^退出$/);
  }

  const cardFact = (name: string) => page.locator(`#card-panel [data-card="${name}"]`);
  const label = (name: string) => cardFact(name).locator('xpath=preceding-sibling::dt[1]');

  it('shows a Resident ID card and an HKID card beside the record, with the number’s checks, in both languages', async () => {
    // A Resident ID card whose validity term is not the one the law gives the holder's age: sent to review.
    const resident = await generateCardCase(23, { kind: 'cn_resident_id', scenario: 'validity-term' });
    const v = await verifyCard(resident, 'console-card-1');
    expect(v).toMatchObject({
      verdict: 'manual_review',
      reasons: [expect.objectContaining({ code: 'VALIDITY_INCONSISTENT' })],
    });
    // An HKID card accepted, then appealed by its holder.
    const hkid = await generateCardCase(59, { kind: 'hk_identity_card', scenario: 'clean' });
    const w = await verifyCard(hkid, 'console-card-2');
    expect(w.verdict).toBe('accepted');
    await request(api.url)
      .post(`/v1/verifications/${w.id}/appeal`)
      .set(api.auth('client'))
      .send({ reason: '我想确认审核结果。' })
      .expect(201);

    await page.locator('#refresh').click();
    await page.locator('#queue-item-1').waitFor();
    await useLanguage('zh-CN');
    // Both reviews are due at the same time: pick each by what it is, not by its place in the queue.
    await page.locator('#queue-list button', { hasText: '人工审核' }).click();
    await page.locator('#card-panel').waitFor();
    const truth = resident.case.groundTruth;
    const number = truth.fields.documentNumber!.value;
    expect(await page.locator('#card-title').innerText()).toBe('居民身份证');
    expect(await label('number').innerText()).toBe('公民身份号码');
    expect(await cardFact('number').innerText()).toBe(number);
    expect(await label('checkCharacter').innerText()).toBe('校验码');
    expect(await cardFact('checkCharacter').innerText()).toBe('✓ 有效');
    expect(await cardFact('numberBirthDate').innerText()).toBe('✓ 与证件所印一致');
    expect(await cardFact('numberSex').innerText()).toBe('✓ 与证件所印一致');
    expect(await cardFact('numberRegion').innerText()).toBe(
      `${number.slice(0, 6)} ✓ 现行或曾用的行政区划代码`,
    );
    expect(await label('validity').innerText()).toBe('有效期限');
    expect(await cardFact('validity').innerText()).toBe(
      `${truth.validFrom} – ${truth.longTerm ? '长期' : truth.expiryDate}`,
    );
    expect(await cardFact('validityTerm').innerText()).toBe('✕ 与规定的期限不符');
    expect(await label('issuingAuthority').innerText()).toBe('签发机关');
    expect(await cardFact('issuingAuthority').innerText()).toBe(truth.fields.issuingAuthority!.value);
    // The Han name on the card beside the name the person registered, as the engine compared them.
    const name = page.locator('tr[data-field="fullName"]');
    expect(await name.locator('th').innerText()).toBe('姓名');
    const registered = resident.case.record;
    expect(await name.locator('td').nth(0).innerText()).toBe(truth.fields.fullName!.value);
    expect(await name.locator('td').nth(1).innerText()).toBe(
      registered.fullName ?? `${registered.surname}${registered.givenNames}`,
    );
    expect(await name.getAttribute('class')).not.toContain('row-mismatch');
    expect(await page.locator('#side-front').innerText()).toBe('人像面');
    expect(await page.locator('#side-back').innerText()).toBe('国徽面');
    await page.locator('#document-image').waitFor();
    expect(await page.locator('#document-image').getAttribute('alt')).toBe('身份证人像面');
    await page.screenshot({ path: path.join(ARTIFACTS, '6-resident-id-zh.png'), fullPage: true });

    await useLanguage('en');
    expect(await page.locator('#card-title').innerText()).toBe('Resident Identity Card');
    expect(await label('number').innerText()).toBe('Citizen ID number');
    expect(await label('validity').innerText()).toBe('Validity');
    expect(await cardFact('validityTerm').innerText()).toBe('✕ Not the term the law sets');
    expect(await page.locator('#side-back').innerText()).toBe('National emblem side');
    expect(await name.locator('th').innerText()).toBe('Name');
    await page.screenshot({ path: path.join(ARTIFACTS, '7-resident-id-en.png'), fullPage: true });

    await page.locator('#queue-list button', { hasText: 'Appeal' }).click();
    await waitForText(page.locator('#card-title'), /^Hong Kong Identity Card$/);
    const hk = hkid.case.groundTruth;
    expect(await cardFact('englishName').innerText()).toBe(hk.fields.fullName!.value);
    expect(await cardFact('chineseName').innerText()).toBe(hk.fields.chineseName!.value);
    // The number as the card prints it, check digit in brackets.
    const hkNumber = hk.fields.documentNumber!.value;
    expect(await cardFact('number').innerText()).toBe(
      `${hkNumber.slice(0, -1)}(${hkNumber.slice(-1)}) ✓ Valid`,
    );
    expect(await cardFact('permanent').innerText()).toBe(hk.permanent ? 'Yes' : 'No');
    expect(await page.locator('tr[data-field="fullName"] th').innerText()).toBe('English name');
    await page.screenshot({ path: path.join(ARTIFACTS, '8-hkid-en.png'), fullPage: true });
    await useLanguage('zh-CN');
    expect(await page.locator('#card-title').innerText()).toBe('香港身份证');
    expect(await label('permanent').innerText()).toBe('永久性居民');
    expect(await cardFact('permanent').innerText()).toBe(hk.permanent ? '是' : '否');
    await page.screenshot({ path: path.join(ARTIFACTS, '9-hkid-zh.png'), fullPage: true });
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  }, 900_000);

  it('shows a Chinese session nothing in English but data: codes, numbers, names and IDs', async () => {
    await seedVerification(api, {
      verdict: 'manual_review',
      reasons: [{ code: 'FIELD_MISMATCH', field: 'surname' }, { code: 'LOW_CONFIDENCE' }],
      document: {
        type: 'passport',
        format: 'TD3',
        issuingCountry: 'SWE',
        surname: 'ERIKSON',
        givenNames: 'ANNA MARIA',
        expiryDate: '2031-01-01',
      },
    });
    const seen: string[] = [];
    const look = async (moment: string) =>
      seen.push(...(await untranslated(page)).map((t) => `${moment}: ${t}`));

    // Each step of a review, then a look at everything on the page.
    const steps: Array<[moment: string, act: () => Promise<unknown>, until: Locator]> = [
      ['queue', () => page.locator('#refresh').click(), page.locator('#queue-item-0')],
      ['review', () => page.keyboard.press('j'), page.locator('#claim')],
      ['claimed', () => page.keyboard.press('c'), page.locator('#release')],
      ['verdict chosen', () => page.locator('#verdict-mismatch').check(), page.locator('.verdict-chosen')],
      ['help', () => page.keyboard.press('?'), page.getByRole('dialog')],
    ];
    for (const [moment, act, until] of steps) {
      await act();
      await until.waitFor();
      await look(moment);
    }
    await page.keyboard.press('Escape');
    // The lease is given up behind the console's back: its next call fails, and says so in Chinese. (The review
    // `j` opened is the queue's first: the cards of the test before may be due earlier than the one seeded here.)
    const claimed = (
      await request(api.url).get('/v1/reviews?status=claimed').set(api.auth('reviewer')).expect(200)
    ).body.items as Array<{ id: string; verificationId: string }>;
    expect(claimed).toHaveLength(1);
    const [review] = claimed;
    await request(api.url).post(`/v1/reviews/${review.id}/release`).set(api.auth('reviewer')).expect(200);
    await page.locator('#renew').click();
    await page.locator('#status.toast-error').waitFor({ state: 'attached' });
    await look('error');
    await page.screenshot({ path: path.join(ARTIFACTS, '10-zh-review.png'), fullPage: true });
    expect(seen).toEqual([]);
  });
});

/**
 * What a Chinese session shows in English: every text node and every label read aloud (aria-label, title, alt,
 * placeholder), hidden toasts and screen-reader text included. Data is left out: codes, keys, MRZ lines, document
 * and record values, quoted text (<code>, <kbd>, <pre>, `.mono`, <blockquote>, form fields), anything marked as
 * another language (the English button), and tokens that are codes, numbers or IDs (SWE, TD3, 1990-01-01, a1b2c3d4).
 * A text is reported when Latin words are left once those are taken out.
 */
function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(UNTRANSLATED);
}

/** Runs in the page (the test project has no DOM types, so it is plain JavaScript). */
const UNTRANSLATED = String.raw`(() => {
  const DATA = 'code, kbd, pre, .mono, blockquote, textarea, input, script, style';
  const codesAndIds = /\b([A-Z][A-Z0-9_<]+|[0-9a-f]{8}(-[0-9a-f]{4}){0,4}(-[0-9a-f]{12})?|[0-9][0-9.:,\-–×%]*)\b/g;
  const english = (text) => /[A-Za-z]{2,}/.test(text.replace(codesAndIds, ' '));
  const skipped = (el) =>
    !el || !!el.closest(DATA) || !((el.closest('[lang]') || document.documentElement).getAttribute('lang') || '').startsWith('zh');
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent || '').trim();
    if (text && !skipped(node.parentElement) && english(text)) found.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
    if (skipped(el)) continue;
    for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && english(value)) found.push(name + '="' + value + '"');
    }
  }
  if (english(document.title)) found.push('title: ' + document.title);
  return found;
})()`;

/** Waits until the locator's text matches (playwright-core comes without the test runner's expect). */
async function waitForText(locator: Locator, pattern: RegExp, ms = 5000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = (await locator.textContent()) ?? '';
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`"${text}" never matched ${pattern}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
