import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationButton, RegisterWithInvitationForm } from "@/components/account/invitation-forms";
import { findUsableInvitation } from "@/lib/members/data";
import { mailConfigured } from "@/lib/members/invitation-mail";
import { InvitationTokenSchema } from "@/lib/members/schema";
import { currentUserId } from "@/lib/workspaces/access";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = InvitationTokenSchema.safeParse(token).success;
  const [invitation, userId] = await Promise.all([valid ? findUsableInvitation(token) : null, currentUserId()]);
  const needsCode = Boolean(invitation?.email) && mailConfigured();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6">
      <p className="font-serif text-3xl font-semibold">Parley</p>
      {!invitation ? (
        <div role="alert" className="mt-8 rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-900">
          This invitation link has expired, was already used, or was revoked. Ask a workspace owner for a new one.
        </div>
      ) : (
        <>
          <h1 className="mt-8 text-xl font-semibold">Join “{invitation.workspace.title}”</h1>
          <p className="mt-1 mb-6 text-sm text-slate-600">
            You are invited as {invitation.role.toLowerCase()}
            {invitation.email ? ` (for ${invitation.email})` : ""}.
          </p>
          {invitation.email && !needsCode ? (
            <p role="note" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
              This server cannot send mail, so Parley does not check that {invitation.email} is yours: the address rests
              on the word of the owner who made the link. Whoever holds the link can join as that address.
            </p>
          ) : null}
          {userId ? (
            <AcceptInvitationButton token={token} codeFor={needsCode ? invitation.email : null} />
          ) : (
            <>
              <RegisterWithInvitationForm token={token} email={invitation.email} needsCode={needsCode} />
              <p className="mt-6 text-sm text-slate-600">
                Already have an account?{" "}
                <Link
                  className="text-indigo-700 underline"
                  href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
                >
                  Sign in first
                </Link>
                .
              </p>
            </>
          )}
        </>
      )}
    </main>
  );
}
