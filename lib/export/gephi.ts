// Node and edge tables in the layout Gephi's "Import spreadsheet" recognises by column name
// (Id/Label for nodes; Source/Target/Type/Label/Weight for edges; other columns become
// attributes). No BOM: Gephi would read it as part of the "Id" header and miss the column.
// No formula escaping either: these files are for Gephi, where a leading apostrophe would show
// up in every affected label.

import { displayTitle, type LinkRecord } from "../types";
import { csvTable, csvTableChunks, type CsvCell } from "./csv";
import { shorten, type ExportBundle, type ExportClaim, type MaybeAsyncIterable } from "./model";

export const GEPHI_NODE_COLUMNS = ["Id", "Label", "source", "kind", "quote"] as const;
export const GEPHI_EDGE_COLUMNS = ["Id", "Source", "Target", "Type", "Label", "Weight"] as const;

const LABEL_LENGTH = 60;
const GEPHI = { bom: false, escapeFormulas: false } as const;

export function gephiNodeRow(c: ExportClaim): CsvCell[] {
  return [c.id, shorten(c.quote, LABEL_LENGTH), displayTitle(c.source), c.kind, c.quote];
}

export function gephiEdgeRow(l: LinkRecord): CsvCell[] {
  return [l.id, l.fromId, l.toId, "Directed", l.relation, 1];
}

/**
 * Links with both ends among the exported claims. Gephi would otherwise invent bare nodes for
 * the missing ends, which look like claims with no text.
 */
export function* edgesWithinScope(links: Iterable<LinkRecord>, claimIds: ReadonlySet<string>): Generator<LinkRecord> {
  for (const l of links) if (claimIds.has(l.fromId) && claimIds.has(l.toId)) yield l;
}

export function renderGephiNodes(claims: Iterable<ExportClaim>): string {
  return csvTable(GEPHI_NODE_COLUMNS, claims, gephiNodeRow, GEPHI);
}

export function gephiNodesChunks(claims: MaybeAsyncIterable<ExportClaim>): AsyncGenerator<string> {
  return csvTableChunks(GEPHI_NODE_COLUMNS, claims, gephiNodeRow, GEPHI);
}

export function renderGephiEdges(bundle: Pick<ExportBundle, "claims" | "links">): string {
  const ids = new Set(bundle.claims.map((c) => c.id));
  return csvTable(GEPHI_EDGE_COLUMNS, edgesWithinScope(bundle.links, ids), gephiEdgeRow, GEPHI);
}

/** Pass claimIds to keep edges within scope; without it every link is written. */
export function gephiEdgesChunks(links: MaybeAsyncIterable<LinkRecord>, claimIds?: ReadonlySet<string>): AsyncGenerator<string> {
  const inScope = claimIds
    ? (async function* () {
        for await (const l of links) if (claimIds.has(l.fromId) && claimIds.has(l.toId)) yield l;
      })()
    : links;
  return csvTableChunks(GEPHI_EDGE_COLUMNS, inScope, gephiEdgeRow, GEPHI);
}
