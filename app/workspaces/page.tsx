import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/app-header";
import { WorkspaceList } from "@/components/workspaces/workspace-list";
import { getUserChrome } from "@/lib/users/data";
import { mayCreateWorkspace } from "@/lib/workspaces/access";
import { requirePageUser } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Workspaces" };

export default async function WorkspacesPage() {
  const userId = await requirePageUser("/workspaces");
  const [{ user, workspaces }, canCreate] = await Promise.all([getUserChrome(userId), mayCreateWorkspace(userId)]);
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} />
      <WorkspaceList workspaces={workspaces} canCreate={canCreate} />
    </>
  );
}
