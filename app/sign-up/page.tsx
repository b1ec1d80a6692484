import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SignUpForm } from "@/components/account/sign-up-form";
import { env } from "@/lib/platform/env";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  // Whether sign-up is open is read from the environment at request time, not at build time.
  await connection();
  if (!env().PARLEY_OPEN_SIGNUP) notFound();
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6">
      <p className="font-serif text-3xl font-semibold">Parley</p>
      <h1 className="mt-8 mb-6 text-xl font-semibold">Create an account</h1>
      <SignUpForm />
    </main>
  );
}
