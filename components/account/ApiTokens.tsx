"use client";
// Personal API tokens: make one (its secret is shown once, here), see which exist and when each
// was last used, revoke one. Scripts send a token as "Authorization: Bearer <token>".

import { useId, useState } from "react";
import { callApi } from "@/components/api/client";
import { useAction } from "@/components/useAction";
import type { ApiTokenView } from "@/lib/types";

const EXPIRY_CHOICES: [string, number | null][] = [["7 days", 7], ["30 days", 30], ["90 days", 90], ["1 year", 365], ["Never (until revoked)", null]];

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" }) : "—");

export function ApiTokens({ initial }: { initial: ApiTokenView[] }) {
  const nameId = useId();
  const expiryId = useId();
  const [tokens, setTokens] = useState(initial);
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState("1");
  const [fresh, setFresh] = useState<{ name: string; token: string } | null>(null);
  const { busy, error, run } = useAction();

  async function reload() {
    setTokens((await callApi<{ tokens: ApiTokenView[] }>("/api/tokens")).tokens);
  }

  const act = (action: () => Promise<void>) => run(async () => {
    await action();
    await reload();
  });

  return (
    <section aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading">API tokens</h2>
      <p className="muted">
        A script sends a token as <code>Authorization: Bearer &lt;token&gt;</code> and acts as you: what it writes carries your name.
        Tokens are kept only as a hash: the token itself is shown once, when you make it.
      </p>
      <form className="token-form" onSubmit={(e) => {
        e.preventDefault();
        void act(async () => {
          const made = await callApi<ApiTokenView & { token: string }>("/api/tokens", { method: "POST", body: { name: name.trim(), expiresInDays: EXPIRY_CHOICES[Number(expiry)]![1] } });
          setFresh({ name: made.name, token: made.token });
          setName("");
        });
      }}>
        <label htmlFor={nameId}>Token name</label>
        <input id={nameId} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="e.g. nightly import" />
        <label htmlFor={expiryId}>Expires after</label>
        <select id={expiryId} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
          {EXPIRY_CHOICES.map(([label], i) => <option key={label} value={i}>{label}</option>)}
        </select>
        <button type="submit" className="primary" disabled={busy}>Make token</button>
      </form>
      {error && <p role="alert" className="error-text">{error}</p>}
      {fresh && (
        <div role="status" className="token-secret">
          <p><strong>Copy the token “{fresh.name}” now:</strong> it will not be shown again.</p>
          <input readOnly aria-label="New API token" value={fresh.token} onFocus={(e) => e.currentTarget.select()} size={60} />
          <button type="button" onClick={() => void navigator.clipboard?.writeText(fresh.token)}>Copy</button>
          <button type="button" onClick={() => setFresh(null)}>Done</button>
        </div>
      )}
      {tokens.length === 0 ? (
        <p>No tokens yet.</p>
      ) : (
        <table className="data-table">
          <caption>Your tokens</caption>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Starts with</th><th scope="col">State</th><th scope="col">Made</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span className="visually-hidden">Action</span></th></tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td><code>{t.prefix}…</code></td>
                <td>{t.state === "revoked" ? `Revoked ${day(t.revokedAt)}` : t.state === "expired" ? "Expired" : "Active"}</td>
                <td>{day(t.createdAt)}</td>
                <td>{t.lastUsedAt ? day(t.lastUsedAt) : "Never"}</td>
                <td>{t.expiresAt ? day(t.expiresAt) : "Never"}</td>
                <td>
                  {t.state !== "revoked" && (
                    <button type="button" disabled={busy} aria-label={`Revoke ${t.name}`} onClick={() => {
                      if (window.confirm(`Revoke the token “${t.name}”? Scripts using it stop working at once.`)) void act(() => callApi(`/api/tokens/${t.id}`, { method: "DELETE" }).then(() => undefined));
                    }}>Revoke</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
