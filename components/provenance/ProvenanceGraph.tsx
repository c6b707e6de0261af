// The chain from each reporting claim through what it rests on to the earliest known origin,
// drawn as an SVG of columns (the reporting claims left, origins right) with the same chains as
// an ordered list for screen readers and copying. No layout library: the graph is a forest of
// short chains, and a column per depth (lib/server/provenance.ts) lays it out without crossings
// worth an algorithm. Cost: one box per claim, source or reference in the chains.
import type { ProvenanceGraphView, ProvenanceNode } from "@/lib/types";
import "./provenance.css";

const BOX_W = 240;
const BOX_H = 64;
const GAP_X = 70;
const GAP_Y = 18;
const KIND_WORDS: Record<ProvenanceNode["kind"], string> = { claim: "Claim", source: "Source", reference: "Outside reference" };

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function ProvenanceGraph({ graph, title }: { graph: ProvenanceGraphView; title: string }) {
  const columns = new Map<number, ProvenanceNode[]>();
  for (const n of graph.nodes) columns.set(n.depth, [...(columns.get(n.depth) ?? []), n]);
  const place = new Map<string, { x: number; y: number }>();
  for (const [depth, nodes] of columns) nodes.forEach((n, i) => place.set(n.key, { x: depth * (BOX_W + GAP_X), y: i * (BOX_H + GAP_Y) }));
  const width = Math.max(1, columns.size) * (BOX_W + GAP_X) - GAP_X;
  const height = Math.max(1, ...[...columns.values()].map((c) => c.length)) * (BOX_H + GAP_Y) - GAP_Y;
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  return (
    <section className="provenance" aria-labelledby="provenance-heading">
      <h2 id="provenance-heading">{title}</h2>
      <p className="provenance-summary">{graph.summary.sentence}</p>
      <div className="provenance-scroll">
        <svg width={width + 2} height={height + 2} viewBox={`-1 -1 ${width + 2} ${height + 2}`} role="img" aria-label={`Provenance graph: ${graph.summary.sentence}`}>
          <defs>
            <marker id="prov-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="provenance-arrowhead" />
            </marker>
          </defs>
          {graph.edges.map((e) => {
            const a = place.get(e.from);
            const b = place.get(e.to);
            if (!a || !b) return null;
            return <line key={`${e.from}>${e.to}`} className="provenance-edge" x1={a.x + BOX_W} y1={a.y + BOX_H / 2} x2={b.x} y2={b.y + BOX_H / 2} markerEnd="url(#prov-arrow)" />;
          })}
          {graph.nodes.map((n) => {
            const p = place.get(n.key)!;
            return (
              <g key={n.key} transform={`translate(${p.x},${p.y})`} className={`provenance-node provenance-${n.kind}`}>
                <rect width={BOX_W} height={BOX_H} rx="6" />
                <text x="10" y="18" className="provenance-kind">{KIND_WORDS[n.kind]}</text>
                <text x="10" y="36">{clip(n.label, 30)}</text>
                <text x="10" y="53" className="provenance-detail">{clip(n.detail, 36)}</text>
              </g>
            );
          })}
        </svg>
      </div>
      <h3>Chains, as text</h3>
      <ol className="provenance-chains" aria-label="Chains">
        {graph.chains.map((chain) => (
          <li key={chain.join(">")}>
            {chain.map((key, i) => {
              const n = byKey.get(key);
              return (
                <span key={key}>
                  {i > 0 && <span aria-label="rests on"> → </span>}
                  
                  {KIND_WORDS[n?.kind ?? "claim"].toLowerCase()} “{n?.label ?? key}”{n?.detail ? ` (${n.detail})` : ""}
                </span>
              );
            })}
          </li>
        ))}
      </ol>
    </section>
  );
}
