import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/account/mutations";
import { Role, TokenScope } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/platform/db/client";
import { unwrap } from "@/lib/platform/errors";
import { createUserWithPassword } from "@/lib/users/mutations";
import { baseUrl } from "./http";

// The README's curl examples for access tokens, run as written against the built app: only the
// address, the workspace and the token are swapped for this run's.

const run = randomUUID().slice(0, 8);
const work = mkdtempSync(path.join(tmpdir(), "parley-readme-"));
let slug: string;
let token: string;

/** The shell lines of the README's first code block after `heading`, continuation lines joined. */
function readmeCommands(heading: string): string[] {
  const readme = readFileSync(path.join(process.cwd(), "README.md"), "utf8");
  const block = readme.slice(readme.indexOf(heading)).match(/```sh\n([\s\S]*?)```/)?.[1] ?? "";
  return block
    .replace(/\\\n\s*/g, "")
    .split("\n")
    .filter((line) => line.startsWith("curl "));
}

beforeAll(async () => {
  const user = await createUserWithPassword({
    email: `readme-${run}@parley.test`,
    name: "README reader",
    password: `readme-${randomUUID()}`,
  });
  const workspace = await db().workspace.create({
    data: {
      slug: `readme-${run}`,
      title: `README ${run}`,
      issues: { create: { title: "An issue", sortOrder: 0 } },
      parties: { create: { name: "A party", shortName: "AP", colour: "#1d4ed8", sortOrder: 0 } },
      memberships: { create: { userId: user.id, role: Role.EDITOR } },
    },
    select: { slug: true },
  });
  slug = workspace.slug;
  token = unwrap(
    await createApiToken(user.id, {
      name: "README examples",
      scope: TokenScope.WRITE,
      workspaceSlugs: [slug],
      expiresInDays: 1,
    }),
  ).secret;
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a README command against this server and workspace, with the token; its output and HTTP status. */
async function runAsWritten(command: string) {
  const line = `${command.replaceAll("http://localhost:3000", baseUrl).replaceAll("my-talks", slug)} -sS -w '\\n%{http_code}'`;
  const { stdout } = await promisify(execFile)("bash", ["-c", line], {
    cwd: work,
    env: { ...process.env, PARLEY_TOKEN: token },
  });
  return { stdout, status: Number(stdout.trim().split("\n").at(-1)) };
}

describe("the README's access-token examples", () => {
  const commands = readmeCommands("### Access tokens");

  it("are there to run", () => {
    expect(commands.length).toBeGreaterThanOrEqual(3);
  });

  it("each answer 2xx when run as written", async () => {
    for (const command of commands) {
      const { stdout, status } = await runAsWritten(command);
      expect(status, `${command}\n${stdout}`).toBeGreaterThanOrEqual(200);
      expect(status, `${command}\n${stdout}`).toBeLessThan(300);
    }
    // The export example saves the CSV it asked for.
    expect(readFileSync(path.join(work, "talks.csv"), "utf8")).toMatch(/^\uFEFF?issue,/);
  });
});

describe("the README's REST API examples", () => {
  const commands = readmeCommands("### REST API");

  it("each answer 2xx when run as written", async () => {
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const command of commands) {
      const { stdout, status } = await runAsWritten(command);
      expect(status, `${command}\n${stdout}`).toBe(200);
    }
  });
});
