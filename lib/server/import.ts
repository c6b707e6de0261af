// Writes an ImportPlan (from parseW3cImport) in one transaction, ids kept.
//
// Rules, checked in file order before anything is written; the first problem refuses the whole
// file and names the record:
// - a source that exists with the same id is reused when its text hashes the same as the file's
//   (or the file carries no text for it); different text is refused. A new source needs its text
//   in the file (cp:body).
// - a claim or link whose id exists is skipped when it says the same thing (so importing a file
//   twice adds nothing) and refused when it differs. Ids are never remapped: a file's links and
//   other tools' references keep pointing at the same records.
// - a claim must match the text it is anchored in (unless marked orphaned), and may not repeat the
//   span of another live claim.
import "server-only";
import type { Db, Tx } from "./db";
import { badRequest } from "../errors";
import type { ImportClaim, ImportLink, ImportPlan, ImportSource } from "../import/w3c";
import { Prisma } from "../generated/prisma/client";
import type { OriginalReference } from "../types";
import { contentHash, countWords, normalizeBody } from "./sources";
import { nameKey, normaliseName } from "../names";
import type { ImportSummary } from "../types";
import type { Actor } from "./users";
import { requireRole } from "./projects";
import { writeImportedProvenance } from "./import-provenance";
import { storeSuggestedSpans } from "./suggested-spans";

const iri = (kind: string, id: string) => `urn:${kind}:${id}`;

function refuse(kind: string, id: string, problem: string): never {
  throw badRequest(`${kind} ${iri(kind, id)}: ${problem}. Nothing was imported.`);
}

function sameClaim(a: ImportClaim, b: { sourceId: string; start: number; end: number; quote: string; kind: string; note: string; deletedAt: Date | null }) {
  return a.sourceId === b.sourceId && a.start === b.start && a.end === b.end && a.quote === b.quote && a.kind === b.kind && a.note === b.note && b.deletedAt === null;
}

/** Users named in the file (single-user mode only), found or created by name key; no password. */
async function authorIds(tx: Tx, actor: Actor, names: (string | null)[], keepAuthors: boolean): Promise<(name: string | null) => string> {
  if (!keepAuthors) return () => actor.id;
  const wanted = [...new Set(names.filter((n): n is string => n !== null).map(normaliseName))];
  await tx.user.createMany({ data: wanted.map((name) => ({ name, nameKey: nameKey(name) })), skipDuplicates: true });
  const users = await tx.user.findMany({ where: { nameKey: { in: wanted.map(nameKey) } }, select: { id: true, nameKey: true } });
  const ids = new Map(users.map((u) => [u.nameKey, u.id]));
  return (name) => (name === null ? actor.id : ids.get(nameKey(name)) ?? actor.id);
}

async function planSources(tx: Tx, projectId: string, sources: ImportSource[]) {
  const existing = new Map(
    (await tx.source.findMany({ where: { id: { in: sources.map((s) => s.id) } }, select: { id: true, body: true, contentHash: true, projectId: true } })).map((s) => [s.id, s]),
  );
  const bodies = new Map<string, string>();
  const create: Prisma.SourceCreateManyInput[] = [];
  // The original file's reference goes into the source's history: its bytes are not in the file.
  const originals = new Map<string, OriginalReference>();
  for (const s of sources) {
    const found = existing.get(s.id);
    const body = s.body === null ? null : normalizeBody(s.body);
    if (found) {
      // Ids are kept, never remapped: a source of another project cannot be shared into this one.
      if (found.projectId !== projectId) refuse("source", s.id, "a source with this id belongs to another project");
      if (body !== null && contentHash(body) !== found.contentHash) refuse("source", s.id, "a source with this id already exists with a different text");
      bodies.set(s.id, found.body);
      continue;
    }
    if (body === null) refuse("source", s.id, "the file does not carry its text (cp:body) and no source with this id exists here");
    if (body !== s.body) refuse("source", s.id, "cp:body must use \\n line ends (the offsets count them)");
    bodies.set(s.id, body);
    create.push({
      id: s.id, projectId, title: s.title, suggestedTitle: s.suggestedTitle, author: s.author, publisher: s.publisher, url: s.url,
      publishedDate: s.publishedDate ? new Date(`${s.publishedDate.slice(0, 10)}T00:00:00Z`) : null,
      approxDate: s.approxDate, body, contentHash: contentHash(body), wordCount: countWords(body), sections: s.sections as object[],
      pageMap: s.pageMap ? (s.pageMap as object[]) : Prisma.DbNull,
    });
    if (s.original) originals.set(s.id, s.original);
  }
  return { bodies, create, originals };
}

