import { ApiError, ReviewApi } from './api.mjs';
import { compareFields, isCard, type FieldRow } from './compare.js';
import { h } from './dom.mjs';
import { formatDuration, MESSAGES, translate, type Lang, type MessageKey } from './i18n.js';

/** The parts of the review API the console reads (see GET /v1/reviews and GET /v1/reviews/:id). */
interface Decision {
  reviewerId: string;
  verdict: string;
  reasonCodes: string[];
  note: string | null;
  decidedAt: string;
}
interface Review {
  id: string;
  verificationId: string;
  reason: 'manual_review' | 'appeal' | 'quality_sample';
  status: 'pending' | 'claimed' | 'decided';
  automatedVerdict: string;
  appealReason: string | null;
  claimedBy: string | null;
  leaseUntil: string | null;
  needsSecondReviewer: boolean;
  decisions: Decision[];
  decision: Decision | null;
  createdAt: string;
  ageSeconds: number;
  slaDueAt: string;
  slaBreached: boolean;
}
interface Reason {
  code: string;
  field: string | null;
  message: string;
}
interface Detail {
  review: Review;
  verification: {
    id: string;
    verdict: string | null;
    reasons: Reason[];
    document: Record<string, unknown> | null;
    checks: {
      quality?: {
        passed?: boolean;
        sharpness?: number;
        glare?: number;
        brightness?: number;
        resolution?: number[];
      };
      mrz?: { found?: boolean; valid?: boolean; lines?: string[] };
      comparison?: Record<string, unknown>;
      /** A Chinese card's number checks (null where the card gave nothing to check against). */
      idNumber?: {
        valid?: boolean;
        dateOfBirthConsistent?: boolean | null;
        sexConsistent?: boolean | null;
        regionKnown?: boolean | null;
      } | null;
      expiry?: { longTerm?: boolean };
      /** Which upload showed which side of a Resident ID card. */
      sides?: { portrait?: 'front' | 'back' | null; emblem?: 'front' | 'back' | null; swapped?: boolean };
      evidence?: { integrity?: Array<{ name: string; holds: boolean }> };
    } | null;
  };
  applicant: Record<string, unknown>;
  images: Array<'front' | 'back'>;
}
type Tab = 'pending' | 'claimed' | 'decided';

const VERDICTS = ['accepted', 'mismatch', 'unreadable', 'expired', 'unsupported', 'rejected'] as const;
/** The reason codes a reviewer picks from, most used first. */
const REASON_CODES = [
  'FIELD_MISMATCH',
  'IMAGE_BLURRED',
  'IMAGE_GLARE',
  'IMAGE_TOO_DARK',
  'IMAGE_TOO_BRIGHT',
  'IMAGE_LOW_RESOLUTION',
  'DOCUMENT_CUT_OFF',
  'DOCUMENT_NOT_FOUND',
  'MRZ_NOT_FOUND',
  'MRZ_UNREADABLE',
  'MRZ_CHECK_DIGIT_INVALID',
  'DOCUMENT_EXPIRED',
  'DOCUMENT_TYPE_UNSUPPORTED',
  'DUPLICATE_DOCUMENT',
  'VISUAL_ZONE_INCONSISTENT',
  'FIELD_UNREADABLE',
  'DOCUMENT_SIDE_MISSING',
  'DOCUMENT_COPY',
  'ID_NUMBER_INVALID',
  'ID_NUMBER_INCONSISTENT',
  'VALIDITY_INCONSISTENT',
];
const FIELD_LABELS: Record<string, MessageKey> = {
  surname: 'fieldSurname',
  givenNames: 'fieldGivenNames',
  fullName: 'fieldFullName',
  chineseName: 'fieldChineseName',
  dateOfBirth: 'fieldDateOfBirth',
  nationality: 'fieldNationality',
  sex: 'fieldSex',
  documentNumber: 'fieldDocumentNumber',
  expiryDate: 'validity',
  validFrom: 'validity',
  issuingAuthority: 'issuingAuthority',
  issueDate: 'issueDate',
  ethnicity: 'ethnicity',
  address: 'address',
  front: 'front',
  back: 'back',
  issuingCountry: 'fieldIssuingCountry',
};
/** What the console says for an API error code: the server's own message is English, for engineers. */
const ERROR_MESSAGES: Record<string, MessageKey> = {
  unauthorized: 'errorUnauthorized',
  forbidden: 'errorForbidden',
  not_found: 'errorNotFound',
  review_not_found: 'errorNotFound',
  review_claimed: 'errorReviewClaimed',
  review_decided: 'errorReviewDecided',
  not_lease_holder: 'errorNotLeaseHolder',
  lease_required: 'errorNotLeaseHolder',
  second_reviewer_required: 'errorSecondReviewer',
  validation_failed: 'errorValidation',
  rate_limited: 'errorRateLimited',
  too_many_requests: 'errorRateLimited',
  service_unavailable: 'errorUnavailable',
};

/** A field's label where the document names it its own way (公民身份号码, an HKID's English name, 人像面). */
function fieldLabel(field: string, document: Record<string, unknown> | null): MessageKey {
  const format = document?.format;
  if (format === 'HKID') {
    if (field === 'fullName') return 'fieldEnglishName';
    if (field === 'documentNumber') return 'hkidNumber';
  } else if (isCard(document)) {
    if (field === 'documentNumber') return 'citizenNumber';
    if (field === 'front') return 'portraitSide';
    if (field === 'back') return 'emblemSide';
  }
  return FIELD_LABELS[field] ?? 'field';
}

