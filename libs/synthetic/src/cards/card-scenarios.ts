/**
 * Which card scenarios exist, how often, and the image defects of each, reusing the MRZ generator's defect
 * plans: the same mild defects, the same severe ones with the MRZ's targets moved to the card's number.
 */
import { Rng } from '../prng';
import { CaseDefect, Defect } from '../sample.model';
import { DefectPlan, mildDefects, severeDefects } from '../scenario.planner';
import { CardKind, CardScenario } from './card.model';

export const DEFAULT_CARD_SCENARIO_WEIGHTS: Readonly<Record<CardScenario, number>> = {
  clean: 0.15,
  mild: 0.2,
  severe: 0.16,
  swapped: 0.04,
  'long-term': 0.04,
  'latin-record': 0.05,
  mismatch: 0.1,
  expired: 0.04,
  'validity-term': 0.04,
  'number-invalid': 0.04,
  'number-inconsistent': 0.04,
  'side-missing': 0.03,
  copy: 0.04,
  'rare-character': 0.03,
};

/** Scenarios that need a second side, an expiry or a citizen number: none of them exists on an HKID card. */
const MAINLAND_ONLY: ReadonlySet<CardScenario> = new Set([
  'swapped',
  'long-term',
  'expired',
  'validity-term',
  'number-inconsistent',
  'side-missing',
  'rare-character',
]);

export function scenarioApplies(kind: CardKind, scenario: CardScenario): boolean {
  // A residence permit is always valid five years: it is never long-term.
  if (kind === 'cn_residence_permit') return scenario !== 'long-term';
  return kind !== 'hk_identity_card' || !MAINLAND_ONLY.has(scenario);
}

type Side = CaseDefect['side'];

const on = (sides: readonly Side[], defects: readonly Defect[]): CaseDefect[] =>
  sides.flatMap((side, s) =>
    defects.map((d) => ('seed' in d ? { ...d, seed: d.seed + s, side } : { ...d, side })),
  );
const seed = (rng: Rng) => rng.int(1, 0x7fffffff);

/** A card has no MRZ: the codes a missing MRZ would give become the printed field that cannot be read. */
const cardCodes = (codes: readonly string[]) => [
  ...new Set(codes.map((c) => (c === 'MRZ_UNREADABLE' || c === 'MRZ_NOT_FOUND' ? 'FIELD_UNREADABLE' : c))),
];

/** Mild defects a good reader reads through: exactly the MRZ generator's. */
export function cardMildDefects(rng: Rng, sides: readonly Side[]): DefectPlan {
  return mildDefects(rng, sides, 'front');
}

/** A severe plan with the field its main reason names, if any. */
export interface CardDefectPlan extends DefectPlan {
  reasonField?: string;
}

/**
 * Severe defects: the MRZ generator's (glare over the MRZ becomes glare over the number, a cut through the
 * MRZ a cut through the number's line), and glare that hides one field while the image as a whole passes
 * its quality checks, which a reader must report as that field unreadable.
 */
export function cardSevereDefects(rng: Rng, sides: readonly Side[]): CardDefectPlan {
  if (rng.chance(0.25)) {
    const target = rng.chance(0.6) ? 'number' : 'name';
    const field = target === 'number' ? 'documentNumber' : 'fullName';
    return {
      name: `severe-${target}-glare-local`,
      defects: on(
        ['front'],
        [{ kind: 'glare', region: target, intensity: 1, size: rng.float(0.75, 0.95), seed: seed(rng) }],
      ),
      reasons: ['FIELD_UNREADABLE'],
      acceptable: ['IMAGE_GLARE', 'LOW_CONFIDENCE'],
      reasonField: field,
    };
  }
  const plan = severeDefects(rng, sides, 'front');
  const defects = plan.defects.map((d): CaseDefect => {
    if (d.kind === 'glare' && d.region === 'mrz') return { ...d, region: 'number' };
    // The number's line is the lowest quarter of the card; a third of the image from the bottom cuts it.
    if (d.kind === 'crop' && d.edge === 'mrz')
      return { ...d, edge: 'bottom', fraction: 0.24 + 0.12 * d.fraction };
    return d;
  });
  return {
    name: plan.name.replace('-mrz-', '-number-'),
    defects,
    reasons: cardCodes(plan.reasons),
    acceptable: cardCodes(plan.acceptable).filter((c) => !plan.reasons.includes(c)),
  };
}

/** A photocopy or a black-and-white print of both sides. */
export function copyDefects(rng: Rng, sides: readonly Side[]): DefectPlan {
  const style = rng.chance(0.5) ? 'photocopy' : 'greyscale';
  const extra: Defect[] = rng.chance(0.4) ? [{ kind: 'jpeg', quality: rng.int(70, 90) }] : [];
  return {
    name: `copy-${style}`,
    defects: on(sides, [{ kind: 'copy', style, seed: seed(rng) }, ...extra]),
    reasons: ['DOCUMENT_COPY'],
    acceptable: [],
  };
}
