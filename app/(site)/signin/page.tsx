import type { Metadata } from "next";
import { authMode } from "@/lib/server/auth";
import { SignInForm } from "@/components/SignInForm";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default function SignInPage() {
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">
        {authMode() === "single"
          ? "This app runs in single-user mode: you can work without signing in. Sign in so your claims, links and edits carry your own name."
          : "Sign in to mark, link and edit claims. Everyone's claims stay readable; only their author can change them."}
      </p>
      <SignInForm />
    </>
  );
}
