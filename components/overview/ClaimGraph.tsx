"use client";
// The claims-and-links graph: claims as numbered dots coloured by source, links as lines whose
// dash and colour say the relation and whose arrow says the direction. Laid out on the server
// (lib/overview/graph-layout.ts); @visx/zoom zooms and pans it (wheel, drag, or the buttons).
// Each dot is a link to the claim in its source. The links are also listed as text.
// Cost: one SVG element per drawn claim and link (capped, see lib/overview/claim-graph.ts).
import { Zoom } from "@visx/zoom";
import { useId } from "react";
import { relationLabel, RELATION_LABELS, kindLabel } from "@/lib/labels";
import { claimHref } from "@/lib/overview/claim-graph";
import { useProjectPath } from "@/components/shell/ProjectContext";
import { RELATION_STROKES, sourceColour, textColourOn } from "@/lib/overview/colours";
import { NODE_RADIUS } from "@/lib/overview/graph-layout";
import { sourceTag } from "@/lib/overview/source-matrix";
import { LINK_RELATIONS, type ClaimGraphNode, type ClaimGraphView } from "@/lib/types";
import "./overview.css";

const ZOOM_STEP = 1.3;
const MIN_SCALE = 0.5;
const MAX_SCALE = 6;
/** From this zoom on, each dot also shows the start of its quote. */
const LABELS_FROM = 1.8;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function ClaimGraph({ graph }: { graph: ClaimGraphView }) {
  const id = useId();
  const pathOf = useProjectPath();
  // graph.sources holds the drawn claims' sources only, each with its number in the source list.
  const sourceOf = new Map(graph.sources.map((s) => [s.id, s]));
  const tagOf = (n: ClaimGraphNode) => sourceTag(sourceOf.get(n.sourceId)!);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const describe = (n: ClaimGraphNode) => `${clip(n.quote, 120)} (${kindLabel(n.kind)}, ${tagOf(n)} ${sourceOf.get(n.sourceId)!.title})`;
  const { unlinked, overCap } = graph.hidden;

  if (graph.nodes.length === 0) {
    return <p>No links yet: link claims (contradicts, supports, refines) in a source or in Compare to see them here.</p>;
  }
  return (
    <figure className="claim-graph" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        Each dot is a claim, numbered and coloured by its source; each line is a link, drawn by its relation,
        with the arrow pointing from the linking claim to the claim it links to. Choose a dot to open the claim in its source.
      </figcaption>
      <p className="graph-counts">
        {graph.nodes.length} linked claim{graph.nodes.length === 1 ? "" : "s"} and {graph.edges.length} link{graph.edges.length === 1 ? "" : "s"} drawn.
        {unlinked > 0 && ` ${unlinked} claim${unlinked === 1 ? "" : "s"} without links ${unlinked === 1 ? "is" : "are"} not drawn.`}
        {overCap > 0 && ` ${overCap} more linked claim${overCap === 1 ? "" : "s"} (the least linked) ${overCap === 1 ? "is" : "are"} left out to keep the picture readable; the claims list has them all.`}
      </p>
      <Zoom<SVGSVGElement> width={graph.width} height={graph.height} scaleXMin={MIN_SCALE} scaleXMax={MAX_SCALE} scaleYMin={MIN_SCALE} scaleYMax={MAX_SCALE}>
        {(zoom) => {
          const scale = zoom.transformMatrix.scaleX;
          return (
            <div>
              <div className="graph-tools" role="toolbar" aria-label="Zoom the graph">
                <button type="button" onClick={() => zoom.scale({ scaleX: ZOOM_STEP, scaleY: ZOOM_STEP })} disabled={scale * ZOOM_STEP > MAX_SCALE}>Zoom in</button>
                <button type="button" onClick={() => zoom.scale({ scaleX: 1 / ZOOM_STEP, scaleY: 1 / ZOOM_STEP })} disabled={scale / ZOOM_STEP < MIN_SCALE}>Zoom out</button>
                <button type="button" onClick={zoom.reset}>Reset view</button>
                <span aria-live="polite">Zoom {Math.round(scale * 100)} %</span>
                <span className="graph-hint">Scroll over the graph to zoom, drag to move it.</span>
              </div>
              <svg
                ref={zoom.containerRef}
                className={zoom.isDragging ? "graph-canvas dragging" : "graph-canvas"}
                viewBox={`0 0 ${graph.width} ${graph.height}`}
                role="group"
                aria-label="Claims and links graph"
              >
                <defs>
                  {LINK_RELATIONS.map((r) => (
                    <marker key={r} id={`${id}-arrow-${r}`} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse">
                      <path d="M 0 0 L 10 5 L 0 10 z" fill={RELATION_STROKES[r].colour} />
                    </marker>
                  ))}
                </defs>
                <rect width={graph.width} height={graph.height} fill="#fff" />
                <g transform={zoom.toString()}>
                  {graph.edges.map((e) => {
                    const a = byId.get(e.fromId)!;
                    const b = byId.get(e.toId)!;
                    const dx = b.x - a.x;
                    const dy = b.y - a.y;
                    const len = Math.hypot(dx, dy) || 1;
                    // Stop the line at the target's rim, so the arrow shows.
                    const cut = (NODE_RADIUS + 2) / len;
                    const stroke = RELATION_STROKES[e.relation];
                    return (
                      <line
                        key={e.id}
                        x1={a.x + dx * (NODE_RADIUS / len)}
                        y1={a.y + dy * (NODE_RADIUS / len)}
                        x2={b.x - dx * cut}
                        y2={b.y - dy * cut}
                        stroke={stroke.colour}
                        strokeWidth={2 / Math.sqrt(scale)}
                        strokeDasharray={stroke.dash}
                        markerEnd={`url(#${id}-arrow-${e.relation})`}
                        data-relation={e.relation}
                      >
                        <title>{`${clip(a.quote, 60)} ${RELATION_LABELS[e.relation].out} ${clip(b.quote, 60)}`}</title>
                      </line>
                    );
                  })}
                  {graph.nodes.map((n) => {
                    const { number } = sourceOf.get(n.sourceId)!;
                    const fill = sourceColour(number - 1);
                    const label = describe(n);
                    return (
                      <a key={n.id} href={pathOf(claimHref(n))} aria-label={label} className="graph-node">
                        <title>{label}</title>
                        <circle cx={n.x} cy={n.y} r={NODE_RADIUS} fill={fill} stroke="#1b1f24" strokeWidth={1} />
                        <text x={n.x} y={n.y} dy="0.35em" textAnchor="middle" fill={textColourOn(fill)} fontSize={number < 100 ? 11 : number < 1000 ? 8 : 6.5} fontWeight={600}>{number}</text>
                        {scale >= LABELS_FROM && (
                          <text x={n.x + NODE_RADIUS + 3} y={n.y} dy="0.35em" fontSize={12 / scale * 1.4} className="graph-quote">{clip(n.quote, 40)}</text>
                        )}
                      </a>
                    );
                  })}
                </g>
              </svg>
            </div>
          );
        }}
      </Zoom>
      <div className="graph-legend">
        <ul aria-label="Sources">
          {graph.sources.map((s) => {
            const index = s.number - 1;
            return (
              <li key={s.id}>
                <svg width={22} height={22} aria-hidden="true">
                  <circle cx={11} cy={11} r={9} fill={sourceColour(index)} stroke="#1b1f24" />
                  <text x={11} y={11} dy="0.35em" textAnchor="middle" fontSize={s.number < 100 ? 10 : s.number < 1000 ? 8 : 6.5} fontWeight={600} fill={textColourOn(sourceColour(index))}>{s.number}</text>
                </svg>
                {sourceTag(s)} {s.title}
              </li>
            );
          })}
        </ul>
        <ul aria-label="Relations">
          {LINK_RELATIONS.map((r) => (
            <li key={r}>
              <svg width={46} height={14} aria-hidden="true">
                <line x1={2} y1={7} x2={36} y2={7} stroke={RELATION_STROKES[r].colour} strokeWidth={2} strokeDasharray={RELATION_STROKES[r].dash} markerEnd={`url(#${id}-arrow-${r})`} />
              </svg>
              {relationLabel(r)}
            </li>
          ))}
        </ul>
      </div>
      <details className="picture-text">
        <summary>The drawn links as a list</summary>
        <ul>
          {graph.edges.map((e) => {
            const a = byId.get(e.fromId)!;
            const b = byId.get(e.toId)!;
            return (
              <li key={e.id}>
                <a href={pathOf(claimHref(a))}>{clip(a.quote, 90)}</a> ({tagOf(a)}) {RELATION_LABELS[e.relation].out}{" "}
                <a href={pathOf(claimHref(b))}>{clip(b.quote, 90)}</a> ({tagOf(b)})
              </li>
            );
          })}
        </ul>
      </details>
    </figure>
  );
}
