import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirectPath } from "@/lib/platform/auth/redirect";
import { env } from "@/lib/platform/env";
import { connectionWarning } from "@/lib/platform/observability/deployment-mode";
import { currentUserId } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "password-changed": "Your password was changed and every session ended. Sign in with the new password.",
  "signed-out-everywhere": "Every session of your account has ended.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; notice?: string }>;
}) {
  const { callbackUrl, notice } = await searchParams;
  const destination = safeRedirectPath(callbackUrl);
  if (await currentUserId()) redirect(destination);
  const unencrypted = connectionWarning(await headers());
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <p className="font-serif text-3xl font-semibold tracking-tight">Parley</p>
      <h1 className="mt-8 text-xl font-semibold">Sign in to your team</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Accounts are created by invitation from a workspace owner.</p>
      {unencrypted ? (
        <div
          role="alert"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {unencrypted}
        </div>
      ) : null}
      {notice && NOTICES[notice] ? (
        <div
          role="status"
          className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          {NOTICES[notice]}
        </div>
      ) : null}
      <SignInForm callbackUrl={destination} />
      {env().PARLEY_OPEN_SIGNUP ? (
        <p className="mt-6 text-sm text-slate-600">
          New here?{" "}
          <Link href="/sign-up" className="text-indigo-700 underline">
            Create an account
          </Link>
          .
        </p>
      ) : null}
    </main>
  );
}
