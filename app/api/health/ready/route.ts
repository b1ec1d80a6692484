import { checkReadiness } from "@/lib/platform/db/health";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and has every migration this build ships; 503 otherwise. */
export async function GET() {
  const { ready, database, pendingMigrations } = await checkReadiness();
  return Response.json(
    { status: ready ? "ready" : "unavailable", database, pendingMigrations },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
