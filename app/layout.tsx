import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "@/components/Link";
import { LiveChanges } from "@/components/live/LiveChanges";
import { MainNav } from "@/components/shell/MainNav";
import { ShortcutHelp } from "@/components/ShortcutHelp";
import { UserMenu } from "@/components/UserMenu";
import { liveStart } from "@/lib/server/live/viewer";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Claim provenance", template: "%s · Claim provenance" },
  description: "Mark claims in news and analysis, trace where sources agree or contradict, export cited claim lists.",
  // Without an icon the browser asks for /favicon.ico on every page and logs its 404.
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: the CSP nonce (proxy.ts) is new each time, and a page
  // prerendered at build time would carry scripts without it, which the browser would refuse.
  await connection();
  const live = await liveStart();
  return (
    <html lang="en">
      <body>
        <LiveChanges after={live.after} viewerId={live.viewerId}>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <Link href="/" className="brand">Claim provenance</Link>
          <MainNav />
          <UserMenu />
          <ShortcutHelp />
        </header>
        <main id="main">{children}</main>
        </LiveChanges>
      </body>
    </html>
  );
}