/**
 * What an uploaded side shows on a two-sided Chinese card: the portrait side (人像面) or the emblem side (国徽面),
 * whichever upload it came as; null for other documents.
 */
function cardSideLabel(d: Detail, side: 'front' | 'back'): MessageKey | null {
  const doc = d.verification.document;
  if (!isCard(doc) || doc?.format === 'HKID') return null;
  const sides = d.verification.checks?.sides;
  const portrait = sides?.portrait ?? (sides?.emblem === 'front' ? 'back' : 'front');
  return side === portrait ? 'portraitSide' : 'emblemSide';
}
const REASON_LABELS: Record<Review['reason'], MessageKey> = {
  manual_review: 'reasonManualReview',
  appeal: 'reasonAppeal',
  quality_sample: 'reasonQualitySample',
};

/** Everything on screen derives from this; each change re-renders. */
const state = {
  key: sessionStorage.getItem('idv.key'),
  me: sessionStorage.getItem('idv.me'),
  lang:
    (localStorage.getItem('idv.lang') as Lang | null) ??
    (navigator.language.startsWith('zh') ? 'zh-CN' : 'en'),
  tab: 'pending' as Tab,
  queue: [] as Review[],
  selected: -1,
  detail: null as Detail | null,
  side: 'front' as 'front' | 'back',
  images: new Map<string, string | null>(),
  zoom: 1,
  rotation: 0,
  verdict: null as string | null,
  codes: new Set<string>(),
  note: '',
  busy: false,
  /** Messages are kept as what to say, not as text, so that a change of language changes them too. */
  signInError: null as (() => string) | null,
  toast: null as { say: () => string; kind: 'ok' | 'error'; until: number } | null,
  help: false,
};

const t = (key: MessageKey, params?: Record<string, string | number>) => translate(state.lang, key, params);
const api = () => new ReviewApi(state.key ?? '');
const timeOf = (iso: string | null) =>
  iso ? new Date(iso).toLocaleTimeString(state.lang, { hour: '2-digit', minute: '2-digit' }) : '';
/** Seconds until the SLA is due, from the server's own figures (its clock may differ from this browser's). */
const dueIn = (r: Review) =>
  (new Date(r.slaDueAt).getTime() - new Date(r.createdAt).getTime()) / 1000 - r.ageSeconds;
const verdictLabel = (v: string | null) => (v ? t(`verdict_${v}` as MessageKey) : '—');

const TOAST_MS = 4000;

/** Shows a toast; `say` is called on every render, in the language of the moment. */
function announce(say: () => string, kind: 'ok' | 'error' = 'ok'): void {
  state.toast = { say, kind, until: Date.now() + TOAST_MS };
  renderToast();
  window.setTimeout(renderToast, TOAST_MS);
}

/** The status region outside the app root: its text is only replaced when it changes, so it is read out once. */
function renderToast(): void {
  const status = document.getElementById('status')!;
  const toast = state.toast;
  const text = toast ? toast.say() : '';
  if (status.textContent !== text) status.textContent = text;
  status.className = toast
    ? `toast toast-${toast.kind}${Date.now() < toast.until ? ' toast-show' : ''}`
    : 'toast';
}

/** Why a call failed, in the console's words (an API error by its code, anything else as unreachable). */
function failure(err: unknown): string {
  if (!(err instanceof ApiError)) return t('errorNetwork');
  const key =
    ERROR_MESSAGES[err.code] ??
    (err.status === 401 ? 'errorUnauthorized' : err.status === 503 ? 'errorUnavailable' : null);
  return key ? t(key) : t('errorOther', { status: err.status, code: err.code });
}

// ---------------------------------------------------------------- data

async function loadQueue(keepSelection = true): Promise<void> {
  const selectedId = keepSelection ? state.queue[state.selected]?.id : undefined;
  const page = await api().get<{ items: Review[] }>(`/v1/reviews?status=${state.tab}&limit=200`);
  state.queue = page.items;
  const again = state.queue.findIndex((r) => r.id === selectedId);
  state.selected = again >= 0 ? again : -1;
  if (state.selected < 0) state.detail = null;
  render();
}

async function open(index: number): Promise<void> {
  if (index < 0 || index >= state.queue.length) return;
  const changed = state.queue[index].id !== state.detail?.review.id;
  state.selected = index;
  if (changed) {
    state.detail = null;
    state.side = 'front';
    state.zoom = 1;
    state.rotation = 0;
    state.verdict = null;
    state.codes = new Set();
    state.note = '';
  }
  render();
  state.detail = await api().get<Detail>(`/v1/reviews/${state.queue[index].id}`);
  if (changed)
    state.codes = new Set(
      state.detail.verification.reasons.map((r) => r.code).filter((c) => REASON_CODES.includes(c)),
    );
  render();
  void loadImage(state.detail);
}

