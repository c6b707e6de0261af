// What claims rest on: chains from a claim through the claims it cites to its earliest known
// origins, how many independent origins a set of claims has, and the refusal of cycles.
// Derived on demand from the "rests on" edges; nothing here is stored.

/** What a claim may rest on: another claim in the app, a source in the app, an outside reference. */
export type OriginRef = { kind: "claim"; id: string } | { kind: "source"; id: string } | { kind: "reference"; id: string };

export interface ProvenanceClaim {
  id: string;
  sourceId: string;
}

export interface RestsOnEdge {
  /** The citing claim. */
  from: string;
  to: OriginRef;
}

export interface OriginGraph {
  claims: ReadonlyMap<string, ProvenanceClaim>;
  restsOn: ReadonlyMap<string, readonly OriginRef[]>;
}

export const originKey = (ref: OriginRef): string => `${ref.kind}:${ref.id}`;

/** Indexes claims and edges once: O(claims + edges). */
export function originGraph(claims: readonly ProvenanceClaim[], edges: readonly RestsOnEdge[]): OriginGraph {
  const restsOn = new Map<string, OriginRef[]>();
  for (const e of edges) restsOn.set(e.from, [...(restsOn.get(e.from) ?? []), e.to]);
  return { claims: new Map(claims.map((c) => [c.id, c])), restsOn };
}

/** Every chain from the claim to an origin it rests on, directly or through other claims, the
 *  claim first and the earliest known origin last. A claim citing nothing is its own origin:
 *  one chain of itself. An edge back into the chain (a cycle, refused when made) ends the chain.
 *  Cost: the length of the chains (one per cited origin). */
export function originChains(graph: OriginGraph, claimId: string): OriginRef[][] {
  const chains: OriginRef[][] = [];
  const walk = (path: OriginRef[]) => {
    const last = path[path.length - 1];
    const next = last.kind === "claim" ? (graph.restsOn.get(last.id) ?? []).filter((to) => !path.some((p) => originKey(p) === originKey(to))) : [];
    if (!next.length) chains.push(path);
    for (const to of next) walk([...path, to]);
  };
  walk([{ kind: "claim", id: claimId }]);
  return chains;
}

/** The earliest known origins of one claim (the ends of its chains), without repeats. */
export function originsOf(graph: OriginGraph, claimId: string): OriginRef[] {
  const roots = new Map<string, OriginRef>();
  for (const chain of originChains(graph, claimId)) {
    const root = chain[chain.length - 1];
    roots.set(originKey(root), root);
  }
  return [...roots.values()];
}

/** The distinct origins a set of claims rests on: claims resting, directly or through a chain, on
 *  the same origin count once. Cost: O(claims × chain length). */
export function independentOrigins(graph: OriginGraph, claimIds: readonly string[]): OriginRef[] {
  const roots = new Map<string, OriginRef>();
  for (const id of claimIds) for (const root of originsOf(graph, id)) roots.set(originKey(root), root);
  return [...roots.values()];
}

/** True when making `from` rest on `to` would close a loop (A rests on B rests on A), including a
 *  claim resting on itself. Only a claim can lead back to a claim. Cost: the claims reachable from `to`. */
export function wouldCreateCycle(edges: readonly RestsOnEdge[], from: string, to: OriginRef): boolean {
  if (to.kind !== "claim") return false;
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.to.kind === "claim") next.set(e.from, [...(next.get(e.from) ?? []), e.to.id]);
  const seen = new Set<string>();
  const stack = [to.id];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === from) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

export interface ProvenanceSummary {
  claims: number;
  sources: number;
  origins: number;
  /** "4 claims in 4 sources resting on 2 independent origins" */
  sentence: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** N claims in M sources resting on K independent origins, for a set of claims in the graph. */
export function provenanceSummary(graph: OriginGraph, claimIds: readonly string[]): ProvenanceSummary {
  const ids = [...new Set(claimIds)];
  const sources = new Set(ids.map((id) => graph.claims.get(id)?.sourceId).filter((s): s is string => !!s)).size;
  const origins = independentOrigins(graph, ids).length;
  return {
    claims: ids.length,
    sources,
    origins,
    sentence: `${count(ids.length, "claim", "claims")} in ${count(sources, "source", "sources")} resting on ${count(origins, "independent origin", "independent origins")}`,
  };
}
