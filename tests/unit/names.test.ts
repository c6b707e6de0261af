import { describe, expect, it } from "vitest";
import { mixedScriptProblem, nameKey, normaliseName } from "@/lib/names";

describe("researcher names", () => {
  it("one key for case, compatibility forms and spacing", () => {
    expect(nameKey("Alice")).toBe("alice");
    expect(nameKey("ＡＬＩＣＥ")).toBe("alice");
    expect(nameKey("  Ada   Lovelace ")).toBe("ada lovelace");
    expect(normaliseName("Ada\u00A0 Lovelace")).toBe("Ada Lovelace");
    expect(nameKey("ﬁona")).toBe("fiona");
  });
  it("refuses letters of two scripts, allows one script and Japanese's three", () => {
    expect(mixedScriptProblem("Аlice")).toMatch(/Cyrillic and Latin|Latin and Cyrillic/);
    expect(mixedScriptProblem("Pаypal")).not.toBeNull();
    expect(mixedScriptProblem("Alice O'Brien-Smith 2")).toBeNull();
    expect(mixedScriptProblem("Мария")).toBeNull();
    expect(mixedScriptProblem("山田たろう")).toBeNull();
    expect(mixedScriptProblem("Ωmega")).not.toBeNull();
  });
});
