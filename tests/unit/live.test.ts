import { describe, expect, it } from "vitest";
import { describeNotice, formatEvent, SeenIds, type ChangeNotice } from "@/lib/live";

const notice: ChangeNotice = {
  id: 41, projectId: "p1", entity: "CLAIM", entityId: "c1", action: "retagged+noted", claimId: "c1", sourceId: "s1",
  actorId: "u1", actorName: "Ana", at: "2026-12-01T20:00:00.000Z",
};

describe("formatEvent", () => {
  it("frames a change as one server-sent event whose id is the History id", () => {
    const text = formatEvent({ type: "change", notice });
    expect(text.endsWith("\n\n")).toBe(true);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("id: 41");
    expect(lines[1]).toBe("event: change");
    expect(JSON.parse(lines[2]!.slice("data: ".length))).toEqual(notice);
  });

  it("frames a resync with the id to resume from", () => {
    expect(formatEvent({ type: "resync", id: 900 })).toBe('id: 900\nevent: resync\ndata: {"id":900}\n\n');
  });

  it("keeps a quote with line breaks on one data line", () => {
    const text = formatEvent({ type: "change", notice: { ...notice, actorName: "Ana\nBo" } });
    expect(text.split("\n").filter((l) => l.startsWith("data: "))).toHaveLength(1);
  });
});

describe("describeNotice", () => {
  it("says who did what, by the first action of a combined change", () => {
    expect(describeNotice(notice)).toBe("Ana changed the kind of a claim");
    expect(describeNotice({ entity: "LINK", action: "linked", actorName: "Bo" })).toBe("Bo linked two claims");
    expect(describeNotice({ entity: "SOURCE", action: "text-edited", actorName: null })).toBe("Someone corrected the text of a source");
    expect(describeNotice({ entity: "ROUND", action: "work marked done", actorName: "Ann" })).toBe("Ann marked their work done in a round of independent annotation");
    expect(describeNotice({ entity: "CLUSTER", action: "something-new", actorName: "Cy" })).toBe("Cy changed a cluster");
  });
});

describe("SeenIds", () => {
  it("accepts an id once and forgets the oldest beyond its capacity", () => {
    const seen = new SeenIds(3);
    expect([1, 2, 1, 3].map((id) => seen.add(id))).toEqual([true, true, false, true]);
    expect(seen.add(4)).toBe(true); // 1 is forgotten now
    expect(seen.add(1)).toBe(true);
    expect(seen.add(4)).toBe(false);
  });
});
