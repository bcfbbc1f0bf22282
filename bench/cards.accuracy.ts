/**
 * The Chinese and Hong Kong identity cards' part of `npm run bench:accuracy` (issue 14's figures), kept apart from
 * the MRZ documents' parts.
 *
 * For each style set (`primary`, the looks the readers were built on, and `holdout`, fonts, colours and offsets
 * they never saw) the same seeds give a set of generated cards: first one card of every kind and scenario that
 * exists for it, then cards drawn at the generator's kind and scenario weights. Each goes through the analyser
 * as the API would send it (`documentType` declared, the lone side of a one-sided upload as the front), and is
 * scored against the generator's expected verdict and ground truth. Cached under
 * $TMPDIR/idv-bench-cards/<seed>-<count>-<set> so reruns skip rendering.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentAnalyser } from '@idv/analysis';
import {
  asUploaded,
  CARD_KINDS,
  cardCaseSeed,
  cardScenarioApplies,
  DEFAULT_CARD_SCENARIO_WEIGHTS,
  generateCardCase,
  type CardCase,
  type CardKind,
  type CardScenario,
  type CardStyleSet,
} from '@idv/synthetic';
import { writeResult } from './support';

export interface CardBenchOptions {
  /** Cards per style set (at least one of every kind and scenario). */
  count: number;
  seed: number;
  sets: readonly CardStyleSet[];
  /** Only cases whose id or variant contains this. */
  only?: string;
}

/** One analysed card. */
export interface CardRow {
  set: CardStyleSet;
  id: string;
  kind: CardKind;
  scenario: CardScenario;
  variant: string;
  expected: string;
  acceptable: string[];
  verdict: string;
  reasons: string[];
  correct: boolean;
  /** The card is genuine: its number passes its check and agrees with the printed birth date and sex. */
  genuine: boolean;
  numberExact: boolean | null;
  /** The printed name read exactly (the Han name; an HKID's English name), where a person could read it. */
  nameExact: boolean | null;
  /** An HKID's Chinese name read exactly, where legible. */
  chineseNameExact: boolean | null;
  ms: number;
}

const SCENARIOS = Object.keys(DEFAULT_CARD_SCENARIO_WEIGHTS) as CardScenario[];

/** Every kind and scenario that exists for it: the first cards of a set, so no pair is left out. */
const PAIRS: [CardKind, CardScenario][] = CARD_KINDS.flatMap((k) =>
  SCENARIOS.filter((s) => cardScenarioApplies(k, s)).map((s): [CardKind, CardScenario] => [k, s]),
);

/** Writes (once) and lists the cards of one style set. */
async function cachedCards(
  o: CardBenchOptions,
  set: CardStyleSet,
): Promise<{ dir: string; cases: CardCase[] }> {
  const dir = path.join(os.tmpdir(), 'idv-bench-cards', `${o.seed}-${o.count}-${set}`);
  const manifest = path.join(dir, 'cards.json');
  if (existsSync(manifest)) return { dir, cases: JSON.parse(readFileSync(manifest, 'utf8')) as CardCase[] };
  process.stdout.write(`generating ${o.count} ${set} cards (seed ${o.seed}) into ${dir} ...\n`);
  mkdirSync(dir, { recursive: true });
  const cases: CardCase[] = [];
  for (let i = 0; i < o.count; i++) {
    const [kind, scenario] = PAIRS[i] ?? [undefined, undefined];
    const generated = asUploaded(
      await generateCardCase(cardCaseSeed(o.seed, i), {
        id: `card-${String(i).padStart(4, '0')}`,
        styleSet: set,
        ...(kind ? { kind, scenario } : {}),
      }),
    );
    for (const side of ['front', 'back'] as const) {
      const file = generated.case.files[side];
      const bytes = generated.images[side];
      if (file && bytes) writeFileSync(path.join(dir, file), bytes);
    }
    cases.push(generated.case);
  }
  writeFileSync(manifest, JSON.stringify(cases, null, 2) + '\n');
  return { dir, cases };
}

