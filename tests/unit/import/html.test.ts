// extractHtml on pages written for these tests (tests/fixtures/html), made from corpus articles.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMENTS_LABEL, extractHtml, type HtmlExtraction } from "@/lib/import/html";
import { corpusParagraphs } from "@/tests/helpers/corpus";

const fixture = (name: string) => readFileSync(`tests/fixtures/html/${name}`, "utf8");

function extracted(name: string, url?: string): HtmlExtraction {
  const result = extractHtml(fixture(name), { url });
  if (!result.ok) throw new Error(`expected an article, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
const textOf = (e: HtmlExtraction, kind: string) => e.blocks.filter((b) => b.kind === kind).map((b) => e.body.slice(b.start, b.end));

describe("a news article with JSON-LD", () => {
  const caravanserai = corpusParagraphs("001_368f92058b86ed85.txt");
  // The corpus text: publisher line, headline, byline, article, reader comments.
  const article = caravanserai.slice(3, caravanserai.indexOf("Do you like this article?"));
  const result = extracted("news-jsonld.html", "https://central.asia-news.example/en_GB/articles/cnmi_ca/features/2022/05/17/feature-01?utm_source=x");

  it("takes title, author, publisher, date and canonical URL from the page's metadata", () => {
    expect(result.metadata).toEqual({
      title: "Doubts grow over CSTO membership in wake of Russia's war in Ukraine",
      author: "Kanat Altynbayev",
      publisher: "Caravanserai",
      date: "2022-05-17",
      canonicalUrl: "https://central.asia-news.example/en_GB/articles/cnmi_ca/features/2022/05/17/feature-01",
    });
  });

  it("keeps the headline and every paragraph of the article, one per line, and nothing of the site around it", () => {
    expect(result.body.split("\n\n")).toEqual([result.metadata.title, "By Kanat Altynbayev", ...article]);
    expect(result.body).not.toContain("About us");
    expect(result.body).not.toContain("copyright notice");
    expect(result.sections).toEqual([]);
  });

  it("keeps headings and block quotes as blocks of their own", () => {
    expect(textOf(result, "heading")).toEqual(expect.arrayContaining(["Disappointed members", "Russia's 'myth' of greatness"]));
    expect(textOf(result, "quote")).toEqual([article.find((p) => p.startsWith('"The CSTO troops in Kazakh cities'))]);
    for (const block of result.blocks) expect(result.body.slice(block.start, block.end)).not.toContain("\n");
  });
});

describe("a page with Open Graph metadata only", () => {
  const result = extracted("opengraph-only.html");

  it("reads title, publisher, date and URL from Open Graph", () => {
    expect(result.metadata).toEqual({
      title: "Eurasia Under the Collective Security Treaty Organization (CSTO)",
      author: null,
      publisher: "Eurasia Review Example",
      date: "2023-01-12",
      canonicalUrl: "https://eurasia-review.example/csto-eurasia",
    });
  });

  it("keeps the article's text and leaves out the sidebar", () => {
    expect(result.body.startsWith("Eurasia Under the Collective Security Treaty Organization (CSTO)\n\nThe Collective Security Treaty Organization (CSTO) is being promoted")).toBe(true);
    expect(result.body).toContain("force of under 4000 personnel");
    expect(result.body).not.toContain("Most read");
  });
});

describe("a page with reader comments", () => {
  const result = extracted("comments.html");

  it("appends the comments after the article and flags them", () => {
    expect(result.sections).toHaveLength(1);
    const [section] = result.sections;
    expect(section).toMatchObject({ kind: "comments", end: result.body.length, label: COMMENTS_LABEL });
    const article = result.body.slice(0, section.start);
    const comments = result.body.slice(section.start);
    expect(comments.startsWith("17 Comment(s)\n\nUzbekistan has all the power to protect itself")).toBe(true);
    expect(comments).toContain("The CSTO and Customs Union are disintegrating already.");
    expect(article).toContain("Doubts grow over CSTO membership");
    expect(article).not.toContain("Uzbekistan has all the power");
    expect(result.body).not.toContain("Reply");
    expect(result.metadata.author).toBe("Kanat Altynbayev");
  });
});

describe("pages that are no article", () => {
  it("says so for a sign-in page", () => {
    const result = extractHtml(fixture("no-article.html"));
    expect(result).toMatchObject({ ok: false, error: { code: "NO_ARTICLE" } });
    if (!result.ok) expect(result.error.message).toMatch(/No article/);
  });

  it("says so for an empty paste and for plain words", () => {
    expect(extractHtml("")).toMatchObject({ ok: false, error: { code: "NO_ARTICLE" } });
    expect(extractHtml("just a few words")).toMatchObject({ ok: false, error: { code: "NO_ARTICLE" } });
  });

  it("refuses a page over 50 MB", () => {
    const huge = `<p>${"x".repeat(50 * 1024 * 1024)}</p>`;
    expect(extractHtml(huge)).toMatchObject({ ok: false, error: { code: "TOO_LARGE" } });
  });

  it("reads pasted markup without <html> (a fragment) as an article", () => {
    const paragraphs = corpusParagraphs("002_98b48e446e185cb4.txt").slice(1, 4);
    const result = extractHtml(paragraphs.map((p) => `<p>${p}</p>`).join(""));
    expect(result.ok && result.value.body).toBe(paragraphs.join("\n\n"));
  });
});
