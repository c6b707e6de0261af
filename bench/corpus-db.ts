// Builds one growth-table corpus on a database that stays, for profiling a query by hand
// (EXPLAIN ANALYZE, a script) rather than through the whole table:
//   node --conditions=react-server --import tsx bench/corpus-db.ts 100000 mylabel
// prints the database URL; drop it with `dropdb -h 127.0.0.1 -U postgres <name>` when done.
import path from "node:path";
import { createTestDatabase } from "@/tests/helpers/testdb";
import { buildCorpus } from "./corpus";

async function main() {
  const claims = Number(process.argv[2] ?? 100_000);
  const label = process.argv[3] ?? "corpus";
  if (!(claims > 0)) throw new Error("usage: bench/corpus-db.ts <claims> [label]");
  const t = await createTestDatabase(`${label}_${claims}`);
  const built = await buildCorpus(t.url, { claims, sources: Math.max(1, Math.round(claims / 100)) }, path.resolve(__dirname, "../data/corpus"));
  await t.db.$disconnect();
  console.log(JSON.stringify({ url: t.url, ...built }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
