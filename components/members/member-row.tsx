"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { actionErrorMessage } from "@/components/ui/action-error";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { Role } from "@/lib/enums";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/members/actions";
import { displayName } from "@/lib/users/display-name";

const ROLES: Role[] = ["OWNER", "REVIEWER", "EDITOR", "COMMENTER", "VIEWER"];

export function MemberRow({
  workspaceSlug,
  member,
  canManage,
  isMe,
}: {
  workspaceSlug: string;
  member: { id: string; name: string; email: string; role: Role };
  canManage: boolean;
  isMe: boolean;
}) {
  const [role, setRole] = useState(member.role);
  // A refused change (say, demoting the last owner) puts the select back to the stored role.
  const roleChange = useAction(changeMemberRoleAction, { onError: () => setRole(member.role) });
  const removal = useAction(removeMemberAction);
  const [confirm, confirmDialog] = useConfirm();
  const error = actionErrorMessage(roleChange.result) ?? actionErrorMessage(removal.result);
  return (
    <tr className="border-b border-slate-100 last:border-0">
      <td className="px-4 py-3">
        <span className="font-medium">{displayName(member)}</span>
        {isMe ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
        <span className="block text-sm text-slate-500">{member.email}</span>
        {error ? (
          <span role="alert" className="mt-1 block text-sm text-red-700">
            {error}
          </span>
        ) : null}
      </td>
      <td className="px-4 py-3">
        {canManage ? (
          <select
            aria-label={`Role of ${displayName(member)}`}
            value={role}
            disabled={roleChange.isPending}
            onChange={(e) => {
              setRole(e.target.value as Role);
              roleChange.execute({ workspaceSlug, userId: member.id, role: e.target.value as Role });
            }}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r.charAt(0) + r.slice(1).toLowerCase()}
              </option>
            ))}
          </select>
        ) : (
          <span className="text-sm">{member.role.charAt(0) + member.role.slice(1).toLowerCase()}</span>
        )}
        {roleChange.isPending ? <span className="ml-2 text-xs text-slate-500">Saving…</span> : null}
      </td>
      <td className="px-4 py-3 text-right">
        {canManage ? (
          <button
            type="button"
            disabled={removal.isPending}
            onClick={async () => {
              const name = displayName(member);
              if (await confirm(`Remove ${name} from this workspace? They lose access at once.`, `Remove ${name}`))
                removal.execute({ workspaceSlug, userId: member.id });
            }}
            className="rounded-md border border-red-300 px-3 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {removal.isPending ? "Removing…" : "Remove"}
          </button>
        ) : null}
        {confirmDialog}
      </td>
    </tr>
  );
}
