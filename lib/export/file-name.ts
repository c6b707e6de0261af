// The download's file name: kind of file, scope and date, in ASCII.
import { EXPORT_FORMATS, type ExportFormat } from "./registry";

// Russian and Kazakh Cyrillic, the scripts this corpus's scope labels are most likely to use.
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k",
  л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", і: "i", ә: "a",
  ғ: "g", қ: "q", ң: "n", ө: "o", ұ: "u", ү: "u", һ: "h", ї: "yi", є: "ye", ґ: "g",
};

/** Lowercase ASCII words joined by "-", at most maxLength long, cut at a word boundary. */
export function slugify(text: string, maxLength = 60): string {
  const ascii = text
    .toLowerCase()
    .replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æ]/g, "ae")
    .replace(/[ø]/g, "o")
    .replace(/['’]/g, "");
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, maxLength)).replace(/-+$/, "");
}

/**
 * e.g. claims-kazakhstan-deployment-2026-11-23.csv. ASCII only, so it is safe in a
 * Content-Disposition header without RFC 5987 encoding. The date is taken in UTC.
 */
export function exportFileName(format: ExportFormat, scopeLabel: string | null | undefined, date: Date | string): string {
  const { extension, fileStem: { prefix, suffix } } = EXPORT_FORMATS[format];
  const day = typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10);
  const parts = [prefix, slugify(scopeLabel ?? ""), /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : ""].filter(Boolean);
  return `${parts.join("-")}${suffix}.${extension}`;
}
