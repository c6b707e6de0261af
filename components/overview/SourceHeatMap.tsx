"use client";
// One relation's source × source matrix as a heat map (@visx/heatmap): each cell is a link to
// the two sources side by side in Compare (on the diagonal: the source's linked claims), labelled
// with its count; a colour scale under it (@visx/axis) and the same numbers as a table for screen
// readers and copying. Cost: sources² cells.
import { AxisBottom } from "@visx/axis";
import { Group } from "@visx/group";
import { HeatmapRect } from "@visx/heatmap";
import { scaleLinear } from "@visx/scale";
import { useId } from "react";
import { relationLabel } from "@/lib/labels";
import { HEAT_RAMPS, textColourOn } from "@/lib/overview/colours";
import { cellLabel, matrixMax, pairHref, sourceTag } from "@/lib/overview/source-matrix";
import { useProjectPath } from "@/components/shell/ProjectContext";
import type { SourcePairMatrix } from "@/lib/types";
import "./overview.css";

const LABEL_W = 200;
const HEAD_H = 26;
const LEGEND_W = 220;
const EMPTY_FILL = "#f6f8fa";

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const MEANING: Record<SourcePairMatrix["relation"], string> = {
  CONTRADICTS: "How many claims of one source are linked as contradicting a claim of the other (either direction). Darker means more.",
  SUPPORTS: "How many claims of one source are linked as supporting a claim of the other (either direction). Darker means more.",
};

/** What a cut picture draws and leaves out, e.g. "Drawn: the 20 sources with the most such links,
 *  of 1,000 sources; 980 are left out, 412 of them with such links." */
function cutNote(matrix: SourcePairMatrix): string {
  const n = matrix.sources.length;
  const of = matrix.ofSources.toLocaleString("en-GB");
  const out = (matrix.ofSources - n).toLocaleString("en-GB");
  if (n === 0) return `None of the ${of} sources has such links yet.`;
  // The drawn sources are those with the most links, so the linked ones left out are those past them.
  const linkedOut = matrix.linkedSources - n;
  if (linkedOut <= 0) return `Drawn: the ${n === 1 ? "only source" : `${n} sources`} with such links, of ${of} sources; the other ${out} have none.`;
  return `Drawn: the ${n} sources with the most such links, of ${of} sources; ${out} are left out, ${linkedOut.toLocaleString("en-GB")} of them with such links.`;
}

