import { afterAll } from "vitest";
import { db } from "@/lib/db/client";

// Close the app's pool after each file so connections do not pile up on the embedded server,
// which drops connections beyond its limit instead of queueing them.
afterAll(async () => {
  await db().$disconnect();
});
