"use client";
// A new project, by name and the short name its addresses carry (/p/<slug>). The server decides
// (POST /api/projects answers 201 { project }, or 400 / 409 with the reason); the form then opens it.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { callApi, errorMessage } from "@/components/api/client";
import { PROJECT_SLUG, projectPath } from "@/lib/roles";

/** "CSTO corpus 2" → "csto-corpus-2": a suggestion the researcher may change. */
function slugFrom(name: string): string {
  return name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
}

// The browser compiles a pattern attribute with the "v" flag, where a "-" inside a class must be
// escaped: PROJECT_SLUG's source, anchors dropped (the attribute matches the whole value anyway).
const SLUG_PATTERN = PROJECT_SLUG.source.slice(1, -1).replaceAll("-]", "\\-]");

export function NewProjectForm() {
  const router = useRouter();
  const nameId = useId();
  const slugId = useId();
  const hintId = useId();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const { project } = await callApi<{ project: { id: string; slug: string; name: string } }>("/api/projects", { method: "POST", body: { slug, name: name.trim() } });
      router.push(projectPath(project.slug));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="signin-form" aria-label="New project">
      <label htmlFor={nameId}>Name</label>
      <input id={nameId} value={name} required maxLength={200} onChange={(e) => {
        setName(e.target.value);
        if (!slugEdited) setSlug(slugFrom(e.target.value));
      }} />
      <label htmlFor={slugId}>Short name in addresses</label>
      <input id={slugId} value={slug} required maxLength={40} pattern={SLUG_PATTERN} aria-describedby={hintId}
        onChange={(e) => { setSlug(e.target.value); setSlugEdited(true); }} />
      <p id={hintId} className="muted">Lower-case letters, digits and hyphens: the project opens at {projectPath(slug || "…")}</p>
      {error && <p role="alert" className="error-text">{error}</p>}
      <div className="row"><button type="submit" className="primary" disabled={busy}>Create project</button></div>
    </form>
  );
}