export function SourceHeatMap({ matrix }: { matrix: SourcePairMatrix }) {
  const captionId = useId();
  const pathOf = useProjectPath();
  const n = matrix.sources.length;
  // Wide enough for the column heads to stand apart ("S224" is about 32 px at 13 px): ten
  // sources with three-digit numbers still fit the figure's 600 px.
  const headWidth = 8 * Math.max(0, ...matrix.sources.map((s) => sourceTag(s).length)) + 4;
  const cell = Math.max(32, headWidth, Math.min(56, Math.floor(340 / Math.max(1, n))));
  const max = matrixMax(matrix);
  const [low, high] = HEAT_RAMPS[matrix.relation];
  const colour = scaleLinear<string>({ domain: [1, Math.max(2, max)], range: [low, high] });
  const fill = (count: number) => (count === 0 ? EMPTY_FILL : colour(count));
  const width = LABEL_W + n * cell + 2;
  const height = HEAD_H + n * cell + 2;
  // The legend: a grey swatch for none, then the ramp from one link to the most.
  const legendScale = scaleLinear<number>({ domain: [1, Math.max(2, max)], range: [0, LEGEND_W] });
  const legendTicks = legendScale.ticks(Math.min(4, max - 1)).filter(Number.isInteger);
  const gradientId = `${captionId}-ramp`;
  const columns = matrix.sources.map((_, col) => ({ col, bins: matrix.sources.map((__, row) => ({ row, count: matrix.counts[row][col] })) }));
  const title = relationLabel(matrix.relation);

  if (n === 0) {
    return (
      <figure className="heat-map" aria-labelledby={captionId}>
        <figcaption id={captionId}><strong>{title}</strong> between sources: {cutNote(matrix)}</figcaption>
      </figure>
    );
  }
  return (
    <figure className="heat-map" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{title}</strong> between sources: {MEANING[matrix.relation]} Choose a cell to compare the two sources.
        {matrix.ofSources > n && <> {cutNote(matrix)}</>}
      </figcaption>
      <div className="picture-scroll">
        <svg width={width} height={height} role="group" aria-label={`${title} heat map`}>
          <Group top={HEAD_H} left={LABEL_W}>
            {matrix.sources.map((s, i) => (
              <text key={s.id} x={i * cell + cell / 2} y={-8} textAnchor="middle" className="heat-head">
                <title>{s.title}</title>
                {sourceTag(s)}
              </text>
            ))}
            {matrix.sources.map((s, i) => (
              <text key={s.id} x={-8} y={i * cell + cell / 2} dy="0.35em" textAnchor="end" className="heat-head">
                <title>{s.title}</title>
                {sourceTag(s)} {clip(s.title, 21)}
              </text>
            ))}
            <HeatmapRect
              data={columns}
              bins={(c) => c.bins}
              count={(b) => b.count}
              xScale={(i) => i * cell}
              yScale={(i) => i * cell}
              binWidth={cell}
              binHeight={cell}
              gap={2}
            >
              {(grid) => grid.flat().map((c) => {
                const count = c.count ?? 0;
                const row = c.row;
                const col = c.column;
                const label = cellLabel(matrix, row, col);
                return (
                  <a key={`${row}-${col}`} href={pathOf(pairHref(matrix.sources, row, col))} aria-label={label} className="heat-cell">
                    <title>{label}</title>
                    <rect x={c.x} y={c.y} width={c.width} height={c.height} rx={3} fill={fill(count)} />
                    <text x={c.x + c.width / 2} y={c.y + c.height / 2} dy="0.35em" textAnchor="middle" fill={count === 0 ? "#59636e" : textColourOn(fill(count))}>
                      {count}
                    </text>
                  </a>
                );
              })}
            </HeatmapRect>
          </Group>
        </svg>
      </div>
      <div className="heat-legend">
        <svg width={max <= 1 ? 76 : LEGEND_W + 70} height={44} aria-hidden="true">
          <defs>
            <linearGradient id={gradientId}>
              <stop offset="0%" stopColor={low} />
              <stop offset="100%" stopColor={high} />
            </linearGradient>
          </defs>
          <Group left={10} top={4}>
            <rect width={16} height={12} fill={EMPTY_FILL} stroke="#d0d7de" />
            <text x={8} y={30} textAnchor="middle" fontSize={12} fill="#1b1f24">0</text>
          </Group>
          <Group left={50} top={4}>
            {max <= 1 ? (
              <>
                <rect width={16} height={12} fill={low} stroke="#d0d7de" />
                <text x={8} y={30} textAnchor="middle" fontSize={12} fill="#1b1f24">1</text>
              </>
            ) : (
              <>
                <rect width={LEGEND_W} height={12} fill={`url(#${gradientId})`} stroke="#d0d7de" />
                <AxisBottom top={12} scale={legendScale} tickValues={legendTicks} tickFormat={(v) => String(v)} tickLength={4} stroke="#59636e" tickStroke="#59636e" tickLabelProps={{ fill: "#1b1f24", fontSize: 12, textAnchor: "middle" }} />
              </>
            )}
          </Group>
        </svg>
        <span>links between the two sources</span>
      </div>
      <details className="picture-text">
        <summary>{title} between sources as a table</summary>
        <div className="table-scroll" role="region" aria-label={`${title} table, scrollable`} tabIndex={0}>
          <table className="data-table matrix">
            <thead>
              <tr>
                <td />
                {matrix.sources.map((s, j) => <th key={s.id} scope="col" title={s.title}>{sourceTag(s)}</th>)}
              </tr>
            </thead>
            <tbody>
              {matrix.sources.map((s, i) => (
                <tr key={s.id}>
                  <th scope="row">{sourceTag(s)} {s.title}</th>
                  {matrix.sources.map((t, j) => <td key={t.id} aria-label={cellLabel(matrix, i, j)}>{matrix.counts[i][j]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
