import { describe, expect, inject, it } from "vitest";

describe("the running app", () => {
  it("reports itself healthy on the real PostgreSQL", async () => {
    const response = await fetch(`${inject("baseUrl")}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "postgresql" });
  });
});
