// PDFs the import tests make for themselves: Chromium's page.pdf() renders HTML written by the
// test, so every fixture is reproducible and its text is known.
import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "@/scripts/chromium";

export interface PdfRenderer {
  render(html: string, options?: { headerTemplate?: string; footerTemplate?: string }): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function startPdfRenderer(): Promise<PdfRenderer> {
  const browser: Browser = await chromium.launch(chromiumLaunchOptions());
  return {
    async render(html, options = {}) {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: "load" });
        const templated = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
        const pdf = await page.pdf({
          format: "A5",
          margin: { top: "20mm", bottom: "20mm", left: "15mm", right: "15mm" },
          displayHeaderFooter: templated,
          headerTemplate: options.headerTemplate ?? "<span></span>",
          footerTemplate: options.footerTemplate ?? "<span></span>",
        });
        return new Uint8Array(pdf);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
