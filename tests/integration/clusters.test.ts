import path from "node:path";
import { SEED_PROJECT } from "@/lib/server/projects";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClaim, deleteClaim } from "@/lib/server/claims";
import { addClusterMember, contradictionSuggestions, createCluster, deleteCluster, getCluster, listClusters, removeClusterMember } from "@/lib/server/clusters";
import { DomainError } from "@/lib/errors";
import { createLink } from "@/lib/server/links";
import { seedCorpus } from "@/lib/server/seed";
import type { Actor } from "@/lib/server/users";
import { CSTO, member } from "../helpers/members";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";

const CORPUS = path.resolve(__dirname, "../../data/corpus");

describe("clusters of claims", () => {
  let t: TestDatabase;
  let actor: Actor;
  const ids: Record<string, string> = {};

  async function claimOn(seedKey: string, phrase: string) {
    const source = await t.db.source.findUniqueOrThrow({ where: { seedKey } });
    const start = source.body.indexOf(phrase);
    return (await createClaim(t.db, actor, { sourceId: source.id, start, end: start + phrase.length, kind: "FACT" })).id;
  }

  async function expectRefused(action: () => Promise<unknown>, status: number, message: RegExp) {
    const before = await databaseFingerprint(t.db);
    const error = await action().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(status);
    expect((error as DomainError).message).toMatch(message);
    expect(await databaseFingerprint(t.db)).toBe(before);
  }

  beforeAll(async () => {
    t = await createTestDatabase("clusters");
    await seedCorpus(t.db, CORPUS);
    actor = await member(t.db, "cluster-tester");
    ids.caravanserai = await claimOn("001_368f92058b86ed85.txt", "a CSTO mission of more than 2,000 troops was deployed");
    ids.counterpunch = await claimOn("003_87eb5ab265d9726a.txt", "2,500 of its troops entered Kazakhstan");
    ids.essay = await claimOn("000_dfd454984cb772b8.txt", "about 3,000 paratroopers");
    ids.eurasia = await claimOn("004_438cc6c4c90e1221.txt", "a force of under 4000 personnel");
  });
  afterAll(async () => t?.drop());

  it("groups claims and shows each one's source and figures, with the contradictions marked", async () => {
    await createLink(t.db, actor, { fromId: ids.caravanserai, toId: ids.eurasia, relation: "CONTRADICTS" });
    const created = await createCluster(t.db, actor, CSTO, { name: "Kazakhstan deployment size", claimIds: [ids.caravanserai, ids.counterpunch, ids.essay] });
    expect(created.memberCount).toBe(3);
    await addClusterMember(t.db, actor, created.id, ids.eurasia);

    const cluster = (await getCluster(t.db, SEED_PROJECT.id, created.id))!;
    const rows = cluster.members.map((m) => [m.sourceTitle, m.figures.map((f) => f.text)]);
    expect(rows).toEqual([
      ["The CSTO and the outcomes of good intentions", ["about 3,000 paratroopers"]],
      ["Doubts grow over CSTO membership in wake of Russia's war in Ukraine", ["more than 2,000 troops"]],
      ["Why It's Time to Take the Russian-Led Military Alliance Seriously", ["2,500 troops"]],
      ["Eurasia Under the Collective Security Treaty Organization (CSTO)", ["less than 4,000 personnel"]],
    ]);
    expect(cluster.members.find((m) => m.claimId === ids.caravanserai)).toMatchObject({ author: "Kanat Altynbayev", date: "2022-05", kind: "FACT" });
    expect(cluster.contradictions).toEqual([
      { aId: ids.essay, bId: ids.counterpunch, basis: "figures", figures: [{ a: "about 3,000 paratroopers", b: "2,500 troops" }] },
      { aId: ids.caravanserai, bId: ids.eurasia, basis: "link", figures: [] },
    ]);
    expect(cluster.members.find((m) => m.claimId === ids.counterpunch)!.contradicts).toEqual([ids.essay]);
    expect(await listClusters(t.db, SEED_PROJECT.id)).toMatchObject([{ name: "Kazakhstan deployment size", memberCount: 4 }]);
  });

  it("suggests the unlinked figure conflict across sources, not the pair already linked", async () => {
    const suggestions = await contradictionSuggestions(t.db, SEED_PROJECT.id);
    expect(suggestions.map((s) => [s.fromId, s.toId].sort())).toEqual([[ids.counterpunch, ids.essay].sort()]);
    await createLink(t.db, actor, { fromId: ids.counterpunch, toId: ids.essay, relation: "CONTRADICTS" });
    expect(await contradictionSuggestions(t.db, SEED_PROJECT.id)).toEqual([]);
  });

  it("refuses a second cluster with the same name, a missing or deleted claim, a duplicate member", async () => {
    const [cluster] = await listClusters(t.db, SEED_PROJECT.id);
    await expectRefused(() => createCluster(t.db, actor, CSTO, { name: "Kazakhstan deployment size" }), 409, /already exists/);
    await expectRefused(() => createCluster(t.db, actor, CSTO, { name: "Other", claimIds: ["nope"] }), 404, /Claim nope does not exist/);
    await expectRefused(() => addClusterMember(t.db, actor, cluster.id, ids.essay), 409, /already in this cluster/);
    await expectRefused(() => addClusterMember(t.db, actor, "missing-cluster", ids.essay), 404, /Cluster missing-cluster does not exist/);
    const doomed = await claimOn("002_98b48e446e185cb4.txt", "the winter of 2022 in Kazakhstan");
    await deleteClaim(t.db, actor, doomed);
    await expectRefused(() => addClusterMember(t.db, actor, cluster.id, doomed), 400, /was deleted/);
  });

  it("removes a member, hides deleted claims, and deletes the cluster while its claims stay", async () => {
    const [summary] = await listClusters(t.db, SEED_PROJECT.id);
    await removeClusterMember(t.db, actor, summary.id, ids.eurasia);
    await deleteClaim(t.db, actor, ids.essay);
    const cluster = (await getCluster(t.db, SEED_PROJECT.id, summary.id))!;
    expect(cluster.members.map((m) => m.claimId).sort()).toEqual([ids.caravanserai, ids.counterpunch].sort());
    await expectRefused(() => removeClusterMember(t.db, actor, summary.id, ids.eurasia), 404, /not in this cluster/);

    await deleteCluster(t.db, actor, summary.id);
    expect(await getCluster(t.db, SEED_PROJECT.id, summary.id)).toBeNull();
    expect(await t.db.claim.count({ where: { id: { in: [ids.caravanserai, ids.counterpunch] }, deletedAt: null } })).toBe(2);
    const history = await t.db.history.findMany({ where: { entity: "CLUSTER", entityId: summary.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["created", "member added", "member added", "member added", "member added", "member removed", "deleted"]);
  });
});
