import type { Metadata } from "next";
import { InviteForm } from "@/components/members/invite-form";
import { MemberRow } from "@/components/members/member-row";
import { RevokeInvitationButton } from "@/components/members/revoke-invitation-button";
import { ShareLinks } from "@/components/share/share-links";
import { toCalendarDate } from "@/lib/matrix/dates";
import { listMembers, listPendingInvitations } from "@/lib/members/data";
import { mailConfigured } from "@/lib/members/invitation-mail";
import { readerDates } from "@/lib/platform/format/reader-locale";
import { listShareLinks } from "@/lib/share/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { authorizePage } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const dates = await readerDates();
  const { slug } = await params;
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}/members`);
  const canManage = workspaceAllows(workspace, "members:manage");
  const [members, invitations, shareLinks] = await Promise.all([
    listMembers(workspace),
    listPendingInvitations(workspace),
    listShareLinks(workspace),
  ]);
  return (
    <main className="mx-auto max-w-4xl space-y-8 px-4 sm:px-6 py-8">
      <h1 className="font-serif text-2xl font-semibold">Members</h1>
      {canManage ? (
        <InviteForm workspaceSlug={slug} canMail={mailConfigured()} />
      ) : (
        <p className="text-sm text-slate-600">Only owners can invite people and change roles.</p>
      )}
      <table className="stacked-table w-full rounded-lg border border-slate-200 bg-white text-left">
        <caption className="sr-only">Members of this workspace</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 max-sm:sr-only">
          <tr>
            <th scope="col" className="px-4 py-2">
              Member
            </th>
            <th scope="col" className="px-4 py-2">
              Role
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <MemberRow
              key={m.id}
              workspaceSlug={slug}
              member={m}
              canManage={canManage}
              isMe={m.id === workspace.userId}
            />
          ))}
        </tbody>
      </table>
      {canManage && invitations.length > 0 ? (
        <section>
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Open invitations</h2>
          <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 text-sm">
                <span>
                  {i.email ?? "Anyone with the link"} · {i.role.toLowerCase()} · expires{" "}
                  {dates.calendar(toCalendarDate(i.expiresAt))}
                </span>
                <RevokeInvitationButton workspaceSlug={slug} invitationId={i.id} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {canManage ? <ShareLinks slug={slug} links={shareLinks} /> : null}
    </main>
  );
}
