import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeRedirectPath } from "@/lib/auth/redirect";
import { currentUserId } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const destination = safeRedirectPath(callbackUrl);
  if (await currentUserId()) redirect(destination);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <p className="font-serif text-3xl font-semibold tracking-tight">Parley</p>
      <h1 className="mt-8 text-xl font-semibold">Sign in to your team</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">Accounts are created by invitation from a workspace owner.</p>
      <SignInForm callbackUrl={destination} />
    </main>
  );
}