async function planClaims(tx: Tx, claims: ImportClaim[], bodies: Map<string, string>) {
  const existing = new Map((await tx.claim.findMany({ where: { id: { in: claims.map((c) => c.id) } } })).map((c) => [c.id, c]));
  const liveSpans = new Map(
    (await tx.claim.findMany({ where: { sourceId: { in: [...bodies.keys()] }, deletedAt: null, roundId: null }, select: { id: true, sourceId: true, start: true, end: true } })).map(
      (c) => [`${c.sourceId}:${c.start}:${c.end}`, c.id],
    ),
  );
  const create: ImportClaim[] = [];
  for (const c of claims) {
    const found = existing.get(c.id);
    if (found) {
      if (!sameClaim(c, found)) refuse("claim", c.id, "a claim with this id already exists and says something different (ids are kept, never remapped)");
      continue;
    }
    const body = bodies.get(c.sourceId)!;
    // An orphan keeps the offsets its words had before the text was corrected: they may run past
    // the corrected text's end (the app's own exports carry such claims), and are never painted.
    if (!c.orphaned && c.end > body.length) refuse("claim", c.id, `its offsets ${c.start}–${c.end} run past the end of the text of source ${c.sourceId} (${body.length})`);
    if (!c.orphaned && body.slice(c.start, c.end) !== c.quote) refuse("claim", c.id, `its quote does not match the text of source ${c.sourceId} at ${c.start}–${c.end}`);
    const span = `${c.sourceId}:${c.start}:${c.end}`;
    // Orphaned or not, one live claim per span outside rounds ("Claim_live_span_key"): imported
    // claims never belong to a round.
    const twin = liveSpans.get(span);
    if (twin) refuse("claim", c.id, `the same span is already claim ${twin}`);
    liveSpans.set(span, c.id);
    create.push(c);
  }
  return create;
}

/** Two claims are linked at most once, whichever way the link points (index "ClaimLink_live_pair_key"). */
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

async function planLinks(tx: Tx, links: ImportLink[]) {
  const ids = links.map((l) => l.id);
  const pairs = links.flatMap((l) => [{ fromId: l.fromId, toId: l.toId }, { fromId: l.toId, toId: l.fromId }]);
  const existing = await tx.claimLink.findMany({ where: { OR: [{ id: { in: ids } }, ...(pairs.length ? [{ OR: pairs }] : [])] } });
  const byId = new Map(existing.map((l) => [l.id, l]));
  // A removed link in the same direction still holds its (fromId, toId) row; one the other way does not.
  const taken = new Map(existing.filter((l) => !l.deletedAt).map((l) => [pairKey(l.fromId, l.toId), l.id]));
  for (const l of existing) if (l.deletedAt) taken.set(`${l.fromId}>${l.toId}`, l.id);
  const create: ImportLink[] = [];
  for (const l of links) {
    const found = byId.get(l.id);
    if (found) {
      if (found.fromId !== l.fromId || found.toId !== l.toId || found.relation !== l.relation || found.note !== l.note || found.deletedAt !== null) {
        refuse("link", l.id, "a link with this id already exists and says something different");
      }
      continue;
    }
    const other = taken.get(pairKey(l.fromId, l.toId)) ?? taken.get(`${l.fromId}>${l.toId}`);
    if (other) refuse("link", l.id, `these two claims are already linked (link ${other})`);
    taken.set(pairKey(l.fromId, l.toId), l.id);
    create.push(l);
  }
  return create;
}

