import { describe, expect, it } from "vitest";
import { crossSiteWriteReason } from "@/lib/csrf";

const url = "http://127.0.0.1:3000/api/claims";
const headers = (h: Record<string, string>) => new Headers({ host: "127.0.0.1:3000", ...h });

describe("crossSiteWriteReason", () => {
  it("lets reads through whatever their origin", () => {
    expect(crossSiteWriteReason("GET", url, headers({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBeNull();
  });
  it("lets same-origin writes and header-less scripts through", () => {
    expect(crossSiteWriteReason("POST", url, headers({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteWriteReason("DELETE", url, headers({}))).toBeNull();
  });
  it("refuses writes from another site", () => {
    expect(crossSiteWriteReason("POST", url, headers({ origin: "https://evil.example" }))).toMatch(/evil\.example/);
    expect(crossSiteWriteReason("PATCH", url, headers({ "sec-fetch-site": "cross-site" }))).toMatch(/cross-site/);
    expect(crossSiteWriteReason("POST", url, headers({ "sec-fetch-site": "same-site", origin: "http://127.0.0.1:4000" }))).toMatch(/same-site/);
  });
  it("refuses a malformed Origin", () => {
    expect(crossSiteWriteReason("POST", url, headers({ origin: "not a url" }))).toMatch(/malformed/);
  });
});
