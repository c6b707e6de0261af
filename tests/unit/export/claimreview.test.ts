import jsonld from "jsonld";
import { describe, expect, it } from "vitest";
import { renderClaimReview, type ClaimReviewClaim } from "@/lib/export/claimreview";
import { corpusSource, spanOf } from "../../helpers/provenance-corpus";

const S = "https://schema.org/";
const quote = (file: string, words: string) => {
  const { body } = corpusSource(file);
  const { start, end } = spanOf(body, words);
  return body.slice(start, end);
};

const claims: ClaimReviewClaim[] = [
  {
    id: "andersen",
    quote: quote("001", "The CSTO's real purpose is less protecting the region and more expanding Russian military influence"),
    speaker: { name: "Michael Andersen", role: "Danish journalist based in Kyiv", kind: "Person" },
    claimDate: null,
    appearance: { title: "Doubts grow over CSTO membership in wake of Russia's war in Ukraine", date: "2022-05", publisher: "Caravanserai", author: "Kanat Altynbayev" },
    firstAppearance: null,
  },
  {
    id: "counterpunch-2500",
    quote: quote("003", "2,500 of its troops entered Kazakhstan"),
    speaker: { name: "CounterPunch (produced by Globetrotter)", kind: "Organization" },
    claimDate: { start: "2022-01-01", end: "2022-01-31", precision: "month" },
    appearance: { title: "Why It’s Time to Take the Russian-Led Military Alliance Seriously", url: "https://www.counterpunch.org", date: "2022", publisher: "CounterPunch" },
    firstAppearance: { title: "Why It’s Time to Take the Russian-Led Military Alliance Seriously", publisher: "Globetrotter" },
  },
];

// No network: an inline context never needs the loader; any remote fetch fails the test.
const offline = async (url: string) => {
  throw new Error(`remote context requested: ${url}`);
};

describe("ClaimReview JSON-LD export", () => {
  it("expands with a JSON-LD processor to schema.org Claims with author, date and appearances", async () => {
    const expanded = (await jsonld.expand(renderClaimReview(claims) as jsonld.JsonLdDocument, { documentLoader: offline as never })) as Record<string, any>[];
    expect(expanded.map((n) => [n["@id"], n["@type"]])).toEqual([
      ["urn:claim:andersen", [`${S}Claim`]],
      ["urn:claim:counterpunch-2500", [`${S}Claim`]],
    ]);
    const [andersen, counterpunch] = expanded;
    expect(andersen[`${S}text`]).toEqual([{ "@value": claims[0].quote }]);
    expect(andersen[`${S}author`]).toEqual([{ "@type": [`${S}Person`], [`${S}name`]: [{ "@value": "Michael Andersen" }], [`${S}jobTitle`]: [{ "@value": "Danish journalist based in Kyiv" }] }]);
    expect(andersen[`${S}firstAppearance`]).toBeUndefined();
    expect(andersen[`${S}appearance`][0][`${S}publisher`][0][`${S}name`]).toEqual([{ "@value": "Caravanserai" }]);

    expect(counterpunch[`${S}author`][0]["@type"]).toEqual([`${S}Organization`]);
    expect(counterpunch[`${S}temporalCoverage`]).toEqual([{ "@value": "2022-01" }]);
    const appearance = counterpunch[`${S}appearance`][0];
    expect(appearance["@type"]).toEqual([`${S}CreativeWork`]);
    expect(appearance[`${S}url`]).toEqual([{ "@id": "https://www.counterpunch.org" }]);
    expect(appearance[`${S}datePublished`]).toEqual([{ "@value": "2022" }]);
    expect(counterpunch[`${S}firstAppearance`][0][`${S}publisher`][0][`${S}name`]).toEqual([{ "@value": "Globetrotter" }]);
  });

  it("writes a claim date at its precision, a period as start/end", () => {
    const at = (claimDate: ClaimReviewClaim["claimDate"]) => (renderClaimReview([{ ...claims[0], claimDate }])["@graph"] as Record<string, unknown>[])[0].temporalCoverage;
    expect(at({ start: "2002-05-14", end: "2002-05-14", precision: "day" })).toBe("2002-05-14");
    expect(at({ start: "2003-01-01", end: "2003-12-31", precision: "year" })).toBe("2003");
    expect(at({ start: "1999-01-01", end: "2003-12-31", precision: "year" })).toBe("1999/2003");
  });

  it("uses app URLs as ids when given a base URL", () => {
    const doc = renderClaimReview(claims.slice(0, 1), { baseUrl: "https://claims.example.org/" });
    expect((doc["@graph"] as Record<string, unknown>[])[0]["@id"]).toBe("https://claims.example.org/claims/andersen");
  });
});