async function loadImage(detail: Detail): Promise<void> {
  const key = `${detail.verification.id}:${state.side}`;
  if (state.images.has(key) || !detail.images.includes(state.side)) return;
  const blob = await api().image(`/v1/verifications/${detail.verification.id}/images/${state.side}`);
  state.images.set(key, blob ? URL.createObjectURL(blob) : null);
  render();
}

async function act(work: () => Promise<void>): Promise<void> {
  if (state.busy) return;
  state.busy = true;
  render();
  try {
    await work();
  } catch (err) {
    announce(() => t('errorToast', { message: failure(err) }), 'error');
  } finally {
    state.busy = false;
    render();
  }
}

const current = () => state.detail?.review ?? null;
const holding = () => {
  const r = current();
  return !!r && r.status === 'claimed' && !!state.me && r.claimedBy === state.me;
};

function claim(): Promise<void> {
  return act(async () => {
    const r = current();
    if (!r) return;
    const claimed = await api().post<Review>(`/v1/reviews/${r.id}/claim`);
    state.me = claimed.claimedBy;
    sessionStorage.setItem('idv.me', state.me ?? '');
    state.detail = { ...state.detail!, review: claimed };
    announce(() => t('claimedToast', { time: timeOf(claimed.leaseUntil) }));
  });
}

function release(): Promise<void> {
  return act(async () => {
    const r = current();
    if (!r) return;
    state.detail = { ...state.detail!, review: await api().post<Review>(`/v1/reviews/${r.id}/release`) };
    announce(() => t('releasedToast'));
  });
}

function renew(): Promise<void> {
  return act(async () => {
    const r = current();
    if (!r) return;
    const renewed = await api().post<Review>(`/v1/reviews/${r.id}/renew`);
    state.detail = { ...state.detail!, review: renewed };
    announce(() => t('renewedToast', { time: timeOf(renewed.leaseUntil) }));
  });
}

function decide(): Promise<void> {
  return act(async () => {
    const r = current();
    if (!r || !state.verdict) return;
    const done = await api().post<Review>(`/v1/reviews/${r.id}/decision`, {
      verdict: state.verdict,
      reasonCodes: state.verdict === 'accepted' ? [] : [...state.codes],
      note: state.note.trim() || undefined,
    });
    const verdict = done.decision?.verdict ?? null;
    announce(() =>
      done.status === 'decided'
        ? t('decidedToast', { verdict: verdictLabel(verdict) })
        : t('heldForSecondToast'),
    );
    state.detail = null;
    state.selected = -1;
    await loadQueue(false);
    if (state.queue.length > 0) await open(0);
  });
}

async function signIn(key: string): Promise<void> {
  state.busy = true;
  state.signInError = null;
  render();
  try {
    await new ReviewApi(key).get('/v1/reviews?limit=1');
    state.key = key;
    sessionStorage.setItem('idv.key', key);
    state.busy = false;
    await loadQueue(false);
    document.getElementById('queue-list')?.querySelector<HTMLElement>('button')?.focus();
  } catch (err) {
    state.busy = false;
    state.signInError =
      err instanceof ApiError && (err.status === 401 || err.status === 403)
        ? () => t('keyRejected')
        : () => failure(err);
    render();
  }
}

function signOut(): void {
  sessionStorage.removeItem('idv.key');
  sessionStorage.removeItem('idv.me');
  for (const url of state.images.values()) if (url) URL.revokeObjectURL(url);
  Object.assign(state, { key: null, me: null, queue: [], selected: -1, detail: null, images: new Map() });
  render();
}

function setLang(lang: Lang): void {
  state.lang = lang;
  localStorage.setItem('idv.lang', lang);
  render();
}

// ---------------------------------------------------------------- views

function render(): void {
  const focusedId = document.activeElement?.id;
  document.documentElement.lang = state.lang;
  document.title = `${t('appName')} · IDV`;
  const skip = document.querySelector('.skip-link');
  if (skip) skip.textContent = t('skipToContent');
  renderToast();
  const root = document.getElementById('app')!;
  root.replaceChildren(state.key ? shell() : signInView());
  if (state.help) root.append(helpDialog());
  const again = focusedId ? document.getElementById(focusedId) : null;
  if (again) again.focus();
}

function langButton(): HTMLElement {
  return h(
    'button',
    {
      id: 'lang-toggle',
      class: 'btn btn-ghost',
      type: 'button',
      lang: state.lang === 'en' ? 'zh-CN' : 'en',
      'aria-label': `${t('language')}: ${t('otherLanguage')}`,
      onclick: () => setLang(state.lang === 'en' ? 'zh-CN' : 'en'),
    },
    t('otherLanguage'),
  );
}

function signInView(): HTMLElement {
  let input: HTMLInputElement;
  const form = h(
    'form',
    {
      class: 'signin-card',
      'aria-labelledby': 'signin-title',
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (input.value.trim()) void signIn(input.value.trim());
      },
    },
    h(
      'div',
      { class: 'brand brand-large' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '✓'),
      t('appName'),
    ),
    h('h1', { id: 'signin-title' }, t('signInTitle')),
    h('p', { class: 'muted' }, t('signInLead')),
    h('label', { for: 'api-key' }, t('apiKey')),
    (input = h('input', {
      id: 'api-key',
      name: 'api-key',
      type: 'password',
      autocomplete: 'off',
      spellcheck: 'false',
      required: true,
      'aria-invalid': state.signInError ? 'true' : null,
      'aria-describedby': state.signInError ? 'signin-error' : null,
    }) as HTMLInputElement),
    state.signInError &&
      h('p', { id: 'signin-error', class: 'field-error', role: 'alert' }, state.signInError()),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { id: 'signin-submit', class: 'btn btn-primary', type: 'submit', disabled: state.busy },
        state.busy ? t('signingIn') : t('signIn'),
      ),
      langButton(),
    ),
  );
  return h('main', { id: 'main', class: 'signin' }, form);
}

