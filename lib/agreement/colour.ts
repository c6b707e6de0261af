// The agreement figures' colour scale: red for low, yellow for middling, green for high, in fills
// light enough that the printed number stays readable in dark text (contrast above 7:1 at every
// step). Values below 0 (kappa and alpha can go there) take the colour of 0; no value is grey.

/** Hue from 0 (red) at value 0 to 130 (green) at value 1. */
export function agreementHue(value: number): number {
  return Math.round(130 * Math.min(1, Math.max(0, value)));
}

export function agreementFill(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "#eeeeee" : `hsl(${agreementHue(value)} 75% 82%)`;
}

/** "0.86", "−0.20", or "–" for no value (printed in every cell: colour is never the only cue). */
export function formatAgreement(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "–";
  return value < 0 ? `−${Math.abs(value).toFixed(2)}` : value.toFixed(2);
}

/** A plain-words reading of kappa or alpha for a researcher who is not a statistician, in the
 *  bands of Landis and Koch (1977), the ones most readers have met. */
export function agreementWords(value: number | null): string {
  if (value === null) return "undefined";
  if (value < 0) return "worse than chance";
  if (value < 0.2) return "slight";
  if (value < 0.4) return "fair";
  if (value < 0.6) return "moderate";
  if (value < 0.8) return "substantial";
  return "almost perfect";
}
