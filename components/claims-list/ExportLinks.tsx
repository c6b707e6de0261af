import type { ExportFormat } from "@/lib/export";
import type { ExportFilter } from "@/lib/types";
import styles from "./claims-list.module.css";

const BUTTONS: { format: ExportFormat; label: string; description: string }[] = [
  { format: "csv", label: "CSV", description: "spreadsheet, one row per claim" },
  { format: "markdown", label: "Markdown", description: "cited list" },
  { format: "html", label: "HTML", description: "cited list" },
  { format: "w3c", label: "W3C JSON", description: "Web Annotations, importable here" },
  { format: "csl", label: "CSL-JSON", description: "references for Zotero or Pandoc" },
  { format: "bibtex", label: "BibTeX", description: "references" },
  { format: "gephi-nodes", label: "Gephi nodes", description: "claims as graph nodes" },
  { format: "gephi-edges", label: "Gephi edges", description: "links as graph edges" },
];

export function exportHref(format: ExportFormat, filter: ExportFilter): string {
  const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const qs = query.toString();
  return `/api/export/${format}${qs ? `?${qs}` : ""}`;
}

/** Plain download links: the server names the file (Content-Disposition) after the filter. */
export function ExportLinks({ filter }: { filter: ExportFilter }) {
  return (
    <section className={styles.exports} aria-labelledby="export-heading">
      <h2 id="export-heading">Export these claims</h2>
      <ul>
        {BUTTONS.map((b) => (
          <li key={b.format}>
            <a className="button" href={exportHref(b.format, filter)} download title={b.description}>{b.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
