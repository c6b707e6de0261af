// Odd but possible input on every write endpoint and import (issue 12 item 6): NUL characters,
// half an emoji, ids of 100,000 characters, offsets past 2^31, impossible dates. Each is a 4xx
// with a message and leaves the database exactly as it was; never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/server/clusters";
import { expectEveryCaseRefused, ODD_IDS, oddValueBodies, type MalformedCase } from "../helpers/malformed";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { seedWithClaims } from "../helpers/seeded-claims";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";
import { claimItem, w3cDocument } from "../helpers/w3c-doc";
import { CSTO } from "../helpers/members";

type Routes = Record<string, RouteHandler>;
let total = 0;

describe("odd input on every write endpoint", () => {
  let t: TestDatabase;
  const ids = { source: "", body: "", version: 1, claimA: "", claimB: "", claimC: "", cluster: "" };
  const load = async (p: string) => (await import(p)) as unknown as Routes;

  beforeAll(async () => {
    t = await createTestDatabase("fuzz_odd");
    const { actor, source, claimA, claimB, claimC } = await seedWithClaims(t);
    Object.assign(ids, { source: source.id, body: source.body, version: source.version, claimA, claimB, claimC });
    ids.cluster = (await createCluster(t.db, actor, CSTO, { name: "Odd cluster", claimIds: [ids.claimA] })).id;
    useDatabaseForRoutes(t.url);
  });
  afterAll(async () => {
    await t?.drop();
    // The count the report quotes: every case below, refused.
    console.log(`fuzz-odd: ${total} odd requests refused`);
  });

  async function refused(handler: RouteHandler, method: string, path: string, params: Record<string, string>, cases: MalformedCase[]) {
    await expectEveryCaseRefused(t.db, handler, { method, path, params }, cases);
    total += cases.length;
  }

  it("claims: create and update", async () => {
    const claims = await load("@/app/api/claims/route");
    const claim = await load("@/app/api/claims/[id]/route");
    const start = ids.body.indexOf("Moscow");
    const valid = { sourceId: ids.source, start, end: start + 6, quote: "Moscow", kind: "FACT", note: "n" };
    await refused(claims.POST, "POST", "/api/claims", {}, [
      ...oddValueBodies(valid, ["sourceId"]),
      { label: "end past the text", rawBody: JSON.stringify({ ...valid, start: ids.body.length - 2, end: ids.body.length + 5, quote: undefined }) },
    ]);
    await refused(claim.PATCH, "PATCH", `/api/claims/${ids.claimA}`, { id: ids.claimA }, [
      ...oddValueBodies({ version: 1, note: "changed" }),
      ...oddValueBodies({ version: 1, start: 10, end: 20 }),
      { label: "end past the text", rawBody: JSON.stringify({ version: 1, start: 10, end: ids.body.length + 1 }) },
    ]);
  });

  it("links, clusters, members and dismissals", async () => {
    const links = await load("@/app/api/links/route");
    const clusters = await load("@/app/api/clusters/route");
    const members = await load("@/app/api/clusters/[id]/members/route");
    const dismissals = await load("@/app/api/dismissals/route");
    await refused(links.POST, "POST", "/api/links", {}, oddValueBodies({ fromId: ids.claimA, toId: ids.claimC, relation: "CONTRADICTS", note: "n" }, ["fromId", "toId"]));
    await refused(clusters.POST, "POST", "/api/clusters?project=csto", {}, [
      ...oddValueBodies({ name: "A new cluster", note: "n" }),
      ...ODD_IDS.map((id) => ({ label: `claimIds [${id.slice(0, 10)}]`, rawBody: JSON.stringify({ name: "Another", claimIds: [id] }) })),
    ]);
    await refused(members.POST, "POST", `/api/clusters/${ids.cluster}/members`, { id: ids.cluster }, oddValueBodies({ claimId: ids.claimB }, ["claimId"]));
    const keys = (key: string) => ({ label: `key ${JSON.stringify(key).slice(0, 40)}`, rawBody: JSON.stringify({ keys: [key] }) });
    const dismissalCases = [
      keys(`suggestion:${ids.source}:20:10`),
      keys(`suggestion:${ids.source}:10:10`),
      ...ODD_IDS.map((id) => keys(`contradiction:${ids.claimA}|${id}`)),
      ...ODD_IDS.map((id) => keys(`suggestion:${id}:0:10`)),
    ];
    await refused(dismissals.POST, "POST", "/api/dismissals", {}, dismissalCases);
    await refused(dismissals.DELETE, "DELETE", "/api/dismissals", {}, dismissalCases);
  });

  it("sources: add and edit, impossible dates included", async () => {
    const sources = await load("@/app/api/sources/route");
    const source = await load("@/app/api/sources/[id]/route");
    const valid = { body: "A text about the CSTO.", title: "T", author: "A", publisher: "P", date: "2022-01-06", url: "https://example.org/a" };
    const dates = ["2022-02-31", "2022-02-29", "2021-04-31", "0000-00-00", "2022-00-10", "2022-13", "2022-00", "10000-01-01", "-001-01-01", "2022-1-1"];
    const dated = (date: string) => ({ label: `date ${date}`, rawBody: JSON.stringify({ ...valid, date }) });
    await refused(sources.POST, "POST", "/api/sources?project=csto", {}, [...oddValueBodies(valid), ...dates.map(dated)]);
    const patch = { version: ids.version, title: "Corrected", body: "A corrected text." };
    await refused(source.PATCH, "PATCH", `/api/sources/${ids.source}`, { id: ids.source }, [
      ...oddValueBodies(patch),
      ...dates.map((date) => ({ label: `date ${date}`, rawBody: JSON.stringify({ version: ids.version, date }) })),
    ]);
  });

  it("accounts: register, sign in, change password", async () => {
    const register = await load("@/app/api/auth/register/route");
    const login = await load("@/app/api/auth/login/route");
    const password = await load("@/app/api/auth/password/route");
    const valid = { name: "Odd Researcher", password: "a long enough password" };
    const names = ["x".repeat(50_000), "Аlice", "a\u0000", "ab\uD83D", "  ", "<script>"];
    const named = names.map((name) => ({ label: `name ${JSON.stringify(name).slice(0, 20)}`, rawBody: JSON.stringify({ ...valid, name }) }));
    await refused(register.POST, "POST", "/api/auth/register", {}, [...oddValueBodies(valid), ...named]);
    await refused(login.POST, "POST", "/api/auth/login", {}, [...oddValueBodies(valid), ...named.filter((c) => !c.label.includes("Аlice"))]);
    await refused(password.POST, "POST", "/api/auth/password", {}, oddValueBodies({ currentPassword: "a long enough password", newPassword: "another long password" }));
  });

  it("paths and queries: NUL, half an emoji, 100,000-character ids, version=0x1", async () => {
    const claim = await load("@/app/api/claims/[id]/route");
    const restore = await load("@/app/api/claims/[id]/restore/route");
    const history = await load("@/app/api/claims/[id]/history/route");
    const link = await load("@/app/api/links/[id]/route");
    const cluster = await load("@/app/api/clusters/[id]/route");
    const member = await load("@/app/api/clusters/[id]/members/[claimId]/route");
    const source = await load("@/app/api/sources/[id]/route");
    const sourceClaims = await load("@/app/api/sources/[id]/claims/route");
    const claims = await load("@/app/api/claims/route");
    const exporter = await load("@/app/api/export/[format]/route");
    const claimProvenance = await load("@/app/api/claims/[id]/provenance/route");
    const provenanceSuggestions = await load("@/app/api/claims/[id]/provenance-suggestions/route");
    const clusterProvenance = await load("@/app/api/clusters/[id]/provenance/route");
    const before = await databaseFingerprint(t.db);
    const failures: string[] = [];
    const expect4xx = async (label: string, response: Promise<Response>) => {
      const r = await response;
      const body = await r.json().catch(() => null);
      if (r.status < 400 || r.status >= 500 || !body?.error?.message) failures.push(`${label}: ${r.status}`);
      total++;
    };
    for (const id of ODD_IDS) {
      const p = { id };
      await expect4xx(`GET claim ${id.slice(0, 9)}`, callRoute(claim.GET, { method: "GET", path: "/api/claims/x", params: p }));
      await expect4xx(`PATCH claim`, callRoute(claim.PATCH, { method: "PATCH", path: "/api/claims/x", params: p, body: { version: 1, note: "n" } }));
      await expect4xx(`DELETE claim`, callRoute(claim.DELETE, { method: "DELETE", path: "/api/claims/x", params: p }));
      await expect4xx(`restore`, callRoute(restore.POST, { method: "POST", path: "/api/claims/x/restore", params: p }));
      // A history read of an unknown but storable id is an empty history: only never a 500.
      const h = await callRoute(history.GET, { method: "GET", path: "/api/claims/x/history", params: p });
      if (h.status >= 500) failures.push(`history ${id.slice(0, 9)}: ${h.status}`);
      await expect4xx(`DELETE link`, callRoute(link.DELETE, { method: "DELETE", path: "/api/links/x", params: p }));
      await expect4xx(`GET cluster`, callRoute(cluster.GET, { method: "GET", path: "/api/clusters/x", params: p }));
      await expect4xx(`DELETE cluster`, callRoute(cluster.DELETE, { method: "DELETE", path: "/api/clusters/x", params: p }));
      await expect4xx(`DELETE member`, callRoute(member.DELETE, { method: "DELETE", path: "/api/clusters/x/members/y", params: { id: ids.cluster, claimId: id } }));
      await expect4xx(`GET source`, callRoute(source.GET, { method: "GET", path: "/api/sources/x", params: p }));
      await expect4xx(`PATCH source`, callRoute(source.PATCH, { method: "PATCH", path: "/api/sources/x", params: p, body: { version: 1, title: "t" } }));
      await expect4xx(`source claims`, callRoute(sourceClaims.GET, { method: "GET", path: "/api/sources/x/claims", params: p }));
      await expect4xx(`export format`, callRoute(exporter.GET, { method: "GET", path: "/api/export/x", params: { format: id } }));
      await expect4xx(`claim provenance`, callRoute(claimProvenance.GET, { method: "GET", path: "/api/claims/x/provenance", params: p }));
      await expect4xx(`provenance suggestions`, callRoute(provenanceSuggestions.GET, { method: "GET", path: "/api/claims/x/provenance-suggestions", params: p }));
      await expect4xx(`cluster provenance`, callRoute(clusterProvenance.GET, { method: "GET", path: "/api/clusters/x/provenance", params: p }));
    }
    for (const version of ["0x1", "1e0", " 1", "+1", "1.0", "0", "-1", "01", "99999999999", "١"]) {
      await expect4xx(`version=${version}`, callRoute(claim.DELETE, { method: "DELETE", path: `/api/claims/${ids.claimA}?version=${encodeURIComponent(version)}`, params: { id: ids.claimA } }));
    }
    for (const query of ["attribution=GOSSIP", "origin=somewhere", "speakerId=%00", "speakerId=no-such-speaker", `originSourceId=${"x".repeat(65)}`, "originSourceId=no-such-source"]) {
      await expect4xx(`export ?${query.slice(0, 20)}`, callRoute(exporter.GET, { method: "GET", path: `/api/export/csv?${query}`, params: { format: "csv" } }));
    }
    for (const query of ["q=%00", "sourceId=%00", `sourceId=${"x".repeat(3000)}`, `q=${"q".repeat(501)}`, `researcher=${"r".repeat(61)}`]) {
      await expect4xx(`claims ?${query.slice(0, 20)}`, callRoute(claims.GET, { method: "GET", path: `/api/claims?${query}` }));
      await expect4xx(`export ?${query.slice(0, 20)}`, callRoute(exporter.GET, { method: "GET", path: `/api/export/csv?${query}`, params: { format: "csv" } }));
    }
    expect(failures).toEqual([]);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("import: offsets past 2^31, dates outside PostgreSQL or the calendar, NUL, long names and ids, orphans on live spans", async () => {
    const { POST } = await load("@/app/api/import/route");
    const exact = ids.body.slice(0, 10);
    const base = { id: "oddimp", sourceId: ids.source, start: 0, end: 10, exact };
    const live = await t.db.claim.findUniqueOrThrow({ where: { id: ids.claimA } });
    const doc = (item: Record<string, unknown>, sources: unknown[] = []) => JSON.stringify(w3cDocument([item], sources));
    const newSource = (extra: Record<string, unknown>) => ({ id: "urn:source:oddsrc", "cp:body": "Some text here.", ...extra });
    const onNew = claimItem({ ...base, sourceId: "oddsrc", exact: "Some text ", end: 10 });
    const cases: MalformedCase[] = [
      ...[2 ** 31, 2 ** 31 + 10, 2 ** 40, 10_000_001].map((n) => ({ label: `offset ${n}`, rawBody: doc(claimItem({ ...base, start: n, end: n + 10 })) })),
      ...[2 ** 31, 2 ** 40].map((n) => ({ label: `orphaned offset ${n}`, rawBody: doc(claimItem({ ...base, start: n, end: n + 10, orphaned: true })) })),
      { label: "orphaned on a live span", rawBody: doc(claimItem({ ...base, start: live.start, end: live.end, exact: live.quote, orphaned: true })) },
      ...["0000-00-00", "2022-02-31", "2022-13-01", "2021-04-31"].map((d) => ({ label: `issued ${d}`, rawBody: doc(onNew, [newSource({ "dcterms:issued": d })]) })),
      ...["2022-13", "2022-00", "2022-02-30"].map((d) => ({ label: `approxDate ${d}`, rawBody: doc(onNew, [newSource({ "cp:approxDate": d })]) })),
      ...["-271821-04-20T00:00:00Z", "+275760-09-13T00:00:00Z", "0000-00-00T00:00:00Z", "2022-02-31T10:00:00Z", "2022", "yesterday", "2022-01-06 10:00"].map((d) => ({ label: `created ${d}`, rawBody: doc(claimItem({ ...base, created: d })) })),
      { label: "creator of 50,000 characters", rawBody: doc(claimItem({ ...base, creator: "n".repeat(50_000) })) },
      { label: "id of 100,000 characters", rawBody: doc(claimItem({ ...base, id: "i".repeat(100_000) })) },
      { label: "id with odd characters", rawBody: doc(claimItem({ ...base, id: "a b/c" })) },
      { label: "NUL in the source text", rawBody: doc(onNew, [newSource({ "cp:body": "Some text\u0000here." })]) },
      { label: "NUL in the title", rawBody: doc(onNew, [newSource({ "dcterms:title": "T\u0000" })]) },
      { label: "half an emoji in the quote", rawBody: doc(claimItem({ ...base, exact: `${exact.slice(0, 9)}\uD83D` })) },
      { label: "NUL in the creator", rawBody: doc(claimItem({ ...base, creator: "a\u0000b" })) },
      { label: "text/plain that mentions JSON", rawBody: doc(claimItem(base)) },
    ];
    const last = cases.pop()!;
    await refused(POST, "POST", "/api/import?project=csto", {}, cases);
    const before = await databaseFingerprint(t.db);
    const response = await callRoute(POST, { method: "POST", path: "/api/import?project=csto", rawBody: last.rawBody, headers: { "content-type": "text/plain; x=application/json" } });
    expect(response.status).toBe(415);
    expect(await databaseFingerprint(t.db)).toBe(before);
    total++;
  });
});
