// Reading a PDF with pdf.js (legacy build, for Node). The worker runs in this thread: handing
// pdf.js its worker module as globalThis.pdfjsWorker makes it skip loading one, so nothing is
// fetched or spawned at run time (a static import, so every bundler and loader resolves it).
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import * as pdfjsWorker from "pdfjs-dist/legacy/build/pdf.worker.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";
import type { RawPdfMetadata } from "./metadata";
import type { PdfPageText } from "./types";

function useMainThreadWorker(): void {
  const holder = globalThis as { pdfjsWorker?: unknown };
  holder.pdfjsWorker ??= pdfjsWorker;
}

export type LoadFailure = "ENCRYPTED" | "CORRUPT";

export class PdfLoadError extends Error {
  constructor(readonly code: LoadFailure, message: string) {
    super(message);
    this.name = "PdfLoadError";
  }
}

/** Every page's text items and the document's metadata; throws PdfLoadError. */
export async function loadPdf(bytes: Uint8Array): Promise<{ pages: PdfPageText[]; metadata: RawPdfMetadata }> {
  useMainThreadWorker();
  let task: ReturnType<typeof pdfjs.getDocument> | undefined;
  try {
    // pdf.js detaches the buffer it is given and refuses Node Buffers: give it a plain copy
    // (new Uint8Array copies; a Buffer's slice() would not).
    task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
    const doc = await task.promise.catch((e: unknown) => {
      const name = (e as { name?: string })?.name;
      if (name === "PasswordException") throw new PdfLoadError("ENCRYPTED", "This PDF is protected by a password; remove the protection and upload it again.");
      throw new PdfLoadError("CORRUPT", "This file could not be read as a PDF (it is damaged or not a PDF).");
    });
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // Coordinates relative to the page box, whose origin is not always (0, 0).
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items = content.items
        .filter((i): i is TextItem => "str" in i)
        .map((i) => ({ text: i.str, x: i.transform[4] - x0, y: i.transform[5] - y0, width: i.width, size: Math.hypot(i.transform[2], i.transform[3]) || i.height }));
      pages.push({ page: n, width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    const meta = await doc.getMetadata();
    const xmp = meta.metadata as { get(name: string): unknown } | null;
    return { pages, metadata: { info: (meta.info ?? {}) as Record<string, unknown>, xmp: (name) => xmp?.get(name) ?? null } };
  } catch (e) {
    if (e instanceof PdfLoadError) throw e;
    throw new PdfLoadError("CORRUPT", "This PDF is damaged: its pages could not be read.");
  } finally {
    await task?.destroy();
  }
}
