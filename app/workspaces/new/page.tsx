import type { Metadata } from "next";
import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { NewWorkspaceForm } from "@/components/workspaces/new-workspace-form";
import { getUserChrome } from "@/lib/users/data";
import { mayCreateWorkspace } from "@/lib/workspaces/access";
import { requirePageUser } from "@/lib/workspaces/page-access";
import { WORKSPACE_TEMPLATES } from "@/lib/workspaces/templates";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const userId = await requirePageUser("/workspaces/new");
  const [{ user, workspaces }, canCreate] = await Promise.all([getUserChrome(userId), mayCreateWorkspace(userId)]);
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} />
      <main className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
        <h1 className="font-serif text-2xl font-semibold">New workspace</h1>
        {canCreate ? (
          <>
            <p className="mt-1 mb-6 text-sm text-slate-600">
              You become its owner and can invite your team under Members. Everything below can be changed later.{" "}
              <Link href="/workspaces" className="underline">
                Back to your workspaces
              </Link>
            </p>
            <NewWorkspaceForm
              templates={Object.values(WORKSPACE_TEMPLATES)}
              copySources={workspaces.map((w) => ({ slug: w.slug, title: w.title }))}
            />
          </>
        ) : (
          <p className="mt-4 text-slate-700">
            Creating workspaces is restricted on this server. Ask an administrator, or an owner to invite you.
          </p>
        )}
      </main>
    </>
  );
}
