/**
 * The holdout set's scenario mix and image conditions: mostly documents photographed with a phone (perspective up
 * to 20°, a table, its edge or a hand in the frame, shadows, sensor noise, moiré, slight shake, phone JPEG at
 * quality 60-85) where the primary set has flat scans and desk photos.
 */
import { Rng } from '../prng';
import { CaseDefect, Defect, ScenarioKind } from '../sample.model';
import { DefectPlan, onSides, seed, signed, UNREADABLE_MRZ, unreadablePlan } from '../scenario.planner';

/** Every verdict the primary set has, and `manual_review` (the `review` scenario). */
export const HOLDOUT_SCENARIO_WEIGHTS: Readonly<Record<ScenarioKind, number>> = {
  clean: 0.2,
  mild: 0.26,
  severe: 0.15,
  mismatch: 0.18,
  expired: 0.05,
  tampered: 0.06,
  review: 0.05,
  unsupported: 0.05,
};

type Side = CaseDefect['side'];

/** A phone photo of the document; `over` replaces any of its drawn parameters. */
export function photo(rng: Rng, over: Partial<Extract<Defect, { kind: 'photo' }>> = {}): Defect {
  return {
    kind: 'photo',
    scale: rng.float(0.6, 0.86),
    roll: rng.chance(0.15) ? signed(rng, 8, 20) : signed(rng, 0, 6),
    tilt: rng.float(0, 20),
    tiltAxis: rng.float(0, 360),
    surface: rng.weighted({ table: 1, 'table-edge': 1, hand: 1.2 }),
    shadow: rng.chance(0.35) ? rng.float(0.12, 0.35) : 0,
    noise: rng.float(2, 7),
    seed: seed(rng),
    ...over,
  };
}

const phoneJpeg = (rng: Rng): Defect => ({ kind: 'jpeg', quality: rng.int(60, 85) });

/** Photographed documents a good service must read (accepted). */
export function holdoutMildDefects(rng: Rng, sides: readonly Side[]): DefectPlan {
  const variant = rng.weighted({
    photo: 3,
    'photo-shadow': 1.5,
    'photo-moire': 1.2,
    'photo-motion': 1.2,
    'photo-noise': 1,
    'photo-steep': 1.2,
    'scan-jpeg': 0.8,
  });
  const defects: Defect[] = (() => {
    switch (variant) {
      case 'photo':
        return [photo(rng), phoneJpeg(rng)];
      case 'photo-shadow':
        return [photo(rng, { shadow: rng.float(0.25, 0.45) }), phoneJpeg(rng)];
      case 'photo-moire':
        return [
          photo(rng),
          { kind: 'moire', period: rng.float(3, 7), amplitude: rng.float(4, 10), seed: seed(rng) },
          phoneJpeg(rng),
        ];
      case 'photo-motion':
        return [
          photo(rng),
          { kind: 'motion', length: rng.float(2, 4), angle: rng.float(0, 180) },
          phoneJpeg(rng),
        ];
      case 'photo-noise':
        return [photo(rng, { noise: rng.float(7, 11) }), phoneJpeg(rng)];
      case 'photo-steep':
        return [photo(rng, { tilt: rng.float(14, 20) }), phoneJpeg(rng)];
      case 'scan-jpeg':
        return [{ kind: 'jpeg', quality: rng.int(60, 75) }];
    }
  })();
  return { name: `mild-${variant}`, defects: onSides(sides, defects), reasons: [], acceptable: [] };
}

/** Photos no service can read (unreadable), with the quality reason each should give. */
export function holdoutSevereDefects(rng: Rng, sides: readonly Side[], mrzSide: Side): DefectPlan {
  const variant = rng.weighted({
    'photo-motion': 2,
    'photo-dark': 1.5,
    'photo-glare': 2,
    'photo-far': 1.2,
    'photo-blur': 1,
    'mrz-cut': 1.2,
  });
  const plan = unreadablePlan(`severe-${variant}`, sides);
  switch (variant) {
    case 'photo-motion':
      return plan(
        // A shaken phone moves mostly across or along the frame.
        [photo(rng), { kind: 'motion', length: rng.float(28, 42), angle: rng.pick([0, 90]) }, phoneJpeg(rng)],
        ['IMAGE_BLURRED'],
        UNREADABLE_MRZ,
      );
    case 'photo-dark':
      return plan(
        [photo(rng), { kind: 'dark', factor: rng.float(0.06, 0.11) }, phoneJpeg(rng)],
        ['IMAGE_TOO_DARK'],
        [...UNREADABLE_MRZ, 'DOCUMENT_NOT_FOUND'],
      );
    case 'photo-glare':
      return plan(
        [
          photo(rng, { shadow: 0 }),
          {
            kind: 'glare',
            region: 'mrz',
            intensity: rng.float(0.97, 1),
            size: rng.float(1.2, 1.5),
            seed: seed(rng),
          },
          phoneJpeg(rng),
        ],
        ['IMAGE_GLARE'],
        UNREADABLE_MRZ,
        mrzSide,
      );
    case 'photo-far':
      return plan(
        [photo(rng, { scale: rng.float(0.3, 0.4) }), { kind: 'lowres', width: rng.int(170, 240) }],
        ['IMAGE_LOW_RESOLUTION'],
        [...UNREADABLE_MRZ, 'IMAGE_BLURRED'],
      );
    case 'photo-blur':
      return plan(
        [photo(rng), { kind: 'blur', sigma: rng.float(4.5, 7) }],
        ['IMAGE_BLURRED'],
        UNREADABLE_MRZ,
      );
    case 'mrz-cut':
      return plan(
        [{ kind: 'crop', edge: 'mrz', fraction: rng.float(0.6, 1) }],
        ['DOCUMENT_CUT_OFF'],
        UNREADABLE_MRZ,
        mrzSide,
      );
  }
}

/** Scenarios judged on data: a flat scan, or a third of the time a phone photo. */
export function holdoutIncidentalDefects(rng: Rng, sides: readonly Side[], kind: string): DefectPlan {
  if (kind !== 'clean' && rng.chance(0.35)) {
    return {
      name: `${kind}-photo`,
      defects: onSides(sides, [photo(rng), phoneJpeg(rng)]),
      reasons: [],
      acceptable: [],
    };
  }
  return { name: kind, defects: [], reasons: [], acceptable: [] };
}