function shell(): HTMLElement {
  return h(
    'div',
    { class: 'shell' },
    h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'brand' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '✓'),
        t('appName'),
      ),
      h(
        'div',
        { class: 'topbar-actions' },
        h(
          'button',
          {
            id: 'help-button',
            class: 'btn btn-ghost',
            type: 'button',
            'aria-keyshortcuts': '?',
            onclick: () => {
              state.help = true;
              render();
            },
          },
          '?',
          h('span', { class: 'sr-only' }, t('help')),
        ),
        langButton(),
        h(
          'button',
          { id: 'signout', class: 'btn btn-ghost', type: 'button', onclick: signOut },
          t('signOut'),
        ),
      ),
    ),
    h(
      'div',
      { class: 'layout' },
      queueView(),
      h('main', { id: 'main', class: 'workspace', tabindex: '-1' }, reviewView()),
    ),
  );
}

function queueView(): HTMLElement {
  const tabs: Tab[] = ['pending', 'claimed', 'decided'];
  return h(
    'nav',
    { class: 'queue', 'aria-label': t('queue') },
    h(
      'div',
      { class: 'queue-head' },
      h('h2', {}, t('queue')),
      h(
        'button',
        {
          id: 'refresh',
          class: 'btn btn-ghost btn-small',
          type: 'button',
          onclick: () => void act(() => loadQueue()),
        },
        t('refresh'),
      ),
    ),
    h(
      'div',
      { class: 'tabs', role: 'group', 'aria-label': t('queue') },
      tabs.map((tab) =>
        h(
          'button',
          {
            id: `tab-${tab}`,
            type: 'button',
            class: `tab${state.tab === tab ? ' tab-active' : ''}`,
            'aria-pressed': String(state.tab === tab),
            onclick: () => {
              state.tab = tab;
              state.detail = null;
              void act(() => loadQueue(false));
            },
          },
          t(tab),
          state.tab === tab ? h('span', { class: 'count' }, state.queue.length) : null,
        ),
      ),
    ),
    state.queue.length === 0
      ? h(
          'p',
          { class: 'queue-empty', id: 'queue-empty' },
          state.tab === 'pending' ? t('queueEmpty') : t('queueEmptyOther'),
        )
      : h(
          'ol',
          { class: 'queue-list', id: 'queue-list' },
          state.queue.map((r, i) => queueItem(r, i)),
        ),
  );
}

function queueItem(r: Review, i: number): HTMLElement {
  const selected = i === state.selected;
  const due = dueIn(r);
  return h(
    'li',
    {},
    h(
      'button',
      {
        id: `queue-item-${i}`,
        type: 'button',
        class: `queue-item${selected ? ' queue-item-selected' : ''}${r.slaBreached ? ' queue-item-late' : ''}`,
        'aria-current': selected ? 'true' : null,
        onclick: () => void open(i),
      },
      h(
        'span',
        { class: 'queue-item-top' },
        h('span', { class: `badge badge-${r.reason}` }, t(REASON_LABELS[r.reason])),
        r.needsSecondReviewer && h('span', { class: 'badge badge-warn' }, t('needsSecond')),
      ),
      h(
        'span',
        { class: 'queue-item-verdict' },
        `${t('automatedVerdict')}: ${verdictLabel(r.automatedVerdict)}`,
      ),
      h(
        'span',
        { class: 'queue-item-meta' },
        h('span', {}, t('age', { age: formatDuration(state.lang, r.ageSeconds) })),
        r.slaBreached
          ? h('span', { class: 'sla sla-breached' }, '⚠ ', t('slaBreached'))
          : r.status !== 'decided' &&
              h('span', { class: 'sla' }, t('slaDueIn', { age: formatDuration(state.lang, due) })),
      ),
    ),
  );
}

