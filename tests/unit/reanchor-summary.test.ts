import { describe, expect, it } from "vitest";
import { describeReanchor } from "@/lib/reanchor-summary";

describe("describeReanchor", () => {
  it("words what a text correction did to the claims", () => {
    expect(describeReanchor({ moved: 1, orphaned: 2, unchanged: 5, recovered: 0 })).toBe("1 claim moved, 2 orphaned, 5 unchanged");
    expect(describeReanchor({ moved: 3, orphaned: 0, unchanged: 0, recovered: 1 })).toBe("3 claims moved, 0 orphaned, 1 found again, 0 unchanged");
  });
});
