// One validation schema per input, used at the edge (route handlers) before lib/ is called.
import { z } from "zod";
import { normaliseName } from "./names";
import { isKnownUnitWord } from "./quantities/units";
import { ATTRIBUTION_TYPES, CLAIM_KINDS, DATE_PRECISION_VALUES, LINK_RELATIONS } from "./types";
import { PROJECT_ROLES, PROJECT_SLUG } from "./roles";

/** New passwords: at least this many characters (and not a common one: lib/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 10;

export const MAX_NOTE_LENGTH = 5_000;
export const MAX_SPAN_LENGTH = 20_000;
export const MAX_JSON_BYTES = 256 * 1024;

const id = z.string().trim().min(1, "must not be empty").max(64, "is too long");
const offset = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must not be negative").max(10_000_000, "is out of range");
const note = z.string({ error: "must be text" }).max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`);
const kind = z.enum(CLAIM_KINDS, { error: `must be one of ${CLAIM_KINDS.join(", ")}` });
const relation = z.enum(LINK_RELATIONS, { error: `must be one of ${LINK_RELATIONS.join(", ")}` });
const version = z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(2_147_483_647, "is out of range");
/** A version in a query string: decimal digits only ("0x1", "1e0" and " 1" are refused). */
const versionParam = z.string().regex(/^[1-9]\d{0,9}$/, "must be a whole number of at most 10 digits").transform(Number).pipe(version);

export const createClaimInput = z.strictObject({
  sourceId: id,
  start: offset,
  end: offset,
  /** The text the client saw selected: refused when it does not match the offsets. */
  quote: z.string().max(MAX_SPAN_LENGTH).optional(),
  kind,
  note: note.optional(),
});
export type CreateClaimInput = z.infer<typeof createClaimInput>;

const attributionType = z.enum(ATTRIBUTION_TYPES, { error: `must be one of ${ATTRIBUTION_TYPES.join(", ")}` });
const name = (what: string, max: number) => z.string({ error: "must be text" }).trim().min(1, `${what} must not be empty`).max(max, "is too long");
/** A real calendar day, yyyy-mm-dd ("2022-02-30" is refused). */
export const isoDay = z.string({ error: "must be a date" }).regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (yyyy-mm-dd)").refine(isRealDay, "is not a real day");
const optionalText = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

const httpUrl = z.string().trim().max(2000).refine((u) => { try { return /^https?:$/.test(new URL(u).protocol); } catch { return false; } }, "must be an http(s) URL");

export const createSpeakerInput = z.strictObject({
  name: name("name", 200),
  role: optionalText(200),
  aliases: z.array(name("alias", 200)).max(20).optional(),
});
export type CreateSpeakerInput = z.infer<typeof createSpeakerInput>;

export const createReferenceInput = z.strictObject({
  title: name("title", 500),
  publisher: optionalText(200),
  url: httpUrl.optional(),
  date: isoDay.optional(),
});
export type CreateReferenceInput = z.infer<typeof createReferenceInput>;

export const nameSearchInput = z.strictObject({ q: z.string().trim().max(200).optional() });

/** What a claim rests on: an existing claim, source or reference, a new outside reference, or nothing. */
const restsOn = z.union([
  z.strictObject({ kind: z.enum(["claim", "source", "reference"]), id }),
  z.strictObject({ kind: z.literal("newReference"), reference: createReferenceInput }),
]).nullable();

/** The period a claim is about (Claim.claimDate*): set in provenance or in the value correction. */
const claimDate = z.strictObject({
  start: isoDay,
  end: isoDay,
  precision: z.enum(DATE_PRECISION_VALUES, { error: `must be one of ${DATE_PRECISION_VALUES.join(", ")}` }),
}).refine((d) => d.start <= d.end, { message: "start must not be after end", path: ["end"] }).nullable();

const PROVENANCE_FIELDS = ["speakerId", "speakerName", "attributionType", "restsOn", "claimDate"] as const;

export const updateClaimInput = z
  .strictObject({
    version,
    kind: kind.optional(),
    note: note.optional(),
    start: offset.optional(),
    end: offset.optional(),
    /** An existing speaker, or null for nobody. */
    speakerId: id.nullable().optional(),
    /** A speaker by name: the record with that name (any case) or a new one. */
    speakerName: name("speakerName", 200).optional(),
    speakerRole: optionalText(200),
    attributionType: attributionType.optional(),
    restsOn: restsOn.optional(),
    claimDate: claimDate.optional(),
  })
  .refine((v) => (v.start === undefined) === (v.end === undefined), { message: "start and end must be changed together", path: ["start"] })
  .refine((v) => v.speakerId === undefined || v.speakerName === undefined, { message: "give speakerId or speakerName, not both", path: ["speakerName"] })
  .refine((v) => v.kind !== undefined || v.note !== undefined || v.start !== undefined || PROVENANCE_FIELDS.some((f) => v[f] !== undefined), {
    message: `nothing to change: give kind, note, start and end, or one of ${PROVENANCE_FIELDS.join(", ")}`,
  });
