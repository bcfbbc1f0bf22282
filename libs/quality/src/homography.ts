/** Plane projective transforms: a card photographed in perspective, and its flattening. */

export type Point = readonly [number, number];

/** 3×3 matrix (row-major, h[8] = 1) mapping each `from[i]` to `to[i]`. */
export function homography(from: readonly Point[], to: readonly Point[]): number[] {
  if (from.length !== 4 || to.length !== 4) throw new RangeError('a homography needs 4 point pairs');
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i];
    const [u, v] = to[i];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8×9 augmented system.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const p = a[col][col];
    if (Math.abs(p) < 1e-12) throw new RangeError('degenerate point configuration');
    for (let c = col; c < 9; c++) a[col][c] /= p;
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const factor = a[r][col];
      if (factor === 0) continue;
      for (let c = col; c < 9; c++) a[r][c] -= factor * a[col][c];
    }
  }
  return [...a.map((row) => row[8]), 1];
}

export function project(h: readonly number[], [x, y]: Point): [number, number] {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}