/**
 * `importer` is the researcher importing: either a signed-in one (`id` given), to whom every claim
 * and link of the file is attributed, since nobody may write in another researcher's name (the
 * file's author is kept in the History row); or the single-user researcher (by name, created inside
 * the transaction so a refused file leaves no trace), under whom the file's authors are kept.
 */
export async function importPlan(db: Db, importer: { id?: string; name: string }, projectId: string, plan: ImportPlan): Promise<ImportSummary> {
  const keepAuthors = importer.id === undefined;
  return db.$transaction(
    async (tx) => {
      const actor: Actor = importer.id
        ? { id: importer.id, name: importer.name }
        : {
            ...(await tx.user.upsert({ where: { nameKey: nameKey(importer.name) }, update: {}, create: { name: normaliseName(importer.name), nameKey: nameKey(importer.name) }, select: { id: true, name: true } })),
            mayEditAll: true,
          };
      await requireRole(tx, actor, projectId, "ANNOTATOR", "import");
      const sources = await planSources(tx, projectId, plan.sources);
      const claims = await planClaims(tx, plan.claims, sources.bodies);
      const links = await planLinks(tx, plan.links);
      const authorOf = await authorIds(tx, actor, [...claims.map((c) => c.authorName), ...links.map((l) => l.authorName)], keepAuthors);
      const fileAuthor = (name: string | null) => (keepAuthors || name === null ? {} : { fileAuthor: name });
      const date = (iso: string | null) => (iso ? new Date(iso) : undefined);

      await tx.source.createMany({ data: sources.create });
      await storeSuggestedSpans(tx, sources.create.map((s) => ({ id: s.id!, body: s.body, sections: s.sections, contentHash: s.contentHash })));
      await tx.claim.createMany({
        data: claims.map((c) => ({
          id: c.id, sourceId: c.sourceId, start: c.start, end: c.end, quote: c.quote, prefix: c.prefix, suffix: c.suffix,
          kind: c.kind, note: c.note, orphaned: c.orphaned, authorId: authorOf(c.authorName),
          createdAt: date(c.createdAt), updatedAt: date(c.updatedAt ?? c.createdAt),
        })),
      });
      await writeImportedProvenance(tx, claims, refuse);
      await tx.claimLink.createMany({
        data: links.map((l) => ({ id: l.id, fromId: l.fromId, toId: l.toId, relation: l.relation, note: l.note, authorId: authorOf(l.authorName), createdAt: date(l.createdAt) })),
      });
      await tx.history.createMany({
        data: [
          ...sources.create.map((s) => ({ entity: "SOURCE" as const, entityId: s.id!, action: "imported", after: { title: s.title ?? null, contentHash: s.contentHash, ...(sources.originals.has(s.id!) ? { original: { ...sources.originals.get(s.id!)! } } : {}) }, actorId: actor.id })),
          ...claims.map((c) => ({
            entity: "CLAIM" as const, entityId: c.id, claimId: c.id, action: "imported",
            after: { start: c.start, end: c.end, quote: c.quote, kind: c.kind, note: c.note, version: 1, ...fileAuthor(c.authorName) }, actorId: actor.id,
          })),
          ...links.flatMap((l) =>
            [l.fromId, l.toId].map((claimId) => ({
              entity: "LINK" as const, entityId: l.id, claimId, action: "imported",
              after: { fromId: l.fromId, toId: l.toId, relation: l.relation, note: l.note, ...fileAuthor(l.authorName) }, actorId: actor.id,
            })),
          ),
        ],
      });
      return {
        sources: { created: sources.create.length, reused: plan.sources.length - sources.create.length },
        claims: { created: claims.length, unchanged: plan.claims.length - claims.length },
        links: { created: links.length, unchanged: plan.links.length - links.length },
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
