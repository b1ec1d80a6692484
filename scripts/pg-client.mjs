import pg from "pg";

/** `work` on one connection of its own to `url`, closed afterwards (the bench scripts' databases). */
export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  // A connection ended under it (the database dropped on Ctrl-C) fails the pending query instead.
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
