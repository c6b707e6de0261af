import type { Connector, Marker } from "./geometry";

const ARROWS: Record<Marker["toward"], string> = { up: "↑", down: "↓", across: "⇢" };
const WHERE: Record<Marker["toward"], string> = { up: "above, scrolled out of view", down: "below, scrolled out of view", across: "not beside this column" };

/** Connectors (drawn only through gutters, see geometry.ts) and, for links that cannot be drawn
 *  without crossing text, a marker at the column's edge that brings the other end into view. */
export function ConnectorLayer({ connectors, markers, titleOf, onReveal }: {
  connectors: Connector[];
  markers: Marker[];
  titleOf: (column: number) => string;
  onReveal: (marker: Marker) => void;
}) {
  return (
    <>
      <svg className="connectors" aria-hidden="true">
        {connectors.map((c) => (
          <g key={c.linkId}>
            <path d={c.d} data-link-id={c.linkId} data-relation={c.relation} className={`relation-${c.relation.toLowerCase()}`} />
            {c.ends.map(([x, y], i) => <circle key={i} cx={x} cy={y} r={3.5} className={`relation-${c.relation.toLowerCase()}`} />)}
          </g>
        ))}
      </svg>
      {markers.map((m) => (
        <button key={`${m.linkId}:${m.side}`} type="button" data-link-id={m.linkId} data-relation={m.relation}
          className={`link-marker ${m.side} relation-${m.relation.toLowerCase()}`} style={{ left: m.x, top: m.y }}
          aria-label={`Linked claim (${m.relation.toLowerCase()}) in ${titleOf(m.targetColumn)}, ${WHERE[m.toward]}: show it`}
          title={`${m.relation.toLowerCase()}: linked claim in ${titleOf(m.targetColumn)}`}
          onClick={() => onReveal(m)}>
          {ARROWS[m.toward]}
        </button>
      ))}
    </>
  );
}
