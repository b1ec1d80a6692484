import { afterAll } from "vitest";
import { type Database, db } from "@/lib/platform/db/client";

// Close the app's pool after each file so connections do not pile up on the embedded server,
// which drops connections beyond its limit instead of queueing them. The files of the shared
// project run in one process: the next file gets a new client (a closed pool cannot reopen).
afterAll(async () => {
  await db().$disconnect();
  (globalThis as unknown as { parleyDb?: Database }).parleyDb = undefined;
});
