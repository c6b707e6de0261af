import type { Metadata } from "next";
import Link from "@/components/Link";
import { authMode } from "@/lib/server/auth";
import { SignInForm } from "@/components/SignInForm";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default function SignInPage() {
  if (authMode() === "single") {
    return (
      <>
        <h1>Sign in</h1>
        <p>
          This app runs in single-user mode: one person on their own machine, with no accounts. You are already working in
          every project; there is nothing to sign in to. A team starts the app with <code>CP_AUTH=accounts</code>.
        </p>
        <p><Link href="/">Back to your projects</Link></p>
      </>
    );
  }
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">
        Sign in to see your projects. Each project&apos;s owner adds researchers by name, with a role: viewers read and export,
        annotators mark claims and change their own, curators change anyone&apos;s.
      </p>
      <SignInForm />
    </>
  );
}
