// The cluster's values drawn on a number line (figures) or a time line (dates): one row per claim,
// its interval as a bar (an unbounded end runs off as an arrow, an open end is a hollow dot) or a
// point, coloured by source, labelled with the claim's number and quote; rows whose values
// contradict are marked red, settled pairs name the link. SVG (visx) with a caption and a list
// as its text alternative. Cost: one row per member.
import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear, scaleUtc } from "@visx/scale";
import { Line } from "@visx/shape";
import type { ClaimValuesView } from "@/lib/types";
import { formatDateInterval } from "@/lib/quantities/date-intervals";

/** Okabe–Ito: told apart with the common colour-vision deficiencies, all ≥ 3:1 on white. */
export const SOURCE_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8a6d00", "#56B4E9", "#1b1f24", "#E69F00"];

export interface PictureMember {
  number: number;
  claimId: string;
  sourceId: string;
  sourceTitle: string;
  quote: string;
  values: ClaimValuesView;
}

export interface PictureNote {
  claimId: string;
  /** "⚠ contradicts #3", "refines #2 (linked by Ann)" */
  text: string;
  conflict: boolean;
}

const WIDTH = 1000;
const LABEL_WIDTH = 330;
const LABEL_CHARS = 40; // of the quote beside "#n", so a label of wide letters still ends before the plot
const NOTE_WIDTH = 170;
const NOTE_LINE = 13; // px between the lines of a row's notes
const ROW = 34;
const TOP = 10;
const AXIS = 40;

/** At most `max` characters of the quote, cut so that the value's own words stay in view
 *  ("…servicemen, about 3,000 paratroopers" rather than "sending the largest number of…"). */
function clipAround(text: string, words: string | undefined, max: number): string {
  if (text.length <= max) return text;
  const at = words ? text.indexOf(words) : -1;
  if (at < 0 || at + words!.length <= max - 1) return `${text.slice(0, max - 1)}…`;
  const room = max - 2; // characters between the two ellipses
  let from = Math.min(Math.max(1, at - 8), text.length - (max - 1));
  if (from + room < at + words!.length) from = at + words!.length - room;
  const end = from + room;
  return end >= text.length ? `…${text.slice(text.length - (max - 1))}` : `…${text.slice(from, end)}…`;
}

interface Row {
  member: PictureMember;
  from: number;
  to: number;
  fromOpen: boolean;
  toOpen: boolean;
  /** The end runs to infinity. */
  unbounded: boolean;
  text: string;
  /** The quote's words the value was read from, kept visible in the row's label. */
  words: string | undefined;
}

