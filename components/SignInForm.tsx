"use client";

import { callApi, errorMessage } from "@/components/api/client";
import { useState } from "react";

/** Name + password; one form to sign in or to create an account. */
export function SignInForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const action = submitter?.value === "register" ? "register" : "login";
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await callApi(`/api/auth/${action}`, { method: "POST", body: { name: form.get("name"), password: form.get("password") } });
    } catch (err) {
      setBusy(false);
      setError(errorMessage(err));
      return;
    }
    window.location.assign(returnPath());
  }

  return (
    <form onSubmit={submit} className="signin-form" aria-describedby={error ? "signin-error" : undefined}>
      <label>
        Name
        <input name="name" autoComplete="username" required minLength={2} maxLength={60} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required maxLength={1000} />
      </label>
      <div className="row">
        <button type="submit" className="primary" value="login" disabled={busy}>Sign in</button>
        <button type="submit" value="register" disabled={busy}>Create account</button>
      </div>
      <p id="signin-error" role="alert" className="error-text">{error}</p>
    </form>
  );
}

/** Where a page that asked for sign-in sent the reader from (?next=/p/…), if it is a path of this
 *  site; else the list of projects. */
function returnPath(): string {
  const next = new URLSearchParams(window.location.search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
