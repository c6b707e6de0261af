import path from "node:path";
import { createDb } from "../lib/db";
import { seedCorpus } from "../lib/seed";

async function main() {
  const db = createDb();
  try {
    const { created, kept } = await seedCorpus(db, path.join(__dirname, "..", "data", "corpus"));
    console.log(`seed: ${created.length} source(s) added, ${kept.length} already present`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
