import { describe, expect, inject, it } from "vitest";

describe("the running app", () => {
  // Which database it runs on is for signed-in users (tests/browser/abuse.test.ts checks that).
  it("reports itself healthy, and to an anonymous caller nothing more", async () => {
    const response = await fetch(`${inject("baseUrl")}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
