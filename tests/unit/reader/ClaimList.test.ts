// @vitest-environment happy-dom
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CLAIM_KINDS, type ReaderClaim } from "@/lib/types";
import { ClaimList } from "@/components/reader/ClaimList";

const claim = (i: number): ReaderClaim => ({
  id: `c${i}`, start: i * 60, end: i * 60 + 50, kind: "FACT", quote: `Sentence ${i} reports that troops arrived.`, note: "", authorName: "researcher",
  version: 1, linkCount: 0, orphaned: false, speaker: null, attributionType: "OWN_VOICE", restsOn: null,
});

describe("the reader's claim list", () => {
  it("sends the entries of its first view only, each telling its place in the whole list", () => {
    const claims = Array.from({ length: 5000 }, (_, i) => claim(i + 1));
    document.body.innerHTML = renderToString(createElement(ClaimList, {
      claims, shownKinds: [...CLAIM_KINDS], onShownKindsChange: () => undefined, shownAuthor: null, onShownAuthorChange: () => undefined, selectedId: null, onPick: () => undefined,
    }));
    expect(document.querySelector("#claim-list-title")!.textContent).toBe("Claims (5000)");
    const entries = [...document.querySelectorAll('ol[aria-label="Claims in text order"] > li')];
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.length).toBeLessThan(50);
    expect(entries[0]!.textContent).toBe("Fact Sentence 1 reports that troops arrived.");
    expect([entries[0]!.getAttribute("aria-posinset"), entries[0]!.getAttribute("aria-setsize")]).toEqual(["1", "5000"]);
    expect(document.body.textContent).not.toContain("Sentence 5000 ");
  });
});
