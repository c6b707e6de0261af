import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormat } from "@/lib/export/registry";
import { filterSearchParams, type ExportFilter } from "@/lib/schemas";
import styles from "./claims-list.module.css";

/** The export of a project's claims that match `filter`. */
export function exportHref(format: ExportFormat, project: string, filter: ExportFilter): string {
  const query = new URLSearchParams({ project });
  for (const [key, value] of filterSearchParams(filter)) query.append(key, value);
  return `/api/export/${format}?${query}`;
}

/** Plain download links: the server names the file (Content-Disposition) after the filter. */
export function ExportLinks({ filter, project }: { filter: ExportFilter; project: string }) {
  return (
    <section className={styles.exports} aria-labelledby="export-heading">
      <h2 id="export-heading">Export these claims</h2>
      <ul>
        {EXPORT_FORMAT_NAMES.map((format) => (
          <li key={format}>
            <a className="button" href={exportHref(format, project, filter)} download title={EXPORT_FORMATS[format].linkTitle}>{EXPORT_FORMATS[format].linkText}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
