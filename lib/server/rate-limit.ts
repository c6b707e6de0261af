// Attempt limits kept in PostgreSQL, so several app processes share one count. Each key has a
// fixed window: the first attempt after a window ends starts a new one. One upsert per key, so
// two processes counting at once never lose an attempt.
import "server-only";
import type { Db } from "./db";

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/** Counts one attempt against every limit; the seconds to wait when any is exceeded, else null. */
export async function countAttempt(db: Db, limits: Limit[]): Promise<number | null> {
  let wait: number | null = null;
  for (const limit of limits) {
    const [row] = await db.$queryRaw<{ count: number; retryAfter: number }[]>`
      INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${limit.key}, now(), 1)
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${limit.windowSeconds}) THEN 1
                       ELSE LEAST("RateLimit"."count" + 1, 1000000000) END,
        "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(secs => ${limit.windowSeconds}) THEN now()
                             ELSE "RateLimit"."windowStart" END
      RETURNING "count",
        GREATEST(1, ceil(extract(epoch FROM "windowStart" + make_interval(secs => ${limit.windowSeconds}) - now())))::int AS "retryAfter"`;
    if (row && row.count > limit.max) wait = Math.max(wait ?? 0, row.retryAfter);
  }
  return wait;
}

/** Drops windows that ended over a day ago: one indexed DELETE, run now and then. */
export async function purgeOldAttempts(db: Db): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < now() - interval '1 day'`;
}
