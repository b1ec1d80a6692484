import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; scripts/prisma.mjs resolves DATABASE_URL (or the embedded
// server's address) before it calls the CLI.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/parley" },
});
