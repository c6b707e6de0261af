"use client";

import Link from "@/components/Link";
import { useEffect, useState } from "react";
import { callApi } from "@/components/api/client";

type Me = { user: { id: string; name: string } | null; mode: "single" | "accounts"; localResearcher: string | null };

/** Who the app is acting as, with sign-in / sign-out. */
export function UserMenu() {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    callApi<Me>("/api/auth/me").then(setMe).catch(() => setMe(null));
  }, []);
  if (!me) return <span className="user-menu muted" aria-live="polite" />;
  async function signOut() {
    await callApi("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    window.location.assign("/");
  }
  return (
    <span className="user-menu" aria-live="polite">
      {me.user ? (
        <>
          <span className="visually-hidden">Signed in as</span> <strong data-testid="current-user" title={`Signed in as ${me.user.name}`}>{me.user.name}</strong> · <Link href="/account">Account</Link>{" "}
          <button type="button" onClick={signOut}>Sign out</button>
        </>
      ) : me.mode === "single" ? (
        // Single-user mode has no accounts: nothing to sign in to.
        <span title="One person on their own machine: no accounts, every project is yours">
          Single-user mode as <strong data-testid="current-user">{me.localResearcher}</strong>
        </span>
      ) : (
        <Link href="/signin">Sign in</Link>
      )}
    </span>
  );
}
