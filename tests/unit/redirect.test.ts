import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/platform/auth/redirect";

const PROBE = "http://app.example";

describe("safeRedirectPath", () => {
  it.each([
    "/w/x?asOf=2022-01-27#cell",
    "/",
    "/w/security-guarantees/cells/a/b?asOf=2022-01-27",
    "/w/x/documents/d#quote-1",
  ])("keeps the same-origin path %s", (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "https://app.example.evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
    "\\\\evil.example",
    "/\t/evil.example",
    " //evil.example",
    // Paths whose dot segments collapse into a protocol-relative "//evil.example".
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%",
    "",
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/");
    expect(safeRedirectPath(value, "/w/home")).toBe("/w/home");
  });

  it.each([undefined, null, 42, {}, ["/w/x"], new URL("http://app.example/w/x")])(
    "refuses the non-string %j",
    (value) => {
      expect(safeRedirectPath(value)).toBe("/");
    },
  );

  it("refuses paths too long to be a real destination", () => {
    expect(safeRedirectPath(`/${"a".repeat(2048)}`)).toBe("/");
  });

  it("never returns anything that leaves the origin", () => {
    const piece = fc.constantFrom(
      "/",
      "\\",
      ".",
      "..",
      "%2F",
      "%2f",
      "%5C",
      "%2e",
      "%",
      "?",
      "#",
      "@",
      ":",
      "evil.example",
      "http:",
      "\t",
      " ",
      "a",
    );
    // Mostly slashes and dots, which is where paths collapse into something else.
    const pathPiece = fc.constantFrom("/", ".", "..", "\\", "%2e", "%2F", "evil");
    const candidate = fc.oneof(
      fc.string({ unit: pathPiece, maxLength: 6 }),
      fc.string({ unit: piece, maxLength: 8 }),
      fc.string({ unit: "binary-ascii", maxLength: 20 }),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        const result = safeRedirectPath(value);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(result.includes("\\")).toBe(false);
        expect(new URL(result, PROBE).origin).toBe(PROBE);
      }),
      { numRuns: 5000 },
    );
  });
});
