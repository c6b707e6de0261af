// Small W3C import documents for tests: one source id, claims with a chosen span and creator.
export interface ClaimSpec {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  exact: string;
  creator?: string;
  orphaned?: boolean;
  created?: string;
}

export function claimItem(c: ClaimSpec): Record<string, unknown> {
  return {
    id: `urn:claim:${c.id}`, type: "Annotation", motivation: "describing",
    ...(c.creator !== undefined ? { creator: { type: "Person", name: c.creator } } : {}),
    ...(c.created !== undefined ? { created: c.created } : {}),
    ...(c.orphaned ? { "cp:orphaned": true } : {}),
    body: [{ type: "TextualBody", purpose: "tagging", value: "FACT" }],
    target: {
      source: `urn:source:${c.sourceId}`,
      selector: [{ type: "TextQuoteSelector", exact: c.exact, prefix: "", suffix: "" }, { type: "TextPositionSelector", start: c.start, end: c.end }],
    },
  };
}

export function w3cDocument(items: unknown[], sources: unknown[] = []): Record<string, unknown> {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: items.length,
    ...(sources.length ? { "cp:sources": sources } : {}),
    first: { type: "AnnotationPage", items },
  };
}
