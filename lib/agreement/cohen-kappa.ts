// Cohen's kappa for two annotators over the same items (here: the kinds they gave to matched
// spans). kappa = (po - pe) / (1 - pe), po the observed share of agreement, pe the agreement
// expected by chance from each annotator's own label frequencies.
//
// Edge cases, stated because libraries differ on them:
// - no items: null (nothing was compared);
// - pe = 1 (both annotators used one and the same label for everything): kappa is 0/0 and we
//   return null with `degenerate`, so the page can say "undefined: one kind only" instead of
//   printing a number the formula does not give.

export interface KappaResult {
  kappa: number | null;
  observed: number | null;
  expected: number | null;
  items: number;
  /** True when chance agreement is 1, so kappa is undefined by the formula. */
  degenerate: boolean;
}

export function cohenKappa<L extends string>(pairs: readonly (readonly [L, L])[]): KappaResult {
  const n = pairs.length;
  if (n === 0) return { kappa: null, observed: null, expected: null, items: 0, degenerate: false };
  const first = new Map<L, number>();
  const second = new Map<L, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [label, count] of first) expected += (count / n) * ((second.get(label) ?? 0) / n);
  if (expected >= 1 - 1e-12) return { kappa: null, observed, expected, items: n, degenerate: true };
  return { kappa: (observed - expected) / (1 - expected), observed, expected, items: n, degenerate: false };
}

/** Confusion matrix of two annotators' labels: rows the first annotator, columns the second. */
export function confusionMatrix<L extends string>(pairs: readonly (readonly [L, L])[], labels: readonly L[]): number[][] {
  const index = new Map(labels.map((l, i) => [l, i] as const));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) throw new RangeError(`label not in the matrix: ${i === undefined ? a : b}`);
    matrix[i]![j]!++;
  }
  return matrix;
}