/** Whether a person could read the card's name: the portrait side was sent, and nothing severe hides it. */
function nameLegible(c: CardCase): boolean {
  const portraitSent =
    c.kind === 'hk_identity_card' || !(c.scenario === 'side-missing' && c.reasonField === 'front');
  return portraitSent && c.scenario !== 'severe' && c.scenario !== 'rare-character';
}

const equalOrNull = (legible: boolean, read: unknown, truth: string | undefined) =>
  legible && truth !== undefined ? read === truth : null;

async function analyseCard(
  analyser: DocumentAnalyser,
  set: CardStyleSet,
  dir: string,
  c: CardCase,
): Promise<CardRow> {
  const front = readFileSync(path.join(dir, c.files.front!));
  const back = c.files.back ? readFileSync(path.join(dir, c.files.back)) : undefined;
  const started = performance.now();
  const outcome = await analyser.analyse({
    front,
    back,
    record: { ...c.record, surname: c.record.surname ?? '', givenNames: c.record.givenNames ?? '' },
    documentType: c.documentType,
    today: c.today,
  });
  const ms = performance.now() - started;
  const truth = c.groundTruth;
  const legible = nameLegible(c);
  const doc = outcome.document;
  return {
    set,
    id: c.id,
    kind: c.kind,
    scenario: c.scenario,
    variant: c.variant,
    expected: c.expectedVerdict,
    acceptable: c.acceptableVerdicts,
    verdict: outcome.verdict,
    reasons: outcome.reasons.map((r) => (r.field ? `${r.code}:${r.field}` : r.code)),
    correct: outcome.verdict === c.expectedVerdict || c.acceptableVerdicts.includes(outcome.verdict),
    genuine: truth.numberValid && truth.numberConsistent,
    numberExact:
      c.scenario === 'clean' || c.scenario === 'mild'
        ? doc.documentNumber === truth.fields.documentNumber?.value
        : null,
    nameExact: equalOrNull(legible, doc.fullName, truth.fields.fullName?.value),
    chineseNameExact:
      c.kind === 'hk_identity_card'
        ? equalOrNull(legible, doc.chineseName, truth.fields.chineseName?.value)
        : null,
    ms,
  };
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);
const share = (rows: CardRow[], key: 'numberExact' | 'nameExact' | 'chineseNameExact') => {
  const scored = rows.filter((r) => r[key] !== null);
  return { pct: pct(scored.filter((r) => r[key]).length, scored.length), of: scored.length };
};

/** The issue's figures for one style set. */
export function summariseCards(rows: CardRow[]) {
  const falseAccepts = rows.filter(
    (r) => r.verdict === 'accepted' && r.expected !== 'accepted' && !r.acceptable.includes('accepted'),
  );
  const falseFraud = rows.filter((r) => r.verdict === 'rejected' && r.genuine);
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  return {
    cards: rows.length,
    verdictAccuracyPct: pct(rows.filter((r) => r.correct).length, rows.length),
    falseAccepts: falseAccepts.length,
    rejectedGenuine: falseFraud.length,
    numberExactCleanMild: share(rows, 'numberExact'),
    nameExactLegible: share(rows, 'nameExact'),
    hkidChineseNameExactLegible: share(rows, 'chineseNameExact'),
    medianMs: ms.length ? Math.round(ms[Math.floor(ms.length / 2)]) : null,
    falseAcceptIds: falseAccepts.map((r) => r.id),
    rejectedGenuineIds: falseFraud.map((r) => r.id),
  };
}

