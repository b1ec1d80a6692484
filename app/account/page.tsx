import type { Metadata } from "next";
import { AppHeader } from "@/components/layout/app-header";
import { ChangePasswordForm, SignOutEverywhereButton } from "@/components/account/account-forms";
import { requirePageUser } from "@/lib/workspaces/page-access";
import { getUserChrome } from "@/lib/users/data";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const userId = await requirePageUser("/account");
  const { user, workspaces } = await getUserChrome(userId);
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} />
      <main className="mx-auto max-w-xl space-y-6 px-6 py-10">
        <div>
          <h1 className="text-2xl font-semibold">Account</h1>
          <p className="mt-1 text-sm text-slate-600">{user.name} · {user.email}</p>
        </div>
        <ChangePasswordForm />
        <SignOutEverywhereButton />
      </main>
    </>
  );
}
