import { describe, expect, it } from "vitest";
import { agreementFill, agreementHue, agreementWords, formatAgreement } from "@/lib/agreement/colour";

describe("the agreement colour scale", () => {
  it("runs from red at 0 to green at 1, holding below 0 and above 1", () => {
    expect([agreementHue(-0.5), agreementHue(0), agreementHue(0.5), agreementHue(1), agreementHue(1.2)]).toEqual([0, 0, 65, 130, 130]);
    expect(agreementFill(null)).toBe("#eeeeee");
    expect(agreementFill(1)).toBe("hsl(130 75% 82%)");
  });

  it("prints every value, with a true minus sign and a dash for none", () => {
    expect([formatAgreement(6 / 7), formatAgreement(-0.2), formatAgreement(null), formatAgreement(1)]).toEqual(["0.86", "−0.20", "–", "1.00"]);
  });

  it("reads kappa in the Landis and Koch bands", () => {
    expect([-0.1, 0.1, 0.3, 0.4, 0.7, 0.95, null].map(agreementWords)).toEqual(["worse than chance", "slight", "fair", "moderate", "substantial", "almost perfect", "undefined"]);
  });
});
