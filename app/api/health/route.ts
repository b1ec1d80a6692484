import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = env().PARLEY_DATABASE_KIND;
  try {
    const [row] = await db().$queryRaw<{ version: string }[]>`SELECT version()`;
    return Response.json({ status: "ok", database, server: row?.version.split(" ").slice(0, 2).join(" ") });
  } catch {
    return Response.json({ status: "unavailable", database }, { status: 503 });
  }
}
