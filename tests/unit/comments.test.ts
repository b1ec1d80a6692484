import { describe, expect, it } from "vitest";
import { safeCommentUrl } from "@/lib/comments/markdown";
import { mentionQueryAt, mentionsName } from "@/lib/comments/mentions";
import { displayName } from "@/lib/users/display-name";

describe("mentionsName", () => {
  it("finds a whole @Name, wherever it stands", () => {
    expect(mentionsName("@Ann Lee, look", "Ann Lee")).toBe(true);
    expect(mentionsName("cc (@Ann Lee)", "Ann Lee")).toBe(true);
    expect(mentionsName("over to @Ann Lee.", "Ann Lee")).toBe(true);
  });

  it("does not take a prefix of a longer name, an email, or a bare name", () => {
    expect(mentionsName("@Ann Leeway", "Ann Lee")).toBe(false);
    expect(mentionsName("ann@Ann Lee", "Ann Lee")).toBe(false);
    expect(mentionsName("Ann Lee", "Ann Lee")).toBe(false);
    expect(mentionsName("@", "")).toBe(false);
  });

  it("treats regular-expression characters in names as text", () => {
    expect(mentionsName("@J. (Jo) Doe+ hi", "J. (Jo) Doe+")).toBe(true);
    expect(mentionsName("@JX (Jo) Doe+ hi", "J. (Jo) Doe+")).toBe(false);
  });
});

describe("mentionQueryAt", () => {
  it("reads the @word being typed before the caret", () => {
    expect(mentionQueryAt("hi @bo", 6)).toEqual({ start: 3, query: "bo" });
    expect(mentionQueryAt("@Zoë", 4)).toEqual({ start: 0, query: "Zoë" });
    expect(mentionQueryAt("mail bob@example", 16)).toBeNull();
    expect(mentionQueryAt("hi @", 4)).toBeNull();
    expect(mentionQueryAt("hi @bo and", 10)).toBeNull();
  });
});

describe("displayName", () => {
  it("falls back to the email", () => {
    expect(displayName({ name: "  ", email: "a@b.org" })).toBe("a@b.org");
    expect(displayName({ name: "Ann", email: "a@b.org" })).toBe("Ann");
  });
});

describe("safeCommentUrl", () => {
  it("keeps absolute http, https and mailto addresses", () => {
    for (const url of [
      "https://example.org/a?b#c",
      "http://example.org",
      "mailto:a@example.org",
      "HTTPS://EXAMPLE.ORG",
    ])
      expect(safeCommentUrl(url)).toBe(url);
  });

  it("drops every other scheme, however it is disguised, and relative addresses", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0001javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "/relative",
      "#anchor",
      "//evil.example/x",
      "",
    ]) {
      expect(safeCommentUrl(url), JSON.stringify(url)).toBeNull();
    }
  });
});
