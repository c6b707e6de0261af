// @vitest-environment happy-dom
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText } from "@/components/highlights/HighlightedText";

describe("HighlightedText (the static painter)", () => {
  const text = "Russia sent about 3,000 paratroopers to Almaty.";
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const outer = { id: "outer", kind: "FACT" as const, ...at("sent about 3,000 paratroopers") };
  const inner = { id: "inner", kind: "OPINION" as const, ...at("about 3,000") };
  const paint = (props: Omit<Parameters<typeof HighlightedText>[0], "text">) => {
    document.body.innerHTML = renderToStaticMarkup(createElement(HighlightedText, { text, ...props }));
  };

  it("nests the shorter claim inside the longer one with the painter's classes, and skips orphans", () => {
    paint({ claims: [outer, inner, { id: "gone", kind: "PREDICTION", orphaned: true, ...at("Russia") }], selectedId: "inner" });
    expect(document.body.textContent).toBe(text);
    const innerSpan = document.querySelector('[data-claim-id="inner"]')!;
    expect(innerSpan.textContent).toBe("about 3,000");
    expect(innerSpan.className).toBe("claim claim-opinion claim-level-0 claim-nested claim-selected");
    expect(innerSpan.parentElement!.getAttribute("data-claim-id")).toBe("outer");
    expect([...document.querySelectorAll('[data-claim-id="outer"]')].map((e) => e.textContent)).toEqual(["sent ", "about 3,000", " paratroopers"]);
    expect(document.querySelector('[data-claim-id="gone"]')).toBeNull();
  });

  it("gives a button role only to the innermost claim of each run, so interactive elements never nest", () => {
    paint({ claims: [outer, inner], extra: () => ({ role: "button", tabIndex: 0 }) });
    const buttons = [...document.querySelectorAll('[role="button"]')];
    expect(buttons.map((b) => [b.getAttribute("data-claim-id"), b.textContent])).toEqual([
      ["outer", "sent "],
      ["inner", "about 3,000"],
      ["outer", " paratroopers"],
    ]);
    expect(buttons.some((b) => b.parentElement!.closest('[role="button"]'))).toBe(false);
  });
});
