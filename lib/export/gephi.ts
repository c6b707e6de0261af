// Node and edge tables in the layout Gephi's "Import spreadsheet" recognises by column name
// (Id/Label for nodes; Source/Target/Type/Label/Weight for edges; other columns become
// attributes). No BOM: Gephi would read it as part of the "Id" header and miss the column.
// No formula escaping either: these files are for Gephi, where a leading apostrophe would show
// up in every affected label. Edges only within the export's scope (linksWithinScope).

import { displayTitle, type LinkRecord } from "../types";
import { claimDateWords, restsOnKey, speakerWords } from "./provenance";
import { csvTable, csvTableChunks, type CsvCell } from "./csv";
import { linksWithinScope, shorten, type ExportBundle, type ExportClaim, type MaybeAsyncIterable } from "./model";

export const GEPHI_NODE_COLUMNS = ["Id", "Label", "source", "kind", "quote", "orphaned", "speaker", "attribution", "rests_on", "claim_date"] as const;
export const GEPHI_EDGE_COLUMNS = ["Id", "Source", "Target", "Type", "Label", "Weight"] as const;

const LABEL_LENGTH = 60;
const GEPHI = { bom: false, escapeFormulas: false } as const;

export function gephiNodeRow(c: ExportClaim): CsvCell[] {
  return [c.id, shorten(c.quote, LABEL_LENGTH), displayTitle(c.source), c.kind, c.quote, c.orphaned ? "true" : "false", speakerWords(c.prov), c.prov.attribution, restsOnKey(c.prov.restsOn), claimDateWords(c.prov.claimDate)];
}

export function gephiEdgeRow(l: LinkRecord): CsvCell[] {
  return [l.id, l.fromId, l.toId, "Directed", l.relation, 1];
}

export function renderGephiNodes(claims: Iterable<ExportClaim>): string {
  return csvTable(GEPHI_NODE_COLUMNS, claims, gephiNodeRow, GEPHI);
}

export function gephiNodesChunks(claims: MaybeAsyncIterable<ExportClaim>): AsyncGenerator<string> {
  return csvTableChunks(GEPHI_NODE_COLUMNS, claims, gephiNodeRow, GEPHI);
}

export function renderGephiEdges(bundle: Pick<ExportBundle, "claims" | "links">): string {
  return csvTable(GEPHI_EDGE_COLUMNS, linksWithinScope(bundle), gephiEdgeRow, GEPHI);
}

export function gephiEdgesChunks(bundle: Pick<ExportBundle, "claims" | "links">): AsyncGenerator<string> {
  return csvTableChunks(GEPHI_EDGE_COLUMNS, linksWithinScope(bundle), gephiEdgeRow, GEPHI);
}
