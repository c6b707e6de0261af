import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "@/components/Link";
import { ApiTokens } from "@/components/account/ApiTokens";
import { listApiTokens } from "@/lib/server/api-tokens";
import { SESSION_COOKIE, sessionActor } from "@/lib/server/auth";
import { db } from "@/lib/server/db";

export const metadata: Metadata = { title: "Account" };

/** The signed-in researcher's account: personal API tokens for scripts. */
export default async function AccountPage() {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const actor = token ? await sessionActor(db(), token) : null;
  if (!actor) {
    return (
      <>
        <h1>Account</h1>
        <p><Link href="/signin">Sign in</Link> to manage your API tokens.</p>
      </>
    );
  }
  return (
    <>
      <h1>Account: {actor.name}</h1>
      <ApiTokens initial={await listApiTokens(db(), actor)} />
    </>
  );
}
