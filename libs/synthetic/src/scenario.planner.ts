import { Rng } from './prng';
import { CaseDefect, Defect, ScenarioKind } from './sample.model';

/** Default scenario mix: mostly cases that should pass or fail on image quality, then the data-level failures. */
export const DEFAULT_SCENARIO_WEIGHTS: Readonly<Record<ScenarioKind, number>> = {
  clean: 0.24,
  mild: 0.24,
  severe: 0.2,
  mismatch: 0.16,
  expired: 0.06,
  tampered: 0.05,
  unsupported: 0.05,
  // Only on request (the holdout set draws it): the primary set's mix is what its figures were measured on.
  review: 0,
};

/** Defects of a case and the reasons a service should give for them. */
export interface DefectPlan {
  /** Short name of the variant, e.g. `severe-blur` (kept in the case for slicing results). */
  name: string;
  defects: CaseDefect[];
  reasons: string[];
  acceptable: string[];
}

type Side = CaseDefect['side'];

/** Applies `defects` to every side, with a distinct seed per side where a defect has one. */
export function onSides(sides: readonly Side[], defects: readonly Defect[]): CaseDefect[] {
  return sides.flatMap((side, s) =>
    defects.map((d) => ('seed' in d ? { ...d, seed: d.seed + s, side } : { ...d, side })),
  );
}

export const seed = (rng: Rng) => rng.int(1, 0x7fffffff);
export const signed = (rng: Rng, min: number, max: number) =>
  rng.float(min, max) * (rng.chance(0.5) ? 1 : -1);
const desk = (rng: Rng): Defect => ({
  kind: 'desk',
  scale: rng.float(0.55, 0.78),
  angle: signed(rng, 0, 9),
  tilt: rng.float(0.02, 0.1),
  seed: seed(rng),
});

/**
 * Mild defects a good service must read through (accepted): slight blur, medium JPEG, small or quarter
 * rotations, a desk photo, a highlight off the MRZ, and combinations.
 * `mrzSide` is the side printed with the MRZ; `photoSide` the side with the portrait.
 */
export function mildDefects(rng: Rng, sides: readonly Side[], photoSide: Side): DefectPlan {
  const variant = rng.weighted({
    blur: 2,
    jpeg: 2,
    'small-rotation': 2,
    'quarter-rotation': 1.5,
    desk: 3,
    'desk-blur': 1,
    'rotation-jpeg': 1,
    'photo-glare': 0.7,
  });
  const plan = (defects: Defect[], only?: Side): DefectPlan => ({
    name: `mild-${variant}`,
    defects: onSides(only ? [only] : sides, defects),
    reasons: [],
    acceptable: [],
  });
  switch (variant) {
    case 'blur':
      return plan([{ kind: 'blur', sigma: rng.float(0.8, 1.2) }]);
    case 'jpeg':
      return plan([{ kind: 'jpeg', quality: rng.int(35, 50) }]);
    case 'small-rotation':
      return plan([{ kind: 'rotate', angle: signed(rng, 1, 5) }]);
    case 'quarter-rotation':
      return plan([{ kind: 'rotate', angle: rng.pick([90, 180, 270]) }]);
    case 'desk':
      return plan([desk(rng), { kind: 'jpeg', quality: rng.int(80, 92) }]);
    case 'desk-blur':
      return plan([
        desk(rng),
        { kind: 'blur', sigma: rng.float(0.6, 0.9) },
        { kind: 'jpeg', quality: rng.int(75, 88) },
      ]);
    case 'rotation-jpeg':
      return plan([
        { kind: 'rotate', angle: signed(rng, 1, 3.5) },
        { kind: 'jpeg', quality: rng.int(55, 70) },
      ]);
    case 'photo-glare':
      return plan(
        [
          {
            kind: 'glare',
            region: 'photo',
            intensity: rng.float(0.5, 0.75),
            size: rng.float(0.5, 0.8),
            seed: seed(rng),
          },
        ],
        photoSide,
      );
  }
}

export const UNREADABLE_MRZ = ['MRZ_UNREADABLE', 'MRZ_NOT_FOUND'];

/** A plan of severe defects named `name`, applied to every side or `only` one, with the reasons they call for. */
export function unreadablePlan(name: string, sides: readonly Side[]) {
  return (defects: Defect[], reasons: string[], acceptable: string[], only?: Side): DefectPlan => ({
    name,
    defects: onSides(only ? [only] : sides, defects),
    reasons,
    acceptable,
  });
}

/** Severe defects no service can read through (unreadable), with the quality reason each should produce. */
export function severeDefects(rng: Rng, sides: readonly Side[], mrzSide: Side): DefectPlan {
  const variant = rng.weighted({
    blur: 2,
    'mrz-glare': 2,
    dark: 1.5,
    bright: 1.5,
    'low-resolution': 1.5,
    'mrz-cut': 2,
    'desk-dark': 0.7,
  });
  const plan = unreadablePlan(`severe-${variant}`, sides);
  switch (variant) {
    case 'blur':
      return plan([{ kind: 'blur', sigma: rng.float(4, 7) }], ['IMAGE_BLURRED'], UNREADABLE_MRZ);
    case 'mrz-glare':
      return plan(
        [
          {
            kind: 'glare',
            region: 'mrz',
            intensity: rng.float(0.97, 1),
            size: rng.float(1.15, 1.5),
            seed: seed(rng),
          },
        ],
        ['IMAGE_GLARE'],
        UNREADABLE_MRZ,
        mrzSide,
      );
    case 'dark':
      return plan(
        [{ kind: 'dark', factor: rng.float(0.07, 0.14) }],
        ['IMAGE_TOO_DARK'],
        [...UNREADABLE_MRZ, 'DOCUMENT_NOT_FOUND'],
      );
    case 'bright':
      return plan(
        [{ kind: 'bright', factor: rng.float(4, 7) }],
        ['IMAGE_TOO_BRIGHT'],
        [...UNREADABLE_MRZ, 'DOCUMENT_NOT_FOUND'],
      );
    case 'low-resolution':
      return plan(
        [{ kind: 'lowres', width: rng.int(110, 200) }],
        ['IMAGE_LOW_RESOLUTION'],
        [...UNREADABLE_MRZ, 'IMAGE_BLURRED'],
      );
    case 'mrz-cut':
      return plan(
        [{ kind: 'crop', edge: 'mrz', fraction: rng.float(0.6, 1) }],
        ['DOCUMENT_CUT_OFF'],
        UNREADABLE_MRZ,
        mrzSide,
      );
    case 'desk-dark':
      return plan(
        [
          desk(rng),
          { kind: 'dark', factor: rng.float(0.07, 0.12) },
          { kind: 'jpeg', quality: rng.int(70, 85) },
        ],
        ['IMAGE_TOO_DARK'],
        [...UNREADABLE_MRZ, 'DOCUMENT_NOT_FOUND'],
      );
  }
}

/**
 * For the scenarios judged on data rather than image quality (`kind` names one; the card scenarios use it too):
 * mostly clean scans, sometimes a desk photo.
 */
export function incidentalDefects(rng: Rng, sides: readonly Side[], kind: string): DefectPlan {
  if (kind !== 'clean' && rng.chance(0.3)) {
    return {
      name: `${kind}-desk`,
      defects: onSides(sides, [desk(rng), { kind: 'jpeg', quality: rng.int(82, 92) }]),
      reasons: [],
      acceptable: [],
    };
  }
  return { name: kind, defects: [], reasons: [], acceptable: [] };
}
