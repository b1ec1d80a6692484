import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WorkspaceExportSchema } from "@/lib/exports/workspace-file";

// An imported workspace file names each document's source address, which the document page shows
// as a link: only http(s) addresses (or none) get in.
const sample = () =>
  JSON.parse(readFileSync(path.join(process.cwd(), "tests/fixtures/exports/sample.workspace.json"), "utf8"));

function withUrl(url: string) {
  const file = sample();
  file.documents[0].url = url;
  return WorkspaceExportSchema.safeParse(file);
}

describe("a document's address in an imported workspace file", () => {
  it.each(["https://example.org/statement", "http://example.org/x", ""])("accepts %j", (url) => {
    expect(withUrl(url).success).toBe(true);
  });

  it.each([
    "data:text/html,<script>alert(1)</script>",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "ftp://x.example/",
  ])("refuses %j", (url) => {
    const result = withUrl(url);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain("Use an http(s) address, or none.");
  });
});
