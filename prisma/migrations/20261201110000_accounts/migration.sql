-- Accounts (issue 12 item 4): names unique case-insensitively, and sign-in attempts counted in
-- (The migration runner splits statements at every semicolon, comments included: none in comments.)
-- the database so every app process shares one limit.

-- The app writes nameKey (lib/names.ts: NFKC, lower case). Existing rows get the closest PostgreSQL
-- equivalent, and a later twin of an existing key keeps its id as a suffix so the index can be built.
ALTER TABLE "User" ADD COLUMN "nameKey" TEXT;
UPDATE "User" SET "nameKey" = lower(normalize("name", NFKC));
UPDATE "User" u SET "nameKey" = u."nameKey" || ':' || u."id"
  WHERE EXISTS (SELECT 1 FROM "User" o WHERE o."nameKey" = u."nameKey"
                AND (o."createdAt" < u."createdAt" OR (o."createdAt" = u."createdAt" AND o."id" < u."id")));
ALTER TABLE "User" ALTER COLUMN "nameKey" SET NOT NULL;
CREATE UNIQUE INDEX "User_nameKey_key" ON "User"("nameKey");
-- bcrypt hashes ("$2b$…", 60) or "sha256:" + one (lib/passwords.ts), never a blank string.
ALTER TABLE "User" ADD CONSTRAINT "User_passwordHash_check" CHECK ("passwordHash" IS NULL OR "passwordHash" ~ '^(sha256:)?[$]2[aby][$]');
ALTER TABLE "User" ADD CONSTRAINT "User_name_check" CHECK (length("name") BETWEEN 1 AND 60);

-- One row per limited key ("login:name:<key>", "login:address:<ip>", …): a fixed window and a count,
-- moved forward by one conditional upsert (lib/rate-limit.ts).
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "RateLimit_count_check" CHECK ("count" > 0)
);
CREATE INDEX "RateLimit_windowStart_idx" ON "RateLimit"("windowStart");

CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");
