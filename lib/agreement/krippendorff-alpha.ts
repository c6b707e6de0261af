// Krippendorff's alpha, nominal level, for any number of annotators with missing values
// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", section on nominal data).
//
// Input: one row per unit (here: a group of matched spans), one entry per annotator, null where
// that annotator did not mark the unit. Units with fewer than two values are "unpairable" and
// drop out, as the method prescribes: a span only one annotator marked does not enter alpha.
// alpha = 1 - Do/De with Do the observed and De the expected disagreement from the coincidence
// matrix. Cost: O(units × annotators + labels²).

export interface AlphaResult {
  alpha: number | null;
  /** Pairable values (n in Krippendorff's notation). */
  pairableValues: number;
  units: number;
  /** True when all pairable values are one label, so De = 0 and alpha is undefined. */
  degenerate: boolean;
}

export function krippendorffAlphaNominal<L extends string | number>(units: readonly (readonly (L | null)[])[]): AlphaResult {
  // Coincidence matrix o[c][k]: sum over units of (pairs c-k within the unit) / (m_u - 1).
  const coincidence = new Map<L, Map<L, number>>();
  let pairable = 0;
  let used = 0;
  for (const unit of units) {
    const values = unit.filter((v): v is L => v !== null);
    const m = values.length;
    if (m < 2) continue;
    used++;
    pairable += m;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const row = coincidence.get(values[i]!) ?? new Map<L, number>();
        row.set(values[j]!, (row.get(values[j]!) ?? 0) + 1 / (m - 1));
        coincidence.set(values[i]!, row);
      }
    }
  }
  if (pairable === 0) return { alpha: null, pairableValues: 0, units: 0, degenerate: false };
  const marginal = new Map<L, number>();
  let diagonal = 0;
  for (const [c, row] of coincidence) {
    let sum = 0;
    for (const [k, v] of row) {
      sum += v;
      if (k === c) diagonal += v;
    }
    marginal.set(c, sum);
  }
  const n = pairable;
  // Nominal: Do = (n - sum o_cc) / n ... in the form alpha = 1 - (n-1) (n - Σo_cc) / (n² - Σ n_c²).
  let sumSquares = 0;
  for (const nc of marginal.values()) sumSquares += nc * nc;
  const expectedDenominator = n * n - sumSquares;
  if (expectedDenominator <= 1e-12) return { alpha: null, pairableValues: n, units: used, degenerate: true };
  const alpha = 1 - ((n - 1) * (n - diagonal)) / expectedDenominator;
  return { alpha, pairableValues: n, units: used, degenerate: false };
}
