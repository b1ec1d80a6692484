"use client";

import { useAction } from "next-safe-action/hooks";
import { ActionErrorAlert } from "@/components/ui/action-error";
import { CopyableLink } from "@/components/ui/copyable-link";
import { useDates } from "@/components/ui/date-locale";
import { FieldError } from "@/components/ui/form-feedback";
import { LocalTime } from "@/components/ui/local-time";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/account/actions";
import { toCalendarDate } from "@/lib/matrix/dates";

type Token = {
  id: string;
  name: string;
  scope: "READ" | "WRITE";
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  workspaces: { slug: string; title: string }[];
};

type Workspace = { slug: string; title: string; role: string };

function tokenState(token: Token, now: number, day: (date: Date) => string): string {
  if (token.revokedAt) return `revoked ${day(token.revokedAt)}`;
  if (new Date(token.expiresAt).getTime() <= now) return `expired ${day(token.expiresAt)}`;
  return `expires ${day(token.expiresAt)}`;
}

function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const revoke = useAction(revokeApiTokenAction);
  return (
    <>
      <button
        type="button"
        disabled={revoke.isPending}
        aria-label={`Revoke token ${name}`}
        onClick={() => revoke.execute({ tokenId: id })}
        className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-800 disabled:opacity-60"
      >
        {revoke.isPending ? "Revoking…" : "Revoke"}
      </button>
      <ActionErrorAlert result={revoke.result} />
    </>
  );
}

export function ApiTokens({ tokens, workspaces, now }: { tokens: Token[]; workspaces: Workspace[]; now: number }) {
  const dates = useDates();
  const day = (date: Date) => dates.calendar(toCalendarDate(new Date(date)));
  const create = useAction(createApiTokenAction);
  const errors = create.result.validationErrors?.fieldErrors;
  const secret = create.result.data?.secret ?? null;
  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="api-tokens">
      <h2 id="api-tokens" className="font-semibold">
        Access tokens
      </h2>
      <p className="text-sm text-slate-600">
        For scripts: send <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code> to the
        JSON routes. A token reaches only the workspaces you choose, and never does more than your role there allows.
        See the{" "}
        <a className="text-indigo-700 underline" href="/docs/api">
          API reference
        </a>
        .
      </p>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          create.execute({
            name: String(form.get("tokenName") ?? ""),
            scope: form.get("scope") === "WRITE" ? "WRITE" : "READ",
            workspaceSlugs: form.getAll("workspaceSlugs").map(String),
            expiresInDays: Number(form.get("expiresInDays")),
          });
        }}
      >
        <TokenFields errors={errors} workspaces={workspaces} />
        {create.result.serverError ? <ActionErrorAlert result={{ serverError: create.result.serverError }} /> : null}
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
        >
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
      {secret ? (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p>Copy the token now: it is shown only once.</p>
          <div className="flex gap-2">
            <CopyableLink key={secret} link={secret} label="New access token" />
          </div>
        </div>
      ) : null}
      {tokens.length > 0 ? (
        <ul aria-label="Your access tokens" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {tokens.map((t) => (
            <TokenRow key={t.id} token={t} now={now} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

type FieldErrors = Partial<Record<"name" | "workspaceSlugs" | "scope" | "expiresInDays", string[]>> | undefined;

function TokenFields({ errors, workspaces }: { errors: FieldErrors; workspaces: Workspace[] }) {
  return (
    <>
      <div>
        <label htmlFor="tokenName" className="block text-sm font-medium">
          Name
        </label>
        <input
          id="tokenName"
          name="tokenName"
          placeholder="e.g. nightly matrix pull"
          aria-invalid={Boolean(errors?.name)}
          aria-describedby={errors?.name ? "tokenName-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        />
        <FieldError id="tokenName-error" messages={errors?.name} />
      </div>
      <fieldset aria-describedby={errors?.workspaceSlugs ? "workspaceSlugs-error" : undefined}>
        <legend className="text-sm font-medium">Workspaces</legend>
        {workspaces.length === 0 ? <p className="text-sm text-slate-600">You are not a member of any.</p> : null}
        {workspaces.map((w) => (
          <label key={w.slug} className="mt-1 flex items-center gap-2 text-sm">
            <input type="checkbox" name="workspaceSlugs" value={w.slug} />
            {w.title} <span className="text-slate-500">({w.role.toLowerCase()})</span>
          </label>
        ))}
        <FieldError id="workspaceSlugs-error" messages={errors?.workspaceSlugs} />
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">Access</legend>
        <label className="mr-4 text-sm">
          <input type="radio" name="scope" value="READ" defaultChecked /> Read
        </label>
        <label className="text-sm">
          <input type="radio" name="scope" value="WRITE" /> Read and write
        </label>
      </fieldset>
      <div>
        <label htmlFor="expiresInDays" className="block text-sm font-medium">
          Expires in (days, at most 365)
        </label>
        <input
          id="expiresInDays"
          name="expiresInDays"
          type="number"
          min={1}
          max={365}
          defaultValue={90}
          aria-invalid={Boolean(errors?.expiresInDays)}
          aria-describedby={errors?.expiresInDays ? "expiresInDays-error" : undefined}
          className="mt-1 w-32 rounded-md border border-slate-300 px-3 py-2"
        />
        <FieldError id="expiresInDays-error" messages={errors?.expiresInDays} />
      </div>
    </>
  );
}

function TokenRow({ token, now }: { token: Token; now: number }) {
  const dates = useDates();
  const day = (date: Date) => dates.calendar(toCalendarDate(new Date(date)));
  return (
    <li className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
      <span>
        <span className="font-medium">{token.name}</span> · {token.scope === "WRITE" ? "read and write" : "read"} ·{" "}
        {token.workspaces.map((w) => w.title).join(", ") || "no workspace left"} · created {day(token.createdAt)} ·{" "}
        {tokenState(token, now, day)} ·{" "}
        {token.lastUsedAt ? (
          <>
            last used <LocalTime iso={new Date(token.lastUsedAt).toISOString()} />
          </>
        ) : (
          "never used"
        )}
      </span>
      {!token.revokedAt && new Date(token.expiresAt).getTime() > now ? (
        <RevokeTokenButton id={token.id} name={token.name} />
      ) : null}
    </li>
  );
}
