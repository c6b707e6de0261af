"use client";
// The agreement of a round's annotators: a table per pair with a colour scale (green high, red
// low, the number printed in every cell), Krippendorff's alpha over all of them, and the
// confusion matrix of kinds for a chosen pair. Under each figure one line says what it means.
import { useId, useState } from "react";
import { agreementFill, agreementWords, formatAgreement } from "@/lib/agreement/colour";
import { kindLabel } from "@/lib/labels";
import type { RoundAgreementView } from "@/lib/types";

function Score({ value, label }: { value: number | null; label?: string }) {
  return (
    <td className="score" style={{ background: agreementFill(value) }} title={label}>
      {formatAgreement(value)}
    </td>
  );
}

function ScaleLegend() {
  return (
    <p className="scale-legend" aria-hidden="true">
      <span>Colour scale: low</span>
      {[0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => <span key={v} className="swatch" style={{ background: agreementFill(v) }}>{v.toFixed(1)}</span>)}
      <span>high; grey “–”: no value</span>
      <span className="swatch" style={{ background: agreementFill(null) }}>–</span>
    </p>
  );
}

export function AgreementFigures({ agreement }: { agreement: RoundAgreementView }) {
  const pairId = useId();
  const [pairIndex, setPairIndex] = useState(0);
  const pair = agreement.pairs[pairIndex]!;
  const { alpha } = agreement;
  const maxCell = Math.max(1, ...pair.confusion.flat());
  return (
    <section aria-labelledby="agreement-heading" className="agreement">
      <h2 id="agreement-heading">Agreement</h2>
      <p className="alpha-line">
        All {agreement.annotators.length} annotators: <strong>Krippendorff&apos;s α = {formatAgreement(alpha.alpha)}</strong> ({agreementWords(alpha.alpha)})
        {" "}over {alpha.units} passage{alpha.units === 1 ? "" : "s"} marked by two or more of them
        {alpha.unmatchedSpans > 0 && <>; {alpha.unmatchedSpans} passage{alpha.unmatchedSpans === 1 ? "" : "s"} marked by one annotator only {alpha.unmatchedSpans === 1 ? "is" : "are"} not counted in α</>}.
      </p>
      <p className="figure-note">α says how consistently the team gave the same kind to the same words, 1 for always, 0 for no better than chance. {alpha.degenerate && "It is undefined here because every passage got one and the same kind."}</p>

      <div className="table-scroll">
        <table className="data-table agreement-table">
          <caption>Agreement per pair of annotators</caption>
          <thead>
            <tr>
              <th scope="col">Pair (reference first)</th>
              <th scope="col">Same passages (F1, overlap)</th>
              <th scope="col">Precision</th>
              <th scope="col">Recall</th>
              <th scope="col">Same passages (F1, exact)</th>
              <th scope="col">Same kinds (Cohen&apos;s κ)</th>
              {agreement.kinds.map((k) => <th key={k} scope="col">F1 {kindLabel(k).toLowerCase()}</th>)}
            </tr>
          </thead>
          <tbody>
            {agreement.pairs.map((p) => (
              <tr key={`${p.reference}-${p.other}`}>
                <th scope="row">{p.referenceName} – {p.otherName}</th>
                <Score value={p.overlap.f1} label={`${p.overlap.matched} matched of ${p.referenceCount} and ${p.otherCount}`} />
                <Score value={p.overlap.precision} />
                <Score value={p.overlap.recall} />
                <Score value={p.exact.f1} />
                <Score value={p.kappa} label={p.kappaDegenerate ? "undefined: one kind only" : `${p.kappaItems} passages compared`} />
                {p.perKind.map((k) => <Score key={k.kind} value={k.f1} />)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ScaleLegend />
      <p className="figure-note">
        Each row compares two annotators. F1 is 1 when they marked the same passages and 0 when they share none; precision and recall take the first
        as the reference (recall: how many of the first one&apos;s passages the second also marked). κ compares the kinds they gave to the passages both
        marked: 1 always the same kind, 0 no better than chance. Green is high, red is low.
      </p>
      <p className="figure-note matching-rule">How passages are matched: {agreement.matchingRule}</p>

      <h3>Kinds given to the same passages</h3>
      <label htmlFor={pairId}>Pair</label>{" "}
      <select id={pairId} value={pairIndex} onChange={(e) => setPairIndex(Number(e.target.value))}>
        {agreement.pairs.map((p, i) => <option key={i} value={i}>{p.referenceName} – {p.otherName}</option>)}
      </select>
      <table className="data-table confusion-matrix">
        <caption>Confusion matrix: {pair.referenceName} (rows) against {pair.otherName} (columns)</caption>
        <thead>
          <tr><th scope="col"><span className="visually-hidden">{pair.referenceName} said</span></th>{agreement.kinds.map((k) => <th key={k} scope="col">{pair.otherName}: {kindLabel(k)}</th>)}</tr>
        </thead>
        <tbody>
          {agreement.kinds.map((row, i) => (
            <tr key={row}>
              <th scope="row">{pair.referenceName}: {kindLabel(row)}</th>
              {agreement.kinds.map((col, j) => {
                const n = pair.confusion[i]![j]!;
                // The diagonal agrees (green), the rest disagrees (red); stronger for more passages.
                const fill = n === 0 ? "transparent" : `hsl(${i === j ? 130 : 0} 70% ${92 - 14 * (n / maxCell)}%)`;
                return <td key={col} className="score" style={{ background: fill }}>{n}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="figure-note">
        Each number counts passages both marked: {pair.referenceName}&apos;s kind in the row, {pair.otherName}&apos;s in the column. The diagonal (green)
        is where they agreed; any number off it (red) is the same words tagged differently. Here κ = {formatAgreement(pair.kappa)}
        {pair.kappa !== null && <> ({agreementWords(pair.kappa)})</>} over {pair.kappaItems} passage{pair.kappaItems === 1 ? "" : "s"}.
      </p>
    </section>
  );
}