export function ValuesPicture({ kind, members, sourceColour, notes }: {
  kind: "figures" | "dates";
  members: PictureMember[];
  sourceColour: Map<string, string>;
  notes: PictureNote[];
}) {
  const rows: Row[] = [];
  for (const m of members) {
    if (kind === "figures" && m.values.figure) {
      const f = m.values.figure;
      rows.push({ member: m, from: f.lower ?? 0, to: f.upper ?? NaN, fromOpen: f.lowerOpen, toOpen: f.upperOpen, unbounded: f.upper === null, text: `${f.label} ${f.intervalText}`, words: f.corrected ? undefined : f.text });
    } else if (kind === "dates" && m.values.date) {
      const d = m.values.date;
      // A period runs from its first day's start to its last day's end.
      rows.push({ member: m, from: Date.parse(d.start), to: Date.parse(d.end) + 86_400_000, fromOpen: false, toOpen: false, unbounded: false, text: formatDateInterval(d), words: d.corrected ? undefined : d.text });
    }
  }
  if (!rows.length) return null;
  const finite = rows.flatMap((r) => [r.from, r.unbounded ? r.from : r.to]);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const span = hi - lo || (kind === "dates" ? 365 * 86_400_000 : Math.max(1, Math.abs(hi)));
  lo -= span * 0.08;
  hi += span * 0.15;
  if (kind === "figures") lo = Math.max(0, lo);
  const plotLeft = LABEL_WIDTH;
  const plotRight = WIDTH - NOTE_WIDTH - 20;
  const height = TOP + rows.length * ROW + AXIS;
  const x = kind === "dates"
    ? scaleUtc({ domain: [new Date(lo), new Date(hi)], range: [plotLeft, plotRight] })
    : scaleLinear({ domain: [lo, hi], range: [plotLeft, plotRight], nice: true });
  const at = (v: number): number => Number((kind === "dates" ? (x as ReturnType<typeof scaleUtc<number>>)(new Date(v)) : (x as ReturnType<typeof scaleLinear<number>>)(v)) ?? plotLeft);
  const title = kind === "figures" ? "Figures on a number line" : "Dates on a time line";
  const quantities = [...new Set(rows.map((r) => r.member.values.figure?.quantity).filter(Boolean))];
  const events = [...new Set(rows.map((r) => r.member.values.event).filter(Boolean))];
  const captionId = `values-${kind}-caption`;
  const listId = `values-${kind}-list`;
  const usedSources = [...new Map(rows.map((r) => [r.member.sourceId, r.member.sourceTitle])).entries()];
  // A pair contradicting by its figures and by a link is one note, not two.
  const noteFor = (claimId: string) => notes.filter((n, i) => n.claimId === claimId && notes.findIndex((o) => o.claimId === claimId && o.text === n.text) === i);

  return (
    <figure className="values-picture" aria-labelledby={captionId}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={captionId} aria-describedby={listId} className="values-svg">
        {rows.map((r, i) => {
          const y = TOP + i * ROW + ROW / 2;
          const colour = sourceColour.get(r.member.sourceId) ?? "#1b1f24";
          const x1 = at(r.from);
          const x2 = r.unbounded ? plotRight + 20 : at(r.to);
          const point = !r.unbounded && Math.abs(x2 - x1) < 3;
          const rowNotes = noteFor(r.member.claimId);
          const conflict = rowNotes.some((n) => n.conflict);
          return (
            <Group key={r.member.claimId} className="values-row" data-row={r.member.number}>
              {conflict && <rect x={0} y={y - ROW / 2 + 2} width={WIDTH} height={ROW - 4} fill="#a40e26" opacity={0.07} />}
              <text x={4} y={y + 4} fontSize={13} fill="#1b1f24">
                <tspan fontWeight={700}>#{r.member.number}</tspan> {clipAround(r.member.quote, r.words, LABEL_CHARS)}
              </text>
              <Line from={{ x: plotLeft, y }} to={{ x: plotRight, y }} stroke="#d0d7de" strokeWidth={1} />
              {point ? (
                <circle cx={x1} cy={y} r={6} fill={colour} />
              ) : (
                <>
                  <Line from={{ x: x1, y }} to={{ x: x2, y }} stroke={colour} strokeWidth={8} strokeLinecap="butt" />
                  {r.unbounded && <path d={`M${x2},${y - 9} L${x2 + 14},${y} L${x2},${y + 9} z`} fill={colour} />}
                  <circle cx={x1} cy={y} r={5} fill={r.fromOpen ? "#fff" : colour} stroke={colour} strokeWidth={2} />
                  {!r.unbounded && <circle cx={x2} cy={y} r={5} fill={r.toOpen ? "#fff" : colour} stroke={colour} strokeWidth={2} />}
                </>
              )}
              {/* One line per note, centred on the row: a contradiction in red, a link in grey. */}
              <text x={plotRight + 40} y={y + 4 - ((rowNotes.length - 1) * NOTE_LINE) / 2} fontSize={12}>
                {rowNotes.map((n, k) => (
                  <tspan key={k} x={plotRight + 40} dy={k ? NOTE_LINE : 0} fill={n.conflict ? "#a40e26" : "#59636e"} fontWeight={n.conflict ? 700 : 400}>{n.text}</tspan>
                ))}
              </text>
            </Group>
          );
        })}
        <AxisBottom top={TOP + rows.length * ROW + 4} scale={x as never} numTicks={6} stroke="#59636e" tickStroke="#59636e"
          tickFormat={kind === "figures" ? (v) => Number(v).toLocaleString("en-US") : undefined}
          tickLabelProps={() => ({ fill: "#1b1f24", fontSize: 12, textAnchor: "middle" })} />
      </svg>
      <figcaption id={captionId}>
        <strong>{title}</strong>
        {kind === "figures" && quantities.length > 0 && <> of {quantities.join(", ")}</>}
        {kind === "dates" && (events.length ? <> of the event {events.map((e) => `“${e}”`).join(", ")}</> : <> (no event named: dates are not compared)</>)}
        . A bar is a range, a dot an exact value; a hollow end is excluded, an arrow runs on without end.
      </figcaption>
      <ul className="values-legend" aria-label="Sources">
        {usedSources.map(([id, title]) => (
          <li key={id}><span className="values-swatch" style={{ background: sourceColour.get(id) }} aria-hidden="true" /> {title}</li>
        ))}
      </ul>
      <ol id={listId} className="values-alt" aria-label="Values, claim by claim">
        {rows.map((r) => (
          <li key={r.member.claimId} value={r.member.number}>
            {r.member.sourceTitle}: {r.text}{noteFor(r.member.claimId).map((n) => ` — ${n.text}`).join("")}
          </li>
        ))}
      </ol>
    </figure>
  );
}
