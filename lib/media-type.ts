// The Content-Type of a request body, parsed (RFC 9110) by the kept `content-type` library rather
// than searched as a string: "text/plain; x=application/json" is plain text.
import { parse } from "content-type";

const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** The media type in lower case, or null when the header is missing or malformed. */
export function mediaType(header: string | null): string | null {
  if (!header) return null;
  try {
    const { type } = parse(header);
    // The library is lenient about the type itself: it must be type/subtype tokens (RFC 9110).
    return MEDIA_TYPE.test(type) ? type : null;
  } catch {
    return null;
  }
}

/** JSON bodies: application/json and any +json type (application/ld+json for imports). */
export function isJsonMediaType(header: string | null): boolean {
  const type = mediaType(header);
  return type === "application/json" || (type !== null && /^application\/[a-z0-9.+-]+\+json$/.test(type));
}
