import { describe, expect, it } from "vitest";
import { claimValues, type ValueCorrection } from "@/lib/quantities/claim-values";
import { KZ } from "../../helpers/quantities-corpus";

const none: ValueCorrection = { quantity: null, unit: null, value: null, lower: null, upper: null, lowerOpen: false, upperOpen: false, tolerance: null, event: null };

describe("claimValues", () => {
  it("reads the claim's figure and date", () => {
    const v = claimValues({ quote: KZ.counterpunch });
    expect(v.figure).toMatchObject({ text: "2,500 of its troops", quantity: "troops", part: null, intervalText: "2,500", corrected: false });
    expect(v.date).toMatchObject({ start: "2022-01-01", end: "2022-01-31", precision: "month" });
    expect(v.event).toBeNull();
  });

  it("lets a stored correction win over the parse", () => {
    const essay = claimValues({ quote: KZ.essay, correction: { ...none, tolerance: 0.2 } });
    expect(essay.figure).toMatchObject({ intervalText: "[2,400, 3,600]", corrected: true, part: "paratroopers" });
    const bounds = claimValues({ quote: KZ.essay, correction: { ...none, lower: 2000, upper: 4000, upperOpen: true } });
    expect(bounds.figure?.intervalText).toBe("[2,000, 4,000)");
    const whole = claimValues({ quote: KZ.essay, correction: { ...none, quantity: "Troops" } });
    expect(whole.figure).toMatchObject({ quantity: "troops", part: null });
    const unit = claimValues({ quote: "They sent 300 men.", correction: { ...none, unit: "soldiers" } });
    expect(unit.figure).toMatchObject({ value: 300, quantity: "troops", intervalText: "300" });
  });

  it("takes the researcher's claim date and the claim's event before the cluster's", () => {
    const v = claimValues({
      quote: "Since its formation in 2002, the CSTO has deployed once.",
      claimDate: { start: "2002-05-14", end: "2002-05-14", precision: "day" },
      correction: { ...none, event: "CSTO founded" },
      clusterEvent: "something else",
    });
    expect(v.date).toMatchObject({ start: "2002-05-14", corrected: true });
    expect(v.event).toBe("CSTO founded");
    expect(claimValues({ quote: "in 2003", clusterEvent: " CSTO founded " }).event).toBe("CSTO founded");
  });
});
