import { describe, expect, it } from "vitest";
import { pageCsp } from "@/lib/csp";

describe("the pages' Content-Security-Policy", () => {
  it("lets scripts run by nonce only, never inline", () => {
    const scripts = pageCsp("abc123").split("; ").find((d) => d.startsWith("script-src"))!;
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(pageCsp("abc123")).toContain("frame-ancestors 'none'");
    expect(pageCsp("n", true)).toContain("'unsafe-eval'");
  });
});
