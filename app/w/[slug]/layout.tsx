import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { LiveUpdates } from "@/components/live/live-updates";
import { authorizePage } from "@/lib/workspaces/page-access";
import { getUserChrome } from "@/lib/users/data";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // Layouts do not guard their pages (each page authorizes itself); this only draws the chrome.
  const workspace = await authorizePage(slug, "workspace:read", `/w/${slug}`);
  const { user, workspaces } = await getUserChrome(workspace.userId);
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} current={{ slug: workspace.slug, title: workspace.title, role: workspace.role }} />
      <LiveUpdates slug={workspace.slug} userId={workspace.userId} />
      {children}
    </>
  );
}
