-- Personal API tokens for scripts (Authorization: Bearer). The database keeps only the token's
-- SHA-256, like sessions, so a leaked table cannot be replayed. A name is unique among a
-- researcher's live tokens (a revoked token's name may be reused). Revoking sets revokedAt
-- rather than deleting, so the list can show when a token was revoked.
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ApiToken_name_check" CHECK (char_length("name") BETWEEN 1 AND 100),
    CONSTRAINT "ApiToken_expiry_check" CHECK ("expiresAt" IS NULL OR "expiresAt" > "createdAt")
);

CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

CREATE UNIQUE INDEX "ApiToken_live_name_key" ON "ApiToken"("userId", "name") WHERE "revokedAt" IS NULL;

ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
