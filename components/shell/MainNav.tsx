"use client";

import Link from "@/components/Link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useProjectPath } from "./ProjectContext";

/** The project's pages, as paths inside it. */
const PAGES: [rest: string, label: string][] = [
  ["", "Sources"],
  ["/claims", "Claims"],
  ["/compare", "Compare"],
  ["/clusters", "Clusters"],
  ["/stats", "Overview"],
  ["/sources/new", "Add source"],
  ["/import", "Import"],
];

/** The main navigation among the current project's pages: a row of links on wide screens; on narrow ones (globals.css) a Menu button
 *  that opens them as a list, so the header stays one line. Escape closes it; going to a page too. */
export function MainNav() {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const pathOf = useProjectPath();

  useEffect(() => setOpen(false), [pathname]);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  }

  return (
    <nav aria-label="Main" className={open ? "main-nav open" : "main-nav"} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="menu-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        Menu
      </button>
      <ul id={listId} className="main-nav-links">
        {PAGES.map(([rest, label]) => [pathOf(rest), label] as const).map(([href, label]) => (
          <li key={href}>
            <Link href={href} aria-current={pathname === href ? "page" : undefined} onClick={() => setOpen(false)}>{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