export type UpdateClaimInput = z.infer<typeof updateClaimInput>;

/** DELETE /api/claims/:id?version=N */
export const deleteClaimInput = z.strictObject({ version: versionParam.optional() });

export const createLinkInput = z.strictObject({
  fromId: id,
  toId: id,
  relation,
  note: note.optional(),
});
export type CreateLinkInput = z.infer<typeof createLinkInput>;

export const claimFilterInput = z.strictObject({
  sourceId: id.optional(),
  kind: kind.optional(),
  q: z.string().max(500).optional(),
  includeDeleted: z.enum(["true", "false"]).optional(),
  /** At most this many, in text order (a picker shows a few; without it, every claim of the filter). */
  limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(1000).optional(),
});

/** Names are compared after NFKC (lib/names.ts), so full-width or ligature forms are judged as plain letters. */
const researcherName = z.string({ error: "must be text" }).transform(normaliseName)
  .pipe(z.string().min(2, "must be at least 2 characters").max(60, "must be at most 60 characters")
    .regex(/^[\p{L}\p{M}\p{N} ._'-]+$/u, "may hold letters, digits, spaces and . _ ' - only"));
// Long passphrases are welcome: hashing pre-hashes them (lib/passwords.ts), so bcrypt's 72 bytes are no limit.
const password = z.string({ error: "must be text" }).min(1, "must not be empty").max(1_000, "must be at most 1000 characters");

/** POST /api/auth/login: any stored password is accepted here, however old its rules. */
export const credentialsInput = z.strictObject({ name: researcherName, password });

/** POST /api/auth/register: the password rules are checked in lib/passwords.ts (length, common list). */
export const registrationInput = z.strictObject({
  name: researcherName,
  password: password.refine((p) => [...p].length >= MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
});

/** POST /api/auth/password */
export const changePasswordInput = z.strictObject({
  currentPassword: password,
  newPassword: password.refine((p) => [...p].length >= MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
});

/** POST /api/tokens: a name to tell the token apart and how long it lives (null: until revoked). */
export const createApiTokenInput = z.strictObject({
  name: name("name", 100),
  expiresInDays: z.number({ error: "must be a number of days or null" }).int("must be whole days").min(1, "must be at least 1").max(366, "must be at most 366").nullable(),
});

/** "sourceId: must not be empty" — the first problem, named by its field. */
export function describeZodError(error: z.ZodError, input?: unknown): string {
  const issue = error.issues[0];
  if (!issue) return "Invalid input";
  const where = issue.path.length ? issue.path.join(".") : "";
  if (issue.code === "unrecognized_keys") return `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
  // Zod 4 leaves issue.input unset unless asked, so a wrong type ("3", 1.5) would read as missing:
  // what was sent is looked up in the input itself when the caller passes it.
  const missing = input === undefined ? issue.input === undefined : valueAt(input, issue.path) === undefined;
  if (issue.code === "invalid_type" && missing) return `${where || "body"}: is required`;
  return where ? `${where}: ${issue.message}` : issue.message;
}

export const linkFilterInput = z.strictObject({ claimId: id.optional() });

export const createClusterInput = z.strictObject({
  name: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  note: note.optional(),
  claimIds: z.array(id).max(500, "at most 500 claims at once").optional(),
});
export type CreateClusterInput = z.infer<typeof createClusterInput>;

export const addClusterMemberInput = z.strictObject({ claimId: id });

/** POST /api/sources/:id/appearances: the source this one is another appearance of. */
export const appearanceInput = z.strictObject({ documentId: id });

export const contradictionFilterInput = z.strictObject({
  /** Comma-separated source ids: only claims in these sources are compared. */
  sourceIds: z.string().max(2_000).optional(),
});
/** lib/dismissals.ts: "contradiction:<claimId>|<claimId>" or "suggestion:<sourceId>:<start>:<end>". */
const dismissalKey = z
  .string({ error: "must be text" })
  .max(200, "is too long")
  .regex(/^(contradiction:[A-Za-z0-9_-]{1,64}\|[A-Za-z0-9_-]{1,64}|suggestion:[A-Za-z0-9_-]{1,64}:\d{1,9}:\d{1,9})$/, "must be contradiction:<claim id>|<claim id> or suggestion:<source id>:<start>:<end>");
const suggestionSpan = /^suggestion:[^:]+:(\d+):(\d+)$/;
const orderedDismissalKey = dismissalKey.refine((k) => {
  const m = suggestionSpan.exec(k);
  return !m || Number(m[1]) < Number(m[2]);
}, "a suggestion's start must come before its end");
export const dismissalsInput = z.strictObject({ keys: z.array(orderedDismissalKey).min(1).max(500) });

// ---------------------------------------------------------------- exports, imports, sources

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const CLAIM_LINK_STATES = ["linked", "unlinked", "orphaned"] as const;
export const CLAIM_SORTS = ["position", "date", "source"] as const;
/** What a claim rests on, as the claims list filters it: anything, nothing, or one kind of origin. */
export const CLAIM_ORIGIN_FILTERS = ["any", "none", "claim", "source", "reference"] as const;

/** The filter of the claims list and of every export: one query string for both. */
export const exportFilterInput = z.strictObject({
  sourceId: id.optional(),
  kind: kind.optional(),
  q: z.string().max(500).optional(),
  linked: z.enum(CLAIM_LINK_STATES, { error: `must be one of ${CLAIM_LINK_STATES.join(", ")}` }).optional(),
  clusterId: id.optional(),
  researcher: z.string().trim().min(1).max(60).optional(),
  sort: z.enum(CLAIM_SORTS, { error: `must be one of ${CLAIM_SORTS.join(", ")}` }).optional(),
  speakerId: id.optional(),
  attribution: attributionType.optional(),
  origin: z.enum(CLAIM_ORIGIN_FILTERS, { error: `must be one of ${CLAIM_ORIGIN_FILTERS.join(", ")}` }).optional(),
  /** Claims resting on this source, directly or through one of its claims. */
  originSourceId: id.optional(),
  /** "curated": only claims a curator accepted or edited from a round (lib/server/rounds.ts). */
  set: z.enum(["curated"], { error: "must be curated" }).optional(),
  /** One researcher's claims, by id (e.g. one annotator of a round). */
  author: id.optional(),
});
export type ExportFilterInput = z.infer<typeof exportFilterInput>;
/** The claims list's and the exports' filter, as parsed from a query string. */
export type ExportFilter = ExportFilterInput;

/** A filter as query parameters (the claims list's page links and the export links), empty ones left out. */
export function filterSearchParams(filter: ExportFilter): URLSearchParams {
  return new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}

/** Empty query parameters mean "no filter", as an HTML form sends them. */
export function dropEmpty(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && v.trim() !== "") out[key] = v.trim();
  }
  return out;
}

export const MAX_SOURCE_TEXT_LENGTH = 200_000;

/** yyyy-mm-dd names a day that exists (no 31 February, no month 0). */
export function isRealDay(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** yyyy-mm-dd is an exact date; yyyy or yyyy-mm an approximate one. Empty clears it. */
const sourceDate = z
  .string({ error: "must be text" })
  .trim()
  .refine((v) => v === "" || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v), "must be yyyy-mm-dd, yyyy-mm or yyyy")
  .refine((v) => !/^\d{4}-\d{2}$/.test(v) || (Number(v.slice(5)) >= 1 && Number(v.slice(5)) <= 12), "has no such month")
  .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isRealDay(v), "is not a real day")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

const sourceUrl = z
  .string({ error: "must be text" })
  .trim()
  .max(2_000, "is too long")
  .refine((v) => v === "" || z.url({ protocol: /^https?$/ }).safeParse(v).success, "must be an http:// or https:// address")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

const sourceText = z
  .string({ error: "must be text" })
  .max(MAX_SOURCE_TEXT_LENGTH, `must be at most ${MAX_SOURCE_TEXT_LENGTH} characters`)
  .refine((v) => v.trim().length > 0, "must not be empty");

const sourceMetaFields = {
  title: optionalText(500),
  suggestedTitle: optionalText(500),
  author: optionalText(500),
  publisher: optionalText(500),
  date: sourceDate,
  dateEvidence: optionalText(2_000),
  url: sourceUrl,
  note: optionalText(MAX_NOTE_LENGTH),
};

export const createSourceInput = z.strictObject({ body: sourceText, ...sourceMetaFields });
export type CreateSourceInput = z.infer<typeof createSourceInput>;

export const updateSourceInput = z
  .strictObject({ version, body: sourceText.optional(), ...sourceMetaFields })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { message: "nothing to change: give the text or a metadata field" });
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;

/** Largest magnitude a corrected figure may have (the database refuses more, ClaimValue_numbers_check). */
export const MAX_FIGURE = 1e15;
// z.custom, not z.number: a wrong type is then reported as "must be a number", never as "is required".
const figure = z
  .custom<number>((v) => typeof v === "number", "must be a number")
  .refine(Number.isFinite, "must be a finite number")
  .refine((n) => Math.abs(n) <= MAX_FIGURE, `must be at most ${MAX_FIGURE.toExponential()} in size`)
  .nullable();

/** PUT /api/claims/:id/value: the researcher's figure, event and date for a claim; null leaves the parse alone. */
export const claimValueInput = z
  .strictObject({
    quantity: optionalText(100).nullable().optional(),
    unit: z.string({ error: "must be text" }).trim().max(50, "is too long").nullable().optional()
      .refine((u) => u == null || u === "" || isKnownUnitWord(u), { message: "is not a unit the app knows (troops, soldiers, personnel, people, percent, USD, km…)" }),
    value: figure.optional(),
    lower: figure.optional(),
    upper: figure.optional(),
    lowerOpen: z.boolean({ error: "must be true or false" }).optional(),
    upperOpen: z.boolean({ error: "must be true or false" }).optional(),
    tolerance: z.custom<number>((v) => typeof v === "number" && Number.isFinite(v), "must be a number").pipe(z.number().min(0, "must be at least 0").max(1, "must be at most 1 (100%)")).nullable().optional(),
    event: optionalText(200).nullable().optional(),
    /** The claim's date (stored on the claim, where provenance keeps it); null clears it, absent leaves it. */
    date: claimDate.optional(),
  })
  .refine((v) => v.lower == null || v.upper == null || v.lower <= v.upper, { message: "lower bound must not be above the upper bound", path: ["lower"] })
  .refine((v) => v.lower == null || v.upper == null || v.lower !== v.upper || (!v.lowerOpen && !v.upperOpen), { message: "equal bounds must both be closed", path: ["lower"] })
  .refine((v) => v.value == null || ((v.lower == null || v.value >= v.lower) && (v.upper == null || v.value <= v.upper)), { message: "value must lie between the bounds", path: ["value"] });
export type ClaimValueInput = z.infer<typeof claimValueInput>;

/** PATCH /api/clusters/:id: the event its members' dates are of. */
export const clusterEventInput = z.strictObject({ event: optionalText(200).nullable() });

/** What sits at a zod issue's path in the parsed input (undefined when nothing does). */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

const projectRole = z.enum(PROJECT_ROLES, { error: `must be one of ${PROJECT_ROLES.join(", ")}` });

/** POST /api/projects: the slug is the project's part of every URL (/p/<slug>/). */
export const createProjectInput = z.strictObject({
  slug: z.string({ error: "must be text" }).trim().toLowerCase().regex(PROJECT_SLUG, "must be lower-case letters, digits and inner hyphens, 1 to 40 characters"),
  name: name("name", 100),
  note: note.optional(),
});

/** POST /api/projects/:slug/members: an existing researcher, by name, with a role. */
export const addMemberInput = z.strictObject({ name: researcherName, role: projectRole });

/** PATCH /api/projects/:slug/members/:userId */
export const changeMemberInput = z.strictObject({ role: projectRole });

/** POST /api/rounds: an owner opens a source for independent annotation by two or more members. */
export const openRoundInput = z.strictObject({
  sourceId: id,
  annotatorIds: z.array(id, { error: "must be a list of researcher ids" }).min(2, "name at least two annotators").max(20, "at most 20 annotators"),
});
export type OpenRoundInput = z.infer<typeof openRoundInput>;

export const CURATION_DECISIONS = ["accept", "edit", "reject"] as const;

/** POST /api/rounds/:id/decisions: a curator settles one unit (the round claims on the same words).
 *  accept: `claimId` (one of the unit's) becomes a claim of the curated set; edit: the same with
 *  `kind` and/or `start`+`end` changed; reject: nothing of the unit is kept. */
export const curationDecisionInput = z
  .strictObject({
    unit: z.array(id, { error: "must be a list of claim ids" }).min(1, "name the unit's claims").max(50, "at most 50 claims"),
    decision: z.enum(CURATION_DECISIONS, { error: `must be one of ${CURATION_DECISIONS.join(", ")}` }),
    claimId: id.optional(),
    kind: kind.optional(),
    start: offset.optional(),
    end: offset.optional(),
  })
  .refine((d) => (d.start === undefined) === (d.end === undefined), { message: "start and end: give both or neither", path: ["start"] })
  .refine((d) => d.decision !== "reject" || (d.claimId === undefined && d.kind === undefined && d.start === undefined), { message: "reject takes no claimId, kind or span", path: ["decision"] })
  .refine((d) => d.decision !== "edit" || d.kind !== undefined || d.start !== undefined, { message: "edit: give a kind or a span (start and end)", path: ["decision"] })
  .refine((d) => d.decision !== "accept" || (d.kind === undefined && d.start === undefined), { message: "accept takes the version as it is: use edit to change it", path: ["decision"] });
export type CurationDecisionInput = z.infer<typeof curationDecisionInput>;
