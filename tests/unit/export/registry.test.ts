import { describe, expect, it } from "vitest";
import { collectChunks, type ExportBundle } from "@/lib/export/model";
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES } from "@/lib/export/registry";
import { bundle } from "../../helpers/export-fixture";

describe("export registry", () => {
  it("renders and streams every format identically", async () => {
    for (const name of EXPORT_FORMAT_NAMES) {
      const f = EXPORT_FORMATS[name];
      const text = f.render(bundle as ExportBundle, { title: "Scope" });
      expect(text.length, name).toBeGreaterThan(20);
      expect(await collectChunks(f.stream(bundle, { title: "Scope" })), name).toBe(text);
      expect(f.contentType).toMatch(/\//);
    }
  });
});
