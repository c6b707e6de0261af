// The overview as its page loads it (texts not yet scanned are scanned first), with every source's
// row of its table, in the source list's order: what the tests of the per-source figures read.
import type { Db } from "@/lib/server/db";
import { overview, sourceStatsPage } from "@/lib/server/stats";

export async function overviewWithRows(db: Db, projectId: string) {
  const o = await overview(db, projectId);
  const { sources } = await sourceStatsPage(db, projectId, { order: "claims", limit: 100_000 });
  const byId = new Map(sources.map((s) => [s.id, s]));
  return { ...o, sources: o.sources.map((s) => ({ ...byId.get(s.id)!, number: s.number })) };
}
