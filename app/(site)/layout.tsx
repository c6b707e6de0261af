import { SiteHeader } from "@/components/shell/SiteHeader";

/** Pages outside any project: the list of projects, sign-in, account. */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main">{children}</main>
    </>
  );
}
