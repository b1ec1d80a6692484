import type { Metadata } from "next";
import { ChangePasswordForm, SignOutEverywhereButton } from "@/components/account/account-forms";
import { ApiTokens } from "@/components/account/api-tokens";
import { AppHeader } from "@/components/layout/app-header";
import { listApiTokens } from "@/lib/account/data";
import { getUserChrome } from "@/lib/users/data";
import { requirePageUser } from "@/lib/workspaces/page-access";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const userId = await requirePageUser("/account");
  const [{ user, workspaces }, tokens] = await Promise.all([getUserChrome(userId), listApiTokens(userId)]);
  return (
    <>
      <AppHeader user={user} workspaces={workspaces} />
      <main className="mx-auto max-w-xl space-y-6 px-4 sm:px-6 py-10">
        <div>
          <h1 className="text-2xl font-semibold">Account</h1>
          <p className="mt-1 text-sm text-slate-600">
            {user.name} · {user.email}
          </p>
        </div>
        <ChangePasswordForm />
        <SignOutEverywhereButton />
        <ApiTokens tokens={tokens} workspaces={workspaces} now={Date.now()} />
      </main>
    </>
  );
}
