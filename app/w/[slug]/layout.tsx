import Link from "next/link";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { LiveStreamStarter } from "@/components/live/live-stream-starter";
import { LiveUpdates } from "@/components/live/live-updates";
import { getUserChrome } from "@/lib/users/data";
import { workspaceAllows } from "@/lib/workspaces/access";
import { touchWorkspace } from "@/lib/workspaces/mutations";
import { authorizePage } from "@/lib/workspaces/page-access";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  // Layouts do not guard their pages (each page authorizes itself); this only draws the chrome.
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}`);
  const [{ user, workspaces }] = await Promise.all([getUserChrome(workspace.userId), touchWorkspace(workspace)]);
  return (
    <>
      <AppHeader
        user={user}
        workspaces={workspaces}
        current={{ slug: workspace.slug, title: workspace.title, role: workspace.role }}
      />
      {workspace.archived ? (
        <p
          role="status"
          className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950 sm:px-6"
        >
          This workspace is archived: everything is read-only.{" "}
          {workspaceAllows(workspace, "workspace:lifecycle") ? (
            <Link href={`/w/${slug}/settings#lifecycle`} className="font-medium underline">
              Restore it in Settings
            </Link>
          ) : (
            "An owner can restore it."
          )}
        </p>
      ) : null}
      <LiveStreamStarter slug={workspace.slug} />
      <LiveUpdates slug={workspace.slug} userId={workspace.userId} />
      {children}
    </>
  );
}
