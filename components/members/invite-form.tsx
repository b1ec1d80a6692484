"use client";

import { useAction } from "next-safe-action/hooks";
import { ActionErrorAlert } from "@/components/ui/action-error";
import { CopyableLink } from "@/components/ui/copyable-link";
import { FieldError } from "@/components/ui/form-feedback";
import { createInvitationAction } from "@/lib/members/actions";
import { ROLE_DESCRIPTIONS } from "@/lib/members/schema";

export function InviteForm({ workspaceSlug, canMail }: { workspaceSlug: string; canMail: boolean }) {
  const { execute, result, isPending } = useAction(createInvitationAction);
  const link = result.data ? `${window.location.origin}${result.data.path}` : null;
  return (
    <form
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        execute({
          workspaceSlug,
          role: form.get("role") as never,
          email: String(form.get("email") ?? ""),
          expiresInDays: Number(form.get("expiresInDays")),
        });
      }}
    >
      <h2 className="font-semibold">Invite someone</h2>
      <ActionErrorAlert result={result} />
      <div className="grid gap-4 sm:grid-cols-3">
        <InviteEmailField canMail={canMail} errors={result.validationErrors?.fieldErrors?.email} />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue="EDITOR"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          >
            {Object.entries(ROLE_DESCRIPTIONS).map(([role, description]) => (
              <option key={role} value={role}>
                {role.charAt(0) + role.slice(1).toLowerCase()} — {description}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="invite-expiry" className="block text-sm font-medium">
            Link valid for (days)
          </label>
          <input
            id="invite-expiry"
            name="expiresInDays"
            type="number"
            min={1}
            max={30}
            defaultValue={7}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </div>
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
      >
        {isPending ? "Creating link…" : "Create invitation link"}
      </button>
      {link ? <InvitationLink link={link} mailedTo={result.data?.mailed ? result.data.email : null} /> : null}
    </form>
  );
}

function InviteEmailField({ canMail, errors }: { canMail: boolean; errors: string[] | undefined }) {
  return (
    <div className="sm:col-span-1">
      <label htmlFor="invite-email" className="block text-sm font-medium">
        Email (optional)
      </label>
      <input
        id="invite-email"
        name="email"
        type="email"
        placeholder="colleague@example.org"
        aria-invalid={Boolean(errors)}
        aria-describedby={errors ? "invite-email-error" : "invite-email-hint"}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
      />
      <p id="invite-email-hint" className="mt-1 text-xs text-slate-500">
        {canMail
          ? "With an email, only someone who receives a code at that address can use the link."
          : "This server cannot send mail: an email here is your word only. Parley does not check that whoever uses the link owns the address."}
      </p>
      <FieldError id="invite-email-error" messages={errors} />
    </div>
  );
}

function InvitationLink({ link, mailedTo }: { link: string; mailedTo: string | null | undefined }) {
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
      <p className="font-medium text-emerald-900">
        {mailedTo ? `Invitation mailed to ${mailedTo}. ` : ""}Copy this link and send it to your colleague. It works
        once and is not shown again.
      </p>
      <div className="mt-2 flex gap-2">
        <CopyableLink key={link} link={link} label="Invitation link" />
      </div>
    </div>
  );
}
