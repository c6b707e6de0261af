import path from "node:path";
import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { CatalogTextClient } from "./prisma/catalog-text-client";

// Prisma 6.19 with the JS schema engine: migrate runs through adapter-pg and the bundled
// wasm engine, so nothing is downloaded (Prisma 7's CLI fetches a native engine and fails offline).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set (scripts/serve.ts sets it for the embedded database)");
    const pool = new pg.Pool({ connectionString, max: 1, Client: CatalogTextClient });
    return new PrismaPg(pool);
  },
});