function reviewView(): HTMLElement {
  const d = state.detail;
  if (!d)
    return h('div', { class: 'empty-state' }, h('p', {}, state.selected >= 0 ? '…' : t('selectReview')));
  const r = d.review;
  return h(
    'article',
    { class: 'review', 'aria-labelledby': 'review-title' },
    h(
      'header',
      { class: 'review-head' },
      h(
        'div',
        {},
        h(
          'h1',
          { id: 'review-title' },
          h('span', { class: `badge badge-${r.reason}` }, t(REASON_LABELS[r.reason])),
          ' ',
          `${t('automatedVerdict')}: `,
          h('strong', {}, verdictLabel(r.automatedVerdict)),
        ),
        h(
          'p',
          { class: 'muted' },
          t('age', { age: formatDuration(state.lang, r.ageSeconds) }),
          ' · ',
          r.slaBreached
            ? h('span', { class: 'sla-breached' }, t('slaBreached'))
            : t('slaDueIn', {
                age: formatDuration(state.lang, dueIn(r)),
              }),
        ),
      ),
      leaseBar(r),
    ),
    r.needsSecondReviewer &&
      h(
        'section',
        { class: 'callout callout-warn', 'aria-labelledby': 'second-title' },
        h('h2', { id: 'second-title' }, t('needsSecond')),
        h('p', {}, t('needsSecondLead')),
        h(
          'ul',
          {},
          r.decisions.map((x) =>
            h(
              'li',
              {},
              `${verdictLabel(x.verdict)} — ${x.reasonCodes.join(', ')}${x.note ? ` — “${x.note}”` : ''}`,
            ),
          ),
        ),
      ),
    r.appealReason &&
      h(
        'section',
        { class: 'callout', 'aria-labelledby': 'appeal-title' },
        h('h2', { id: 'appeal-title' }, t('appealReason')),
        h('blockquote', {}, r.appealReason),
      ),
    h(
      'div',
      { class: 'review-grid' },
      imagePanel(d),
      h(
        'div',
        { class: 'review-data' },
        fieldsTable(d),
        isCard(d.verification.document) && cardPanel(d),
        checksPanel(d),
        reasonsPanel(d),
      ),
    ),
    r.status === 'decided' ? decidedPanel(r) : decisionForm(),
  );
}

function leaseBar(r: Review): HTMLElement {
  if (r.status === 'decided') return h('div', {});
  const mine = holding();
  return h(
    'div',
    { class: 'lease' },
    h(
      'p',
      { class: 'muted' },
      mine
        ? t('heldByYou', { time: timeOf(r.leaseUntil) })
        : r.status === 'claimed'
          ? t('heldByOther', { time: timeOf(r.leaseUntil) })
          : t('notClaimed'),
    ),
    h(
      'div',
      { class: 'row' },
      mine
        ? [
            h(
              'button',
              {
                id: 'renew',
                class: 'btn',
                type: 'button',
                disabled: state.busy,
                onclick: () => void renew(),
              },
              t('renew'),
            ),
            h(
              'button',
              {
                id: 'release',
                class: 'btn',
                type: 'button',
                disabled: state.busy,
                onclick: () => void release(),
              },
              t('release'),
            ),
          ]
        : h(
            'button',
            {
              id: 'claim',
              class: 'btn btn-primary',
              type: 'button',
              'aria-keyshortcuts': 'c',
              disabled: state.busy || r.status === 'claimed',
              onclick: () => void claim(),
            },
            t('claim'),
            h('kbd', { 'aria-hidden': 'true' }, 'c'),
          ),
    ),
  );
}

function imagePanel(d: Detail): HTMLElement {
  const url = state.images.get(`${d.verification.id}:${state.side}`);
  const available = d.images.includes(state.side);
  const tool = (id: string, label: MessageKey, text: string, fn: () => void) =>
    h(
      'button',
      {
        id,
        class: 'btn btn-icon',
        type: 'button',
        'aria-label': t(label),
        title: t(label),
        onclick: () => {
          fn();
          render();
        },
      },
      text,
    );
  return h(
    'section',
    { class: 'panel image-panel', 'aria-labelledby': 'image-title' },
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'image-title' }, t('document')),
      h(
        'div',
        { class: 'row' },
        (['front', 'back'] as const).map((side) =>
          h(
            'button',
            {
              id: `side-${side}`,
              type: 'button',
              class: `tab${state.side === side ? ' tab-active' : ''}`,
              'aria-pressed': String(state.side === side),
              disabled: !d.images.includes(side),
              onclick: () => {
                state.side = side;
                render();
                void loadImage(d);
              },
            },
            t(cardSideLabel(d, side) ?? side),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'image-stage' },
      !available
        ? h('p', { class: 'muted' }, t('noImage'))
        : url
          ? documentImage(url, cardSideLabel(d, state.side))
          : h('p', { class: 'muted' }, '…'),
    ),
    h(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': t('document') },
      tool('zoom-out', 'zoomOut', '−', () => (state.zoom = Math.max(0.5, state.zoom - 0.25))),
      h('span', { class: 'zoom-level', 'aria-live': 'polite' }, `${Math.round(state.zoom * 100)}%`),
      tool('zoom-in', 'zoomIn', '+', () => (state.zoom = Math.min(3, state.zoom + 0.25))),
      tool('rotate', 'rotate', '⟳', () => (state.rotation = (state.rotation + 90) % 360)),
      tool('reset-view', 'resetView', '⤢', () => {
        state.zoom = 1;
        state.rotation = 0;
      }),
    ),
  );
}

/** The image, zoomed and rotated through the CSSOM (the CSP forbids inline style attributes, not this). */
function documentImage(url: string, cardSide: MessageKey | null): HTMLElement {
  const img = h('img', {
    id: 'document-image',
    class: 'doc-image',
    src: url,
    alt: cardSide ? t('cardImageAlt', { side: t(cardSide) }) : t('imageAlt', { side: t(state.side) }),
    'data-zoom': state.zoom,
    'data-rotation': state.rotation,
  });
  img.style.transform = `rotate(${state.rotation}deg) scale(${state.zoom})`;
  return img;
}

