import { describe, expect, it } from "vitest";
import { connectorPath, layoutLink, linksBetweenColumns, placeOf, sideBySide, spreadMarkers, type ColumnBox, type Marker } from "@/components/compare/geometry";

// Three columns 200 px wide with 40 px gaps; each shows y 100..500 of its text.
const COLUMNS: ColumnBox[] = [0, 1, 2].map((i) => ({ view: { top: 100, bottom: 500, left: i * 240, right: i * 240 + 200 } }));
const at = (y: number) => ({ top: y - 8, bottom: y + 8 });
const link = (from: [number, number | null], to: [number, number | null]) => ({
  linkId: "L", relation: "SUPPORTS" as const,
  from: { claimId: "a", column: from[0], mark: from[1] === null ? null : at(from[1]) },
  to: { claimId: "b", column: to[0], mark: to[1] === null ? null : at(to[1]) },
});

/** Every x the curve's points (start, controls, end) take: the curve stays within them. */
function xs(d: string): number[] {
  return [...d.matchAll(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
}

describe("placeOf", () => {
  const view = { top: 100, bottom: 500, left: 0, right: 200 };
  it("tells on-screen marks from those scrolled above or below, and collapsed columns", () => {
    expect(placeOf(at(300), view)).toBe("visible");
    expect(placeOf(at(40), view)).toBe("above");
    expect(placeOf(at(900), view)).toBe("below");
    expect(placeOf(at(300), null)).toBe("collapsed");
    expect(placeOf(null, view)).toBe("collapsed");
  });

  it("places a claim outside the painted stretch of a long text above or below, out of view", () => {
    expect(placeOf(null, view, "above")).toBe("above");
    expect(placeOf(null, view, "below")).toBe("below");
    expect(placeOf(null, null, "below")).toBe("collapsed");
    // Both ends out of view: no connector, no marker; one on screen: a marker pointing down.
    const unpainted = { ...link([0, 300], [1, null]), to: { claimId: "b", column: 1, mark: null, unpainted: "below" as const } };
    expect(layoutLink(unpainted, COLUMNS)).toMatchObject({ connector: null, markers: [{ column: 0, toward: "down", targetId: "b" }] });
  });
});

describe("sideBySide", () => {
  it("counts only open columns as standing between", () => {
    expect(sideBySide(0, 1, [true, true, true])).toBe(true);
    expect(sideBySide(0, 2, [true, true, true])).toBe(false);
    expect(sideBySide(2, 0, [true, false, true])).toBe(true);
    expect(sideBySide(0, 2, [true, true, false])).toBe(false);
  });
});

describe("connectorPath", () => {
  it("keeps the curve between its two ends horizontally", () => {
    const d = connectorPath(200, 120, 240, 480);
    expect(d.startsWith("M 200.0 120.0 C")).toBe(true);
    for (const x of xs(d)) {
      expect(x).toBeGreaterThanOrEqual(200);
      expect(x).toBeLessThanOrEqual(240);
    }
  });
});

describe("layoutLink", () => {
  it("draws neighbouring columns' on-screen ends through the gap between them", () => {
    const { connector, markers } = layoutLink(link([0, 150], [1, 400]), COLUMNS);
    expect(markers).toEqual([]);
    expect(connector?.ends).toEqual([[200, 150], [240, 400]]);
    for (const x of xs(connector!.d)) expect(x >= 200 && x <= 240).toBe(true);
  });

  it("draws right to left links from the left column's edge too", () => {
    const { connector } = layoutLink(link([1, 400], [0, 150]), COLUMNS);
    expect(connector?.ends).toEqual([[200, 150], [240, 400]]);
  });

  it("never draws across an open column: both ends get a marker facing the other", () => {
    const { connector, markers } = layoutLink(link([0, 150], [2, 300]), COLUMNS);
    expect(connector).toBeNull();
    expect(markers.map((m) => [m.claimId, m.side, m.x, m.y, m.toward, m.targetId])).toEqual([
      ["a", "right", 200, 150, "across", "b"],
      ["b", "left", 480, 300, "across", "a"],
    ]);
  });

  it("draws across a collapsed column", () => {
    const columns = [COLUMNS[0], { view: null }, { view: { top: 100, bottom: 500, left: 280, right: 480 } }];
    const { connector } = layoutLink(link([0, 150], [2, 300]), columns);
    expect(connector?.ends).toEqual([[200, 150], [280, 300]]);
  });

  it("marks a link to a claim scrolled out of view at the visible end, pointing the way, never along the edge", () => {
    const below = layoutLink(link([0, 150], [1, 900]), COLUMNS);
    expect(below.connector).toBeNull();
    expect(below.markers).toHaveLength(1);
    expect(below.markers[0]).toMatchObject({ claimId: "a", side: "right", toward: "down", targetColumn: 1 });
    const above = layoutLink(link([0, 20], [1, 300]), COLUMNS);
    expect(above.markers).toHaveLength(1);
    expect(above.markers[0]).toMatchObject({ claimId: "b", side: "left", toward: "up", targetColumn: 0 });
  });

  it("shows nothing when neither end is on screen", () => {
    expect(layoutLink(link([0, 20], [1, 900]), COLUMNS)).toEqual({ connector: null, markers: [] });
  });

  it("points across at a claim in a collapsed column", () => {
    const columns = [COLUMNS[0], { view: null }, COLUMNS[2]];
    const { markers } = layoutLink(link([0, 150], [1, null]), columns);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ toward: "across", targetColumn: 1 });
  });
});

describe("spreadMarkers", () => {
  const marker = (linkId: string, column: number, side: Marker["side"], y: number): Marker => ({
    linkId, relation: "SUPPORTS", claimId: "a", targetId: "b", targetColumn: 1, column, side, x: 0, y, toward: "down",
  });
  it("pushes markers on one edge apart, leaving other edges alone", () => {
    const out = spreadMarkers([marker("1", 0, "right", 110), marker("2", 0, "right", 100), marker("3", 1, "left", 105)], 18);
    const y = Object.fromEntries(out.map((m) => [m.linkId, m.y]));
    expect(y).toEqual({ "2": 100, "1": 118, "3": 105 });
  });
});

describe("linksBetweenColumns", () => {
  it("lists each link once, only between claims in different columns shown", () => {
    const columns = [{ claims: [{ id: "a" }, { id: "a2" }] }, { claims: [{ id: "b" }] }];
    const links = [
      { id: "ab", fromId: "a", toId: "b", relation: "REFINES" as const },
      { id: "ax", fromId: "a", toId: "x", relation: "SUPPORTS" as const },
      { id: "aa2", fromId: "a", toId: "a2", relation: "SUPPORTS" as const },
    ];
    expect(linksBetweenColumns(columns, links)).toEqual([{ linkId: "ab", relation: "REFINES", fromId: "a", fromColumn: 0, toId: "b", toColumn: 1 }]);
  });
});
