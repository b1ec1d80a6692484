import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { WorkspaceList } from "@/components/workspaces/workspace-list";
import { getUserChrome } from "@/lib/users/data";
import { mayCreateWorkspace } from "@/lib/workspaces/access";
import { landingWorkspace } from "@/lib/workspaces/data";
import { requirePageUser } from "@/lib/workspaces/page-access";

// Where signing in lands: the workspace used last (or the only one); the list only when there
// are several and none used yet. The list itself is always at /workspaces.
export default async function HomePage() {
  const userId = await requirePageUser("/");
  const landing = await landingWorkspace(userId);
  if (landing) redirect(`/w/${landing}`);
  const [{ user, workspaces }, canCreate] = await Promise.all([getUserChrome(userId), mayCreateWorkspace(userId)]);
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} />
      <WorkspaceList workspaces={workspaces} canCreate={canCreate} />
    </>
  );
}
