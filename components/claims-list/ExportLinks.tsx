import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormat } from "@/lib/export/registry";
import { filterSearchParams, type ExportFilter } from "@/lib/schemas";
import styles from "./claims-list.module.css";

export function exportHref(format: ExportFormat, filter: ExportFilter): string {
  const qs = filterSearchParams(filter).toString();
  return `/api/export/${format}${qs ? `?${qs}` : ""}`;
}

/** Plain download links: the server names the file (Content-Disposition) after the filter. */
export function ExportLinks({ filter }: { filter: ExportFilter }) {
  return (
    <section className={styles.exports} aria-labelledby="export-heading">
      <h2 id="export-heading">Export these claims</h2>
      <ul>
        {EXPORT_FORMAT_NAMES.map((format) => (
          <li key={format}>
            <a className="button" href={exportHref(format, filter)} download title={EXPORT_FORMATS[format].linkTitle}>{EXPORT_FORMATS[format].linkText}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