function fieldsTable(d: Detail): HTMLElement {
  const rows: FieldRow[] = compareFields(
    d.verification.document,
    d.applicant,
    d.verification.checks?.comparison,
  );
  const resultCell = (row: FieldRow) =>
    row.result
      ? h(
          'span',
          { class: `result result-${row.result}` },
          row.result === 'match' ? '✓ ' : row.result === 'mismatch' ? '✕ ' : '? ',
          t(row.result),
        )
      : '—';
  const doc = d.verification.document ?? {};
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'fields-title' },
    h('h2', { id: 'fields-title' }, t('fields')),
    h(
      'table',
      { class: 'fields' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('field')),
          h('th', { scope: 'col' }, t('onDocument')),
          h('th', { scope: 'col' }, t('onRecord')),
          h('th', { scope: 'col' }, t('result')),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {
              class:
                row.result === 'mismatch' ? 'row-mismatch' : row.result === 'missing' ? 'row-missing' : '',
              'data-field': row.field,
            },
            h('th', { scope: 'row' }, t(fieldLabel(row.field, d.verification.document))),
            h('td', { class: 'mono' }, row.document ?? '—'),
            h('td', { class: 'mono' }, row.record ?? '—'),
            h('td', {}, resultCell(row)),
          ),
        ),
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      fact('fieldType', [documentTypeLabel(doc.type), doc.format].filter(Boolean).join(' · ')),
      fact('fieldIssuingCountry', doc.issuingCountry),
      // A card's validity (or an HKID's lack of one) is in its own panel, with 长期 for a long-term card.
      !isCard(doc) && fact('fieldExpiryDate', doc.expiryDate),
    ),
  );
}

/** A document type in words (`passport` → Passport / 护照); an unknown one as the code it is. */
function documentTypeLabel(type: unknown): string | null {
  if (typeof type !== 'string' || !type) return null;
  const key = `docType_${type}`;
  return key in MESSAGES.en ? t(key as MessageKey) : type;
}

function fact(label: MessageKey, value: unknown): HTMLElement[] {
  return [h('dt', {}, t(label)), h('dd', { class: 'mono' }, value ? String(value) : '—')];
}

/** ✓ or ✕ with its word; a dash when there was nothing to check. */
function flag(ok: boolean | null | undefined, yes: MessageKey, no: MessageKey): HTMLElement | string {
  return ok === undefined || ok === null
    ? '—'
    : h('span', { class: `result result-${ok ? 'match' : 'mismatch'}` }, ok ? '✓ ' : '✕ ', t(ok ? yes : no));
}

/** A term, its value, and the check that vouches for it (or not). */
function checkedFact(
  id: string,
  label: MessageKey,
  value: unknown,
  check?: HTMLElement | string,
): HTMLElement[] {
  return [
    h('dt', {}, t(label)),
    h(
      'dd',
      { 'data-card': id },
      value ? h('span', { class: 'mono' }, String(value)) : check ? null : '—',
      check ? [value ? ' ' : null, check] : null,
    ),
  ];
}

/**
 * A Chinese or Hong Kong card's printed fields beside the checks the card itself allows: the number's check
 * character, its birth date, sex and region against what is printed, the validity and whether its term is the
 * one the law gives the holder's age; an HKID's two names and permanent-resident status.
 */
function cardPanel(d: Detail): HTMLElement {
  const doc = d.verification.document ?? {};
  const checks = d.verification.checks ?? {};
  const id = checks.idNumber ?? null;
  const integrity = new Map((checks.evidence?.integrity ?? []).map((c) => [c.name, c.holds]));
  const hkid = doc.format === 'HKID';
  const title: MessageKey = hkid
    ? 'cardHkid'
    : doc.format === 'CN_RESIDENCE_PERMIT'
      ? 'cardResidencePermit'
      : 'cardResidentId';
  const agrees = (ok: boolean | null | undefined) =>
    ok === null
      ? h('span', { class: 'muted' }, t('notCompared'))
      : flag(ok, 'agreesWithCard', 'differsFromCard');
  const facts: HTMLElement[] = hkid
    ? [
        ...checkedFact('englishName', 'fieldEnglishName', doc.fullName),
        ...checkedFact('chineseName', 'fieldChineseName', doc.chineseName),
        ...checkedFact(
          'number',
          'hkidNumber',
          hkidPrinted(doc.documentNumber),
          flag(id?.valid, 'valid', 'invalid'),
        ),
        ...checkedFact(
          'permanent',
          'permanentResident',
          doc.permanent === true ? t('yes') : doc.permanent === false ? t('no') : null,
        ),
        ...checkedFact('issueDate', 'issueDate', doc.issueDate),
      ]
    : [
        ...checkedFact('fullName', 'fieldFullName', doc.fullName),
        ...checkedFact('number', 'citizenNumber', doc.documentNumber),
        ...(id
          ? [
              ...checkedFact('checkCharacter', 'checkCharacter', null, flag(id.valid, 'valid', 'invalid')),
              ...checkedFact('numberBirthDate', 'numberBirthDate', null, agrees(id.dateOfBirthConsistent)),
              ...checkedFact('numberSex', 'numberSex', null, agrees(id.sexConsistent)),
              ...checkedFact(
                'numberRegion',
                'numberRegion',
                String(doc.documentNumber ?? '').slice(0, 6),
                flag(id.regionKnown, 'regionKnown', 'regionUnknown'),
              ),
            ]
          : []),
        ...checkedFact('validity', 'validity', validity(doc, checks.expiry?.longTerm === true)),
        ...checkedFact(
          'validityTerm',
          'validityTerm',
          null,
          integrity.has('validity.term')
            ? flag(integrity.get('validity.term'), 'termConsistent', 'termInconsistent')
            : '—',
        ),
        ...checkedFact('issuingAuthority', 'issuingAuthority', doc.issuingAuthority),
        ...checkedFact('ethnicity', 'ethnicity', doc.ethnicity),
        ...checkedFact('address', 'address', doc.address),
      ];
  return h(
    'section',
    { id: 'card-panel', class: 'panel', 'aria-labelledby': 'card-title' },
    h('h2', { id: 'card-title' }, t(title)),
    checks.sides?.swapped ? h('p', { class: 'muted', id: 'sides-swapped' }, t('sidesSwapped')) : null,
    h('dl', { class: 'facts' }, facts),
  );
}

