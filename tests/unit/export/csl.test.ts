import { parse } from "csv-parse/sync";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import { describe, expect, it } from "vitest";
import { citationKeys, parseAuthorNames, renderCslJson, sourcesToBibtex, sourcesToCsl } from "@/lib/export/csl";
import { s1, s3, bundle } from "../../helpers/export-fixture";

describe("csl and bibtex", () => {
  it("writes CSL-JSON that citation-js reads back", () => {
    const items = JSON.parse(renderCslJson(bundle.sources)) as Record<string, unknown>[];
    const data = new Cite(items).data;
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({
      id: "src001",
      type: "article-newspaper",
      title: s1.title,
      author: [{ family: "Altynbayev", given: "Kanat" }],
      "container-title": "Caravanserai",
      publisher: "Caravanserai",
      issued: { "date-parts": [[2022, 5]] },
    });
    expect(data[1]).toMatchObject({ title: s3.title, issued: { "date-parts": [[2022]] }, URL: "https://www.counterpunch.org/" });
    expect(data[1]).not.toHaveProperty("author");
    const apa = new Cite(items).format("bibliography", { format: "text", template: "apa" });
    expect(apa).toContain("Altynbayev, K. (2022, May). Doubts grow over CSTO membership in wake of Russia’s war in Ukraine. Caravanserai.");
  });

  it("falls back to the suggested title and picks the type from what is known", () => {
    const [a, b] = sourcesToCsl([
      { ...s1, id: "x", title: null, suggestedTitle: "Suggested", publisher: null, url: "https://e.org/a" },
      { ...s1, id: "y", publisher: " ", url: null, publishedDate: "2022-05-16" },
    ]);
    expect(a).toMatchObject({ title: "Suggested", type: "webpage", URL: "https://e.org/a" });
    expect(b).toMatchObject({ type: "document", issued: { "date-parts": [[2022, 5, 16]] } });
    expect(b).not.toHaveProperty("container-title");
  });

  it("writes BibTeX that citation-js parses back, with stable unique keys", () => {
    const bib = sourcesToBibtex(bundle.sources);
    expect(bib).toContain("@article{altynbayev2022doubts,");
    expect(bib).toContain("@article{counterpunch2022why,");
    const back = new Cite(bib).data;
    expect(back.map((d) => d["citation-key"])).toEqual(["altynbayev2022doubts", "counterpunch2022why"]);
    expect(back[0]).toMatchObject({ title: s1.title, author: [{ family: "Altynbayev", given: "Kanat" }], issued: { "date-parts": [[2022, 5]] } });
    expect(back[1]).toMatchObject({ title: s3.title, "container-title": "CounterPunch (produced by Globetrotter)", issued: { "date-parts": [[2022]] } });

    const twin = { ...bundle.sources[0]!, id: "src001-copy" };
    const keys = citationKeys([bundle.sources[0]!, twin]);
    expect(new Set(keys.values()).size).toBe(2);
    expect(citationKeys([twin, bundle.sources[0]!])).toEqual(keys);
    expect(keys.get("src001")).toMatch(/^altynbayev2022doubts_[a-z0-9]{5}$/);
    expect(citationKeys(bundle.sources).get("src001")).toBe("altynbayev2022doubts");
  });

  it("parses bylines into CSL names", () => {
    expect(parseAuthorNames("By Kanat Altynbayev")).toEqual([{ family: "Altynbayev", given: "Kanat" }]);
    expect(parseAuthorNames("Altynbayev, Kanat")).toEqual([{ family: "Altynbayev", given: "Kanat" }]);
    expect(parseAuthorNames("Anna Smith, Bob Jones and Carla de la Cruz")).toEqual([
      { family: "Smith", given: "Anna" },
      { family: "Jones", given: "Bob" },
      { family: "Cruz", given: "Carla", "non-dropping-particle": "de la" },
    ]);
    expect(parseAuthorNames("Martin Luther King Jr.")).toEqual([{ family: "King", given: "Martin Luther", suffix: "Jr." }]);
    expect(parseAuthorNames("Reuters Staff")).toEqual([{ literal: "Reuters Staff" }]);
    expect(parseAuthorNames(null)).toEqual([]);
  });
});
