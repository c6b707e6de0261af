import { describe, expect, it } from "vitest";
import { exportFileName, slugify } from "@/lib/export/file-name";

describe("export file names", () => {
  it("names files after the scope and date, ASCII only", () => {
    const day = new Date("2026-11-23T10:00:00Z");
    expect(exportFileName("csv", "Kazakhstan deployment", day)).toBe("claims-kazakhstan-deployment-2026-11-23.csv");
    expect(exportFileName("bibtex", "Kazakhstan deployment", "2026-11-23")).toBe("references-kazakhstan-deployment-2026-11-23.bib");
    expect(exportFileName("gephi-edges", null, day)).toBe("claims-2026-11-23-gephi-edges.csv");
    expect(exportFileName("w3c", "Ça/va? «ОДКБ» Қазақстан", day)).toBe("claims-ca-va-odkb-qazaqstan-2026-11-23-annotations.jsonld");
    expect(slugify("a".repeat(30) + " " + "b".repeat(40))).toBe("a".repeat(30));
    expect(exportFileName("markdown", "日本語", day)).toBe("claims-2026-11-23.md");
  });
});
