import { describe, expect, it } from "vitest";
import { contradictionDismissalKey, suggestionDismissalKey } from "@/lib/dismissals";

describe("dismissal keys", () => {
  it("names a suggested contradiction by its claim pair and a suggested claim by its span", () => {
    expect(contradictionDismissalKey("c1|c2")).toBe("contradiction:c1|c2");
    expect(suggestionDismissalKey("s1", { start: 10, end: 42 })).toBe("suggestion:s1:10:42");
  });
});