/** An HKID number as the card prints it, its check digit in brackets: `A1234563` is shown `A123456(3)`. */
function hkidPrinted(value: unknown): string | null {
  const n = typeof value === 'string' ? value : '';
  return n.length > 1 ? `${n.slice(0, -1)}(${n.slice(-1)})` : null;
}

/** `2015-01-01 – 2035-01-01`, or `2015-01-01 – 长期` for a card valid without end. */
function validity(doc: Record<string, unknown>, longTerm: boolean): string | null {
  const from = doc.validFrom ? String(doc.validFrom) : null;
  const until = longTerm ? t('longTerm') : doc.expiryDate ? String(doc.expiryDate) : null;
  if (!from && !until) return null;
  return `${from ?? '—'} – ${until ?? '—'}`;
}

function checksPanel(d: Detail): HTMLElement {
  const q = d.verification.checks?.quality;
  const m = d.verification.checks?.mrz;
  const num = (v: number | undefined) => (typeof v === 'number' ? v.toFixed(2).replace(/\.?0+$/, '') : '—');
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'checks-title' },
    h('h2', { id: 'checks-title' }, t('checks')),
    h(
      'div',
      { class: 'checks' },
      h(
        'div',
        {},
        h('h3', {}, t('quality'), ' ', flag(q?.passed, 'passed', 'failed')),
        h(
          'dl',
          { class: 'facts' },
          fact('sharpness', num(q?.sharpness)),
          fact('glare', num(q?.glare)),
          fact('brightness', num(q?.brightness)),
          fact('resolution', q?.resolution?.join(' × ')),
        ),
      ),
      !isCard(d.verification.document) &&
        h(
          'div',
          {},
          h('h3', {}, t('mrz')),
          h(
            'dl',
            { class: 'facts' },
            h('dt', {}, t('mrzFound')),
            h('dd', {}, flag(m?.found, 'mrzFound', 'notFound')),
            h('dt', {}, t('mrzValid')),
            h('dd', {}, m?.found ? flag(m?.valid, 'valid', 'invalid') : '—'),
          ),
          m?.lines?.length
            ? h('pre', { class: 'mrz-lines', 'aria-label': t('mrz') }, m.lines.join('\n'))
            : null,
        ),
    ),
  );
}

function reasonsPanel(d: Detail): HTMLElement {
  const reasons = d.verification.reasons;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'reasons-title' },
    h('h2', { id: 'reasons-title' }, t('reasons')),
    reasons.length === 0
      ? h('p', { class: 'muted' }, t('noReasons'))
      : h(
          'ul',
          { class: 'reasons' },
          reasons.map((r) =>
            h(
              'li',
              {},
              h('code', {}, r.code),
              r.field ? ` (${t(fieldLabel(r.field, d.verification.document))})` : '',
              `reason_${r.code}` in MESSAGES.en ? [' — ', t(`reason_${r.code}` as MessageKey)] : null,
            ),
          ),
        ),
  );
}

function decidedPanel(r: Review): HTMLElement {
  const x = r.decision!;
  return h(
    'section',
    { class: 'panel decision', 'aria-labelledby': 'decision-title' },
    h('h2', { id: 'decision-title' }, t('decision')),
    h('p', {}, t('decidedBy', { verdict: verdictLabel(x.verdict), reviewer: x.reviewerId.slice(0, 8) })),
    h(
      'p',
      {},
      x.reasonCodes.map((c) => h('code', { class: 'chip' }, c)),
    ),
    x.note && h('blockquote', {}, x.note),
  );
}

