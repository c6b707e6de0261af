// Typed links between claims of different or the same source, and the rules they obey:
// no self links, no links to missing or deleted claims, at most one live link per pair of claims.
// Each write appends a History row on both claims' timelines.
import "server-only";
import type { Db, Tx } from "./db";
import { idList } from "./sql";
import { badRequest, conflict, forbidden, notFound } from "../errors";
import type { CreateLinkInput } from "../schemas";
import type { Actor } from "./users";
import { projectOfSource, requireRole } from "./projects";
import { mayCurate } from "../roles";
import type { LinkBetween, LinkRecord, LinkRelation } from "../types";

export interface LinkEnd {
  id: string;
  sourceId: string;
  quote: string;
}

export interface LinkView extends LinkRecord {
  from: LinkEnd;
  to: LinkEnd;
}

const linkInclude = {
  author: { select: { name: true } },
  from: { select: { id: true, sourceId: true, quote: true, authorId: true } },
  to: { select: { id: true, sourceId: true, quote: true, authorId: true } },
} as const;

interface LinkRow {
  id: string;
  fromId: string;
  toId: string;
  relation: LinkRelation;
  note: string;
  createdAt: Date;
  author: { name: string };
  from: LinkEnd;
  to: LinkEnd;
}

function toView(row: LinkRow): LinkView {
  return {
    id: row.id, fromId: row.fromId, toId: row.toId, relation: row.relation, note: row.note,
    authorName: row.author.name, createdAt: row.createdAt.toISOString(), from: row.from, to: row.to,
  };
}

function snapshot(row: { fromId: string; toId: string; relation: LinkRelation; note: string }) {
  return { fromId: row.fromId, toId: row.toId, relation: row.relation, note: row.note };
}

async function recordOnBothClaims(tx: Tx, actor: Actor, row: LinkRow, action: "linked" | "unlinked") {
  const change = action === "linked" ? { after: snapshot(row) } : { before: snapshot(row) };
  await tx.history.createMany({
    data: [row.fromId, row.toId].map((claimId) => ({ entity: "LINK" as const, entityId: row.id, claimId, action, ...change, actorId: actor.id })),
  });
}

/** The claim's project; 404 when it does not exist, 400 when it was deleted. */
async function requireLiveClaim(tx: Tx, id: string, which: string): Promise<string> {
  const claim = await tx.claim.findUnique({ where: { id }, select: { deletedAt: true, source: { select: { projectId: true } } } });
  if (!claim) throw notFound(`The ${which} claim ${id} does not exist`);
  if (claim.deletedAt) throw badRequest(`The ${which} claim ${id} was deleted: restore it before linking it`);
  return claim.source.projectId;
}

/** Any annotator of the project links any two of its claims (lib/roles.ts). */
export async function createLink(db: Db, actor: Actor, input: CreateLinkInput): Promise<LinkView> {
  if (input.fromId === input.toId) throw badRequest("A claim cannot be linked to itself");
  return db.$transaction(async (tx) => {
    const projectId = await requireLiveClaim(tx, input.fromId, "first");
    await requireRole(tx, actor, projectId, "ANNOTATOR", "link claims");
    // A claim of another project is one this project does not have (the trigger
    // "ClaimLink_project" refuses it as well).
    if ((await requireLiveClaim(tx, input.toId, "second")) !== projectId) throw notFound(`The second claim ${input.toId} does not exist`);
    const pair = [{ fromId: input.fromId, toId: input.toId }, { fromId: input.toId, toId: input.fromId }];
    const existing = await tx.claimLink.findFirst({ where: { deletedAt: null, OR: pair }, select: { id: true, relation: true } });
    if (existing) {
      throw conflict(`These two claims are already linked (${existing.relation.toLowerCase()}): delete that link to change it`, { linkId: existing.id });
    }
    // Both claims are live, so a soft-deleted row between them can never be restored with a claim:
    // it is stale, and removing it frees the unique (fromId, toId) pair.
    await tx.claimLink.deleteMany({ where: { deletedAt: { not: null }, OR: pair } });
    const row = await tx.claimLink.create({
      data: { fromId: input.fromId, toId: input.toId, relation: input.relation, note: input.note ?? "", authorId: actor.id },
      include: linkInclude,
    });
    await recordOnBothClaims(tx, actor, row, "linked");
    return toView(row);
  });
}

export async function deleteLink(db: Db, actor: Actor, id: string): Promise<LinkView> {
  return db.$transaction(async (tx) => {
    const row = await tx.claimLink.findUnique({ where: { id }, include: linkInclude });
    if (!row || row.deletedAt) throw notFound(`Link ${id} does not exist or was deleted`);
    // The rule: a link may be removed by whoever made it, by the author of either claim it joins,
    // or by a curator.
    const projectId = (await projectOfSource(tx, row.from.sourceId))!;
    const role = await requireRole(tx, actor, projectId, "ANNOTATOR", "remove links");
    if (!mayCurate(role) && ![row.authorId, row.from.authorId, row.to.authorId].includes(actor.id)) {
      throw forbidden(`Link ${id} was made by ${row.author.name}: only they, the authors of its claims or a curator can remove it`);
    }
    await tx.claimLink.delete({ where: { id } });
    await recordOnBothClaims(tx, actor, row, "unlinked");
    return toView(row);
  });
}

/** A project's live links, oldest first; with claimIds, only those touching one of these claims. */
export async function listLinks(db: Db, filter: { projectId: string; claimIds?: string[] }): Promise<LinkView[]> {
  const ids = filter.claimIds;
  const inProject = { deletedAt: null, source: { projectId: filter.projectId } };
  const rows = await db.claimLink.findMany({
    where: {
      deletedAt: null,
      from: inProject,
      to: inProject,
      ...(ids ? { OR: [{ fromId: { in: ids } }, { toId: { in: ids } }] } : {}),
    },
    include: linkInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toView);
}

/** The live links with both ends among `claimIds` (the compare view's columns), oldest first.
 *  Two index scans over the ids given: grows with the claims shown and their links only. */
export async function listLinksBetween(db: Db, claimIds: string[]): Promise<LinkBetween[]> {
  if (!claimIds.length) return [];
  const ids = idList(claimIds);
  return db.$queryRaw<LinkBetween[]>`
    SELECT l."id", l."fromId", l."toId", l."relation"::text AS "relation" FROM "ClaimLink" l
    WHERE l."deletedAt" IS NULL AND l."fromId" = ANY(${ids}) AND l."toId" = ANY(${ids})
    ORDER BY l."createdAt", l."id"`;
}
