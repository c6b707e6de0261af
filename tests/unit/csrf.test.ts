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

describe("crossSiteWriteReason: scheme and forwarded headers", () => {
  it("refuses an origin of another scheme on the same host and port", () => {
    expect(crossSiteWriteReason("POST", url, headers({ origin: "https://127.0.0.1:3000" }))).toMatch(/Refused a write from https/);
  });
  it("does not believe X-Forwarded-Host unless CP_TRUST_PROXY is set", () => {
    const forged = headers({ origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(crossSiteWriteReason("POST", url, forged)).toMatch(/evil\.example/);
    expect(crossSiteWriteReason("POST", url, forged, true)).toBeNull();
  });
  it("behind a trusted proxy, compares with the scheme the proxy reports", () => {
    const proxied = (origin: string) => headers({ origin, host: "internal:3000", "x-forwarded-host": "claims.example", "x-forwarded-proto": "https" });
    expect(crossSiteWriteReason("POST", url, proxied("https://claims.example"), true)).toBeNull();
    expect(crossSiteWriteReason("POST", url, proxied("http://claims.example"), true)).toMatch(/Refused/);
  });
});
