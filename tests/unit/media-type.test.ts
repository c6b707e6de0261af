import { describe, expect, it } from "vitest";
import { isJsonMediaType, mediaType } from "@/lib/media-type";

describe("request media types", () => {
  it("parses the type rather than searching the header", () => {
    expect(mediaType("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mediaType("text/plain; x=application/json")).toBe("text/plain");
    expect(mediaType("application/json, text/plain")).toBeNull();
    expect(mediaType(null)).toBeNull();
  });
  it("takes application/json and +json types as JSON", () => {
    expect(isJsonMediaType('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')).toBe(true);
    expect(isJsonMediaType("application/json")).toBe(true);
    expect(isJsonMediaType("text/json-ish; a=application/json")).toBe(false);
  });
});
