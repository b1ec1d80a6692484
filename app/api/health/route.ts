import { cookies } from "next/headers";
import { PLAIN_SESSION_COOKIE, SESSION_COOKIE } from "@/lib/platform/auth/config";
import { databaseServerVersion, pingDatabase } from "@/lib/platform/db/health";
import { env } from "@/lib/platform/env";
import { currentUserId } from "@/lib/workspaces/access";

export const dynamic = "force-dynamic";

// Anonymous callers (load balancers, uptime checks) learn only whether the app and its database
// answer; which database and its version are for signed-in users.
export async function GET() {
  const jar = await cookies();
  const signedIn = (jar.has(SESSION_COOKIE) || jar.has(PLAIN_SESSION_COOKIE)) && (await currentUserId()) !== null;
  try {
    if (!signedIn) {
      await pingDatabase();
      return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
    }
    const server = await databaseServerVersion();
    return Response.json(
      {
        status: "ok",
        database: env().PARLEY_DATABASE_KIND,
        server,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
