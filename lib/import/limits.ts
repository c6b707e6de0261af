/** The largest document accepted for import (a PDF or an HTML page), in bytes. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
