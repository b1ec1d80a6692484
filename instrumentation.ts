// Runs once when a server process starts, before it takes requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureFirstRun } = await import("@/lib/workspaces/bootstrap");
  await ensureFirstRun();
}
