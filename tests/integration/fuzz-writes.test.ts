import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "@/lib/server/clusters";
import { createLink } from "@/lib/server/links";
import { addClusterMemberInput, appearanceInput, createClusterInput, createLinkInput, createReferenceInput, createSourceInput, createSpeakerInput, credentialsInput, dismissalsInput, updateClaimInput, updateSourceInput } from "@/lib/schemas";
import { type MalformedCase, expectEveryCaseRefused, junkIds, malformedBodies, refusedBy } from "../helpers/malformed";
import { callRoute, useDatabaseForRoutes, type RouteHandler } from "../helpers/routes";
import { seedWithClaims } from "../helpers/seeded-claims";
import { createTestDatabase, databaseFingerprint, type TestDatabase } from "../helpers/testdb";
import { CSTO } from "../helpers/members";

// Every other write endpoint (links, clusters, sources, import, accounts, dismissals) gets 200+ malformed
// requests: never a 500, always a 4xx with a message, and the database unchanged.
const CASES = 210;
const INJECTION_TAIL = "'; DROP TABLE \"Source\"; -- <script>alert(1)</script>";
const JUNK_IDS = junkIds("cl" + "0".repeat(20));


describe("malformed writes to every other endpoint", () => {
  let t: TestDatabase;
  const ids = { claimA: "", claimB: "", claimC: "", link: "", cluster: "", source: "", version: 1 };
  const load = async (p: string) => (await import(p)) as unknown as Record<string, RouteHandler>;

  beforeAll(async () => {
    t = await createTestDatabase("fuzz_writes");
    const { actor, source, claimA, claimB, claimC } = await seedWithClaims(t);
    Object.assign(ids, { claimA, claimB, claimC });
    ids.link = (await createLink(t.db, actor, { fromId: ids.claimA, toId: ids.claimB, relation: "SUPPORTS" })).id;
    ids.cluster = (await createCluster(t.db, actor, CSTO, { name: "Existing cluster", claimIds: [ids.claimA] })).id;
    ids.source = source.id;
    ids.version = source.version;
    useDatabaseForRoutes(t.url);
  });
  afterAll(async () => t?.drop());

  async function expectRefused(handler: RouteHandler, method: string, path: string, params: Record<string, string>, cases: MalformedCase[]) {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    await expectEveryCaseRefused(t.db, handler, { method, path, params }, cases);
  }

  /** Semantic refusals the schema cannot see: unknown ids, self links, duplicates. */
  const idCases = (make: (id: string, i: number) => Record<string, unknown>) =>
    Array.from({ length: 40 }, (_, i) => ({ label: `ids #${i}`, rawBody: JSON.stringify(make(JUNK_IDS[i % JUNK_IDS.length], i)) }));

  it("POST /api/links", async () => {
    const { POST } = await load("@/app/api/links/route");
    const valid = { fromId: ids.claimA, toId: ids.claimC, relation: "CONTRADICTS", note: "n" };
    const cases = [
      ...refusedBy(createLinkInput, malformedBodies(valid, CASES, 21, ["note"])),
      { label: "self link", rawBody: JSON.stringify({ ...valid, toId: ids.claimA }) },
      { label: "duplicate", rawBody: JSON.stringify({ fromId: ids.claimA, toId: ids.claimB, relation: "SUPPORTS" }) },
      { label: "duplicate reversed", rawBody: JSON.stringify({ fromId: ids.claimB, toId: ids.claimA, relation: "REFINES" }) },
      ...idCases((id, i) => (i % 2 ? { ...valid, fromId: id } : { ...valid, toId: id })),
    ];
    await expectRefused(POST, "POST", "/api/links", {}, cases);
  });

  it("DELETE /api/links/:id, /api/clusters/:id and cluster members with unknown ids", async () => {
    const link = await load("@/app/api/links/[id]/route");
    const cluster = await load("@/app/api/clusters/[id]/route");
    const member = await load("@/app/api/clusters/[id]/members/[claimId]/route");
    const before = await databaseFingerprint(t.db);
    let count = 0;
    for (let i = 0; i < 210; i++) {
      const junk = JUNK_IDS[i % JUNK_IDS.length] + (i > 100 ? String(i) : "");
      const responses = [
        await callRoute(link.DELETE, { method: "DELETE", path: `/api/links/x`, params: { id: junk } }),
        await callRoute(cluster.DELETE, { method: "DELETE", path: `/api/clusters/x`, params: { id: junk } }),
        await callRoute(member.DELETE, { method: "DELETE", path: `/api/clusters/x/members/y`, params: i % 2 ? { id: junk, claimId: ids.claimA } : { id: ids.cluster, claimId: junk } }),
      ];
      for (const r of responses) {
        expect(r.status, junk).toBeGreaterThanOrEqual(400);
        expect(r.status, junk).toBeLessThan(500);
        count++;
      }
    }
    expect(count).toBe(630);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("POST /api/clusters and POST /api/clusters/:id/members", async () => {
    const clusters = await load("@/app/api/clusters/route");
    const members = await load("@/app/api/clusters/[id]/members/route");
    const valid = { name: "Kazakhstan deployment size", note: "n", claimIds: [ids.claimA] };
    await expectRefused(clusters.POST, "POST", "/api/clusters?project=csto", {}, [
      ...refusedBy(createClusterInput, malformedBodies(valid, CASES, 31, ["note", "claimIds"])),
      { label: "taken name", rawBody: JSON.stringify({ name: "Existing cluster" }) },
      ...idCases((id) => ({ ...valid, claimIds: [id] })),
    ]);
    await expectRefused(members.POST, "POST", `/api/clusters/${ids.cluster}/members`, { id: ids.cluster }, [
      ...refusedBy(addClusterMemberInput, malformedBodies({ claimId: ids.claimB }, CASES, 32)),
      ...idCases((id) => ({ claimId: id })),
    ]);
  });

  it("POST /api/speakers, POST /api/references and the provenance fields of PATCH /api/claims/:id", async () => {
    const speakers = await load("@/app/api/speakers/route");
    const references = await load("@/app/api/references/route");
    const claim = await load("@/app/api/claims/[id]/route");
    await expectRefused(speakers.POST, "POST", "/api/speakers", {}, [
      ...refusedBy(createSpeakerInput, malformedBodies({ name: "Michael Andersen", role: "journalist", aliases: ["Andersen"] }, CASES, 51, ["role", "aliases"])),
      { label: "blank name", rawBody: JSON.stringify({ name: "   " }) },
    ]);
    await expectRefused(references.POST, "POST", "/api/references", {}, [
      ...refusedBy(createReferenceInput, malformedBodies({ title: "TASS report", publisher: "TASS", url: "https://tass.ru/x", date: "2022-01-06" }, CASES, 52, ["publisher", "url", "date"])),
      { label: "not a date", rawBody: JSON.stringify({ title: "T", date: "2022-13-01" }) },
    ]);
    const valid = { version: 1, speakerName: "Michael Andersen", attributionType: "PARAPHRASE", restsOn: { kind: "claim", id: ids.claimB }, claimDate: { start: "2022-01-01", end: "2022-01-31", precision: "MONTH" } };
    await expectRefused(claim.PATCH, "PATCH", `/api/claims/${ids.claimC}`, { id: ids.claimC }, [
      ...refusedBy(updateClaimInput, malformedBodies(valid, CASES, 53, ["speakerName", "attributionType", "restsOn", "claimDate"])),
      { label: "rests on itself", rawBody: JSON.stringify({ version: 1, restsOn: { kind: "claim", id: ids.claimC } }) },
      ...idCases((id, i) => ({ version: 1, ...(i % 3 === 0 ? { speakerId: id } : { restsOn: { kind: ["claim", "source", "reference"][i % 3], id } }) })),
    ]);
  });

  it("POST /api/sources and PATCH /api/sources/:id", async () => {
    const sources = await load("@/app/api/sources/route");
    const source = await load("@/app/api/sources/[id]/route");
    const valid = { body: "A new text about the CSTO.", title: "T", author: "A", publisher: "P", date: "2022-01", url: "https://example.org/a" };
    await expectRefused(sources.POST, "POST", "/api/sources?project=csto", {}, [
      ...refusedBy(createSourceInput, malformedBodies(valid, CASES + 80, 41, ["title", "author", "publisher", "date", "url"])),
      { label: "blank text", rawBody: JSON.stringify({ ...valid, body: "   \n  " }) },
      { label: "no such day", rawBody: JSON.stringify({ ...valid, date: "2022-02-30" }) },
      { label: "javascript url", rawBody: JSON.stringify({ ...valid, url: "javascript:alert(1)" }) },
    ]);
    const patch = { version: ids.version, title: "Corrected", date: "2022-05-16" };
    await expectRefused(source.PATCH, "PATCH", `/api/sources/${ids.source}`, { id: ids.source }, [
      ...refusedBy(updateSourceInput, malformedBodies(patch, CASES + 80, 42, ["title", "date"])),
      { label: "stale version", rawBody: JSON.stringify({ ...patch, version: ids.version + 5 }) },
    ]);
  });

  it("POST /api/sources/upload with malformed multipart bodies and files that are not documents", async () => {
    const upload = await load("@/app/api/sources/upload/route");
    const boundary = "----fuzzboundary";
    const part = (field: string, name: string | null, type: string, content: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"${name === null ? "" : `; filename="${name}"`}\r\nContent-Type: ${type}\r\n\r\n${content}\r\n`;
    const names = ["a.pdf", "b.html", "c.htm", "d.txt", "e.md", "f.docx", "g", "h.exe", "i.PDF"];
    const junk = ["", "%PDF-1.7\n%%EOF", "<html><body><p>short</p></body></html>", "   \n\t ", "...,;;", "\u0000\u0001", "<nav><a href='/'>Home</a></nav>"];
    const cases: { label: string; rawBody: string; type: string }[] = [];
    for (let i = 0; cases.length < 200; i++) {
      const name = names[i % names.length]!;
      // Injection strings carry words, which make a valid .txt or .md: only under other names.
      const content = junk[(i * 7) % junk.length]! + (i % 3 === 0 && !/\.(txt|md)$/.test(name) ? INJECTION_TAIL : "");
      const mode = i % 5;
      if (mode === 0) cases.push({ label: `file ${name} #${i}`, rawBody: part("file", name, "application/octet-stream", content) + `--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` });
      else if (mode === 1) cases.push({ label: `wrong field #${i}`, rawBody: part("document", name, "text/plain", "Words enough to be a source.") + `--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` });
      else if (mode === 2) cases.push({ label: `file as a plain field #${i}`, rawBody: part("file", null, "text/plain", "Words enough to be a source.") + `--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` });
      else if (mode === 3) cases.push({ label: `broken multipart #${i}`, rawBody: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n${content}`, type: `multipart/form-data; boundary=${boundary}` });
      else cases.push({ label: `not multipart #${i}`, rawBody: JSON.stringify({ file: content }), type: i % 2 ? "application/json" : "text/plain" });
    }
    const before = await databaseFingerprint(t.db);
    const failures: string[] = [];
    for (const c of cases) {
      const response = await callRoute(upload.POST, { method: "POST", path: "/api/sources/upload?project=csto", rawBody: c.rawBody, headers: { "content-type": c.type } });
      const payload = await response.json().catch(() => null);
      if (response.status < 400 || response.status >= 500 || !payload?.error?.message) failures.push(`${c.label}: ${response.status} ${JSON.stringify(payload)?.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await databaseFingerprint(t.db)).toBe(before);
  });

  it("POST /api/sources/:id/appearances", async () => {
    const appearances = await load("@/app/api/sources/[id]/appearances/route");
    const other = await t.db.source.findUniqueOrThrow({ where: { seedKey: "003_87eb5ab265d9726a.txt" } });
    await expectRefused(appearances.POST, "POST", `/api/sources/${ids.source}/appearances`, { id: ids.source }, [
      ...refusedBy(appearanceInput, malformedBodies({ documentId: other.id }, CASES, 61)),
      { label: "itself", rawBody: JSON.stringify({ documentId: ids.source }) },
      { label: "not a near-duplicate", rawBody: JSON.stringify({ documentId: other.id }) },
      ...idCases((id) => ({ documentId: id })),
    ]);
  });

  it("POST /api/import with malformed and partly invalid documents", async () => {
    const { POST } = await load("@/app/api/import/route");
    const good = (items: unknown[]) => ({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: items.length, first: { type: "AnnotationPage", items } });
    const claim = (i: number, extra: Record<string, unknown> = {}) => ({
      id: `urn:claim:fz${i}`, type: "Annotation", motivation: "describing",
      body: [{ type: "TextualBody", purpose: "tagging", value: "FACT" }],
      target: { source: `urn:source:${ids.source}`, selector: [{ type: "TextQuoteSelector", exact: "x", prefix: "", suffix: "" }, { type: "TextPositionSelector", start: 0, end: 1 }] },
      ...extra,
    });
    const variants: ((i: number) => unknown)[] = [
      () => "not an object",
      () => [],
      () => ({ type: "AnnotationCollection" }),
      (i) => good([claim(i, { target: { source: `urn:source:${ids.source}` } })]),
      (i) => good([claim(i, { body: [{ type: "TextualBody", purpose: "tagging", value: "RUMOUR" }] })]),
      (i) => good([claim(i), claim(i)]),
      (i) => ({ ...good([claim(i)]), total: 7 }),
      (i) => good([{ id: `urn:link:l${i}`, type: "Annotation", motivation: "linking", body: `urn:claim:missing${i}`, target: `urn:claim:fz${i}` }]),
      (i) => good([claim(i, { target: { source: `urn:source:unknown${i}`, selector: [{ type: "TextPositionSelector", start: 0, end: 1 }] } })]),
      () => "{".repeat(50),
    ];
    const cases = Array.from({ length: 210 }, (_, i) => {
      const doc = variants[i % variants.length](i);
      return { label: `import variant ${i % variants.length}`, rawBody: typeof doc === "string" && doc.startsWith("{") ? doc : JSON.stringify(doc) };
    });
    await expectRefused(POST, "POST", "/api/import?project=csto", {}, cases);
  });

  it("POST and DELETE /api/dismissals", async () => {
    const { POST, DELETE } = await load("@/app/api/dismissals/route");
    const valid = { keys: [`contradiction:${ids.claimA}|${ids.claimC}`, `suggestion:${ids.source}:0:10`] };
    const malformed = (seed: number) => refusedBy(dismissalsInput, malformedBodies(valid, CASES, seed));
    await expectRefused(POST, "POST", "/api/dismissals", {}, [
      ...malformed(61),
      ...idCases((id, i) => ({ keys: [i % 2 ? `contradiction:${ids.claimA}|${id}` : `suggestion:${id}:0:10`] })).filter((c) => dismissalsInput.safeParse(JSON.parse(c.rawBody)).success),
      { label: "deleted claim", rawBody: JSON.stringify({ keys: [`contradiction:${ids.claimA}|cdeleted0000000000000000`] }) },
    ]);
    await expectRefused(DELETE, "DELETE", "/api/dismissals", {}, malformed(62));
  });

  it("POST /api/auth/register and /api/auth/login", async () => {
    const register = await load("@/app/api/auth/register/route");
    const login = await load("@/app/api/auth/login/route");
    await callRoute(register.POST, { method: "POST", path: "/api/auth/register", body: { name: "Existing", password: "long enough password" } });
    const valid = { name: "Newcomer", password: "long enough password" };
    await expectRefused(register.POST, "POST", "/api/auth/register", {}, [
      ...refusedBy(credentialsInput, malformedBodies(valid, CASES, 51)),
      { label: "taken", rawBody: JSON.stringify({ name: "Existing", password: "another long password" }) },
    ]);
    await expectRefused(login.POST, "POST", "/api/auth/login", {}, [
      ...refusedBy(credentialsInput, malformedBodies(valid, CASES, 52)),
      ...Array.from({ length: 20 }, (_, i) => ({ label: "wrong password", rawBody: JSON.stringify({ name: i % 2 ? "Existing" : "Nobody", password: `wrong password ${i}` }) })),
    ]);
  });
});
