import path from "node:path";
import { createDb } from "../lib/server/db";
import { seedCorpus } from "../lib/server/seed";
import { ensureUser } from "../lib/server/users";

async function main() {
  const db = createDb();
  try {
    const { created, kept } = await seedCorpus(db, path.join(__dirname, "..", "data", "corpus"));
    console.log(`seed: ${created.length} source(s) added, ${kept.length} already present`);
    // The single-user researcher exists before the first request, so a refused write never creates it.
    await ensureUser(db, process.env.CP_DEFAULT_USER ?? "researcher");
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
