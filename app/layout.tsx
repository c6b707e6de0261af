import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claim provenance", template: "%s · Claim provenance" },
  description: "Mark claims in news and analysis, trace where sources agree or contradict, export cited claim lists.",
  // Without an icon the browser asks for /favicon.ico on every page and logs its 404.
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

// The header lives in the layouts below (app/(site)/layout.tsx, app/p/[project]/layout.tsx): a
// project's header names it, and a layout above the [project] segment would not be rendered again
// when the reader moves to another project.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: the CSP nonce (proxy.ts) is new each time, and a page
  // prerendered at build time would carry scripts without it, which the browser would refuse.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        {children}
      </body>
    </html>
  );
}
