import { useAppServer } from "../support/app-server.mjs";

/**
 * The app server for the browser tests (tests/support/app-server.mjs): the one `npm test`
 * started for this shard, or, run alone, one started here; the test workers find it in
 * PARLEY_E2E_BASE_URL and the other variables it sets. Resolves to the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  return useAppServer();
}
