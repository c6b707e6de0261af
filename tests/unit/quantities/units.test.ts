import { describe, expect, it } from "vitest";
import { isKnownUnitWord, unitFamily } from "@/lib/quantities/units";

describe("unitFamily", () => {
  it("groups troop words together", () => {
    for (const u of ["troops", "troop", "soldiers", "personnel", "servicemen", "paratroopers", "peacekeepers"]) {
      expect(unitFamily(u)).toBe("troops");
    }
  });

  it("normalises percent, currency and plurals", () => {
    expect(unitFamily("%")).toBe("percent");
    expect(unitFamily("per cent")).toBe("percent");
    expect(unitFamily("USD")).toBe("USD");
    expect(unitFamily("dollars")).toBe("USD");
    expect(unitFamily("refugees")).toBe(unitFamily("refugee"));
    expect(unitFamily("countries")).toBe("country");
    expect(unitFamily("Years")).toBe("year");
    expect(unitFamily(null)).toBeNull();
    expect(unitFamily("  ")).toBeNull();
  });
});

describe("isKnownUnitWord", () => {
  it("knows the units a researcher may name and refuses others", () => {
    for (const u of ["troops", "Soldiers", "paratroopers", "USD", "percent", "refugees", "km"]) expect(isKnownUnitWord(u), u).toBe(true);
    for (const u of ["widgets", "blorps", ""]) expect(isKnownUnitWord(u), u).toBe(false);
  });
});
