// Page metadata Readability does not give: the canonical URL and fallbacks for the date; and
// normalising what it does give (bylines, dates).

const attr = (document: Document, selector: string, name: string): string | null =>
  document.querySelector(selector)?.getAttribute(name)?.trim() || null;

/** link rel=canonical, else og:url, else the address the page was saved from; absolute http(s) only. */
export function canonicalUrl(document: Document, pageUrl?: string): string | null {
  const candidates = [attr(document, 'link[rel~="canonical" i]', "href"), attr(document, 'meta[property="og:url" i]', "content"), pageUrl ?? null];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate, pageUrl);
      if (url.protocol === "http:" || url.protocol === "https:") return url.href;
    } catch {
      // A relative href with no page address to resolve it against: try the next candidate.
    }
  }
  return null;
}

/** Publication dates Readability does not look for (it reads JSON-LD and article:published_time). */
export function fallbackDate(document: Document): string | null {
  return (
    attr(document, 'meta[itemprop="datePublished" i]', "content") ??
    attr(document, 'meta[name="date" i], meta[name="dc.date" i], meta[name="dcterms.created" i]', "content") ??
    attr(document, "time[itemprop~=datePublished], time[pubdate]", "datetime")
  );
}

/** "2022-05-17T10:00:00+06:00" → "2022-05-17" (the date as the page states it); "17 May 2022" → "2022-05-17". */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = Date.parse(`${value} UTC`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

/** "By Kanat Altynbayev" → "Kanat Altynbayev". */
export function cleanByline(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").replace(/^by\s+/i, "").trim();
  return text || null;
}

export const cleanText = (value: string | null | undefined): string | null => value?.replace(/\s+/g, " ").trim() || null;