/** Per scenario: count, correct, and what the misses became (with the reasons they were given). */
function byScenario(
  rows: CardRow[],
): Record<string, { n: number; correct: number; became: Record<string, number> }> {
  const out: Record<string, { n: number; correct: number; became: Record<string, number> }> = {};
  for (const r of rows) {
    const s = (out[r.scenario] ??= { n: 0, correct: 0, became: {} });
    s.n++;
    if (r.correct) s.correct++;
    else {
      const key = `${r.verdict}${r.reasons.length ? ` (${r.reasons.join(',')})` : ''}`;
      s.became[key] = (s.became[key] ?? 0) + 1;
    }
  }
  return out;
}

const cell = (v: unknown) => String(v ?? '—').padStart(16);

function report(summaries: Record<string, ReturnType<typeof summariseCards>>, rows: CardRow[]): string {
  const sets = Object.keys(summaries);
  const line = (label: string, f: (s: ReturnType<typeof summariseCards>) => unknown) =>
    `${label.padEnd(40)}${sets.map((k) => cell(f(summaries[k]))).join('')}`;
  const out = [
    '',
    'Chinese and Hong Kong identity cards',
    `${''.padEnd(40)}${sets.map(cell).join('')}`,
    line('cards', (s) => s.cards),
    line('verdict accuracy %', (s) => s.verdictAccuracyPct),
    line('false accepts', (s) => s.falseAccepts),
    line('rejected genuine cards (false fraud)', (s) => s.rejectedGenuine),
    line(
      'number exact, clean+mild %',
      (s) => `${s.numberExactCleanMild.pct ?? '—'} of ${s.numberExactCleanMild.of}`,
    ),
    line('name exact, legible %', (s) => `${s.nameExactLegible.pct ?? '—'} of ${s.nameExactLegible.of}`),
    line(
      'HKID Chinese name exact, legible %',
      (s) => `${s.hkidChineseNameExactLegible.pct ?? '—'} of ${s.hkidChineseNameExactLegible.of}`,
    ),
    line('median ms per card', (s) => s.medianMs),
  ];
  for (const set of sets) {
    out.push('', `${set}: scenario           n  correct  what the misses became`);
    for (const [scenario, s] of Object.entries(byScenario(rows.filter((r) => r.set === set))))
      out.push(
        `  ${scenario.padEnd(20)} ${String(s.n).padStart(3)}  ${String(s.correct).padStart(7)}  ${Object.entries(
          s.became,
        )
          .map(([k, n]) => `${k}×${n}`)
          .join('; ')}`,
      );
  }
  out.push('', 'misses:');
  for (const r of rows.filter((x) => !x.correct))
    out.push(
      `  ${r.set.padEnd(8)} ${r.id} ${r.kind.padEnd(20)} ${r.variant.padEnd(32)} ${r.expected} → ${r.verdict}  ${r.reasons.join(',')}`,
    );
  return out.join('\n');
}

/**
 * Runs the card section: every style set's cards through `analyser`, the figures printed side by side and
 * written to bench/results/cards-accuracy.json.
 */
export async function runCardAccuracy(analyser: DocumentAnalyser, o: CardBenchOptions): Promise<void> {
  const rows: CardRow[] = [];
  for (const set of o.sets) {
    const { dir, cases } = await cachedCards(o, set);
    for (const c of cases) {
      if (o.only && !c.id.includes(o.only) && !c.variant.includes(o.only)) continue;
      rows.push(await analyseCard(analyser, set, dir, c));
      if (rows.length % 25 === 0) process.stderr.write(`  ${rows.length} cards done\n`);
    }
  }
  const summaries = Object.fromEntries(
    o.sets.map((s) => [s, summariseCards(rows.filter((r) => r.set === s))]),
  );
  process.stdout.write(`${report(summaries, rows)}\n`);
  const file = writeResult('cards-accuracy.json', {
    date: new Date().toISOString(),
    seed: o.seed,
    countPerSet: o.count,
    kindsAndScenarios: PAIRS.length,
    summaries,
    byScenario: Object.fromEntries(o.sets.map((s) => [s, byScenario(rows.filter((r) => r.set === s))])),
    rows,
  });
  process.stdout.write(`wrote ${file}\n`);
}
