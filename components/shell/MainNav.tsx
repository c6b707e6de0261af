"use client";

import Link from "@/components/Link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

const PAGES: [href: string, label: string][] = [
  ["/", "Sources"],
  ["/claims", "Claims"],
  ["/compare", "Compare"],
  ["/clusters", "Clusters"],
  ["/stats", "Overview"],
  ["/sources/new", "Add source"],
  ["/import", "Import"],
];

/** The main navigation: a row of links on wide screens; on narrow ones (globals.css) a Menu button
 *  that opens them as a list, so the header stays one line. Escape closes it; going to a page too. */
export function MainNav() {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();

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
        {PAGES.map(([href, label]) => (
          <li key={href}>
            <Link href={href} aria-current={pathname === href ? "page" : undefined} onClick={() => setOpen(false)}>{label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