function decisionForm(): HTMLElement {
  const mine = holding();
  const needsCodes = state.verdict !== null && state.verdict !== 'accepted';
  const ready = mine && state.verdict !== null && (!needsCodes || state.codes.size > 0) && !state.busy;
  return h(
    'form',
    {
      class: 'panel decision',
      'aria-labelledby': 'decision-title',
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (ready) void decide();
      },
    },
    h('h2', { id: 'decision-title' }, t('decision')),
    h(
      'fieldset',
      { class: 'verdicts', disabled: !mine },
      h('legend', {}, t('verdict')),
      VERDICTS.map((v) =>
        h(
          'label',
          { class: `verdict verdict-${v}${state.verdict === v ? ' verdict-chosen' : ''}` },
          h('input', {
            type: 'radio',
            name: 'verdict',
            id: `verdict-${v}`,
            value: v,
            checked: state.verdict === v,
            onchange: () => {
              state.verdict = v;
              render();
            },
          }),
          verdictLabel(v),
          v === 'accepted'
            ? h('kbd', { 'aria-hidden': 'true' }, 'a')
            : v === 'rejected'
              ? h('kbd', { 'aria-hidden': 'true' }, 'r')
              : null,
        ),
      ),
    ),
    h(
      'fieldset',
      { class: 'codes', disabled: !mine || state.verdict === 'accepted', 'aria-describedby': 'codes-hint' },
      h('legend', {}, t('reasonCodes')),
      h('p', { id: 'codes-hint', class: 'muted small' }, t('reasonCodesHint')),
      h(
        'div',
        { class: 'code-grid' },
        REASON_CODES.map((code) =>
          h(
            'label',
            { class: `code${state.codes.has(code) ? ' code-chosen' : ''}` },
            h('input', {
              type: 'checkbox',
              id: `code-${code}`,
              value: code,
              checked: state.codes.has(code),
              onchange: (e: Event) => {
                if ((e.target as HTMLInputElement).checked) state.codes.add(code);
                else state.codes.delete(code);
                render();
              },
            }),
            h('code', {}, code),
          ),
        ),
      ),
    ),
    h('label', { for: 'note' }, t('note')),
    h(
      'textarea',
      {
        id: 'note',
        rows: 3,
        maxlength: 2000,
        disabled: !mine,
        'aria-describedby': 'note-hint',
        oninput: (e: Event) => (state.note = (e.target as HTMLTextAreaElement).value),
      },
      state.note,
    ),
    h('p', { id: 'note-hint', class: 'muted small' }, t('noteHint')),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { id: 'submit-decision', class: 'btn btn-primary', type: 'submit', disabled: !ready },
        state.busy ? t('deciding') : t('submitDecision'),
      ),
    ),
  );
}

function helpDialog(): HTMLElement {
  const rows: Array<[string, MessageKey]> = [
    ['j', 'kNext'],
    ['k', 'kPrev'],
    ['c', 'kClaim'],
    ['a', 'kAccept'],
    ['r', 'kReject'],
    ['+ − 0', 'kZoom'],
    ['o', 'kRotate'],
    ['l', 'kLang'],
    ['?', 'kHelp'],
    ['Esc', 'kEscape'],
  ];
  const close = () => {
    state.help = false;
    render();
    document.getElementById('help-button')?.focus();
  };
  const dialog = h(
    'div',
    {
      class: 'overlay',
      onclick: (e: Event) => {
        if (e.target === e.currentTarget) close();
      },
    },
    h(
      'div',
      { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'help-title' },
      h('h2', { id: 'help-title' }, t('shortcuts')),
      h(
        'table',
        { class: 'shortcuts' },
        h(
          'tbody',
          {},
          rows.map(([keys, label]) => h('tr', {}, h('td', {}, h('kbd', {}, keys)), h('td', {}, t(label)))),
        ),
      ),
      h('button', { id: 'help-close', class: 'btn btn-primary', type: 'button', onclick: close }, t('close')),
    ),
  );
  queueMicrotask(() => document.getElementById('help-close')?.focus());
  return dialog;
}

// ---------------------------------------------------------------- keyboard

function onKey(e: KeyboardEvent): void {
  if (e.ctrlKey || e.metaKey || e.altKey || !state.key) return;
  const target = e.target as HTMLElement;
  if (e.key === 'Escape' && state.help) {
    state.help = false;
    render();
    return;
  }
  if (target.closest('input[type=text], input[type=password], textarea')) return;
  const image = () => {
    render();
  };
  switch (e.key) {
    case 'j':
      void open(Math.min(state.queue.length - 1, state.selected + 1)).then(focusSelected);
      break;
    case 'k':
      void open(Math.max(0, state.selected - 1)).then(focusSelected);
      break;
    case 'c':
      if (current() && !holding()) void claim();
      break;
    case 'a':
      chooseVerdict('accepted');
      break;
    case 'r':
      chooseVerdict('rejected');
      break;
    case '+':
    case '=':
      state.zoom = Math.min(3, state.zoom + 0.25);
      image();
      break;
    case '-':
      state.zoom = Math.max(0.5, state.zoom - 0.25);
      image();
      break;
    case '0':
      state.zoom = 1;
      state.rotation = 0;
      image();
      break;
    case 'o':
      state.rotation = (state.rotation + 90) % 360;
      image();
      break;
    case 'l':
      setLang(state.lang === 'en' ? 'zh-CN' : 'en');
      break;
    case '?':
      state.help = true;
      render();
      break;
    default:
      return;
  }
  e.preventDefault();
}

function chooseVerdict(v: string): void {
  if (!holding()) return;
  state.verdict = v;
  render();
  document.getElementById('submit-decision')?.focus();
}

function focusSelected(): void {
  document.getElementById(`queue-item-${state.selected}`)?.focus();
}

document.addEventListener('keydown', onKey);
render();
if (state.key) void loadQueue(false).catch(() => signOut());
