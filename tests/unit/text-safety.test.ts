import { describe, expect, it } from "vitest";
import { splitsCharacter, unstorableText, unstorableTextIn } from "@/lib/text-safety";

describe("text PostgreSQL cannot store", () => {
  it("finds NUL and unpaired surrogates, not whole emoji", () => {
    expect(unstorableText("fine 😀 text")).toBeNull();
    expect(unstorableText("a\u0000b")).toMatch(/NUL/);
    expect(unstorableText("half \uD83D")).toMatch(/surrogate/);
    expect(unstorableText("\uDE00\uD83D")).toMatch(/surrogate/);
  });
  it("names the first bad place in a JSON value, keys included", () => {
    expect(unstorableTextIn({ a: [1, "ok", { note: "x\u0000" }] })).toBe("body.a[2].note: contains a NUL character");
    expect(unstorableTextIn({ ["k\u0000"]: 1 })).toMatch(/field name/);
    expect(unstorableTextIn({ a: ["fine", { b: null }] })).toBeNull();
  });
  it("tells an offset inside an emoji", () => {
    expect(splitsCharacter("a😀b", 2)).toBe(true);
    expect(splitsCharacter("a😀b", 1)).toBe(false);
    expect(splitsCharacter("a😀b", 3)).toBe(false);
  });
});
