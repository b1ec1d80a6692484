import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { type Operation, OperationIndex, OperationView } from "@/components/api-reference/operation-view";
import { ProblemsReference } from "@/components/api-reference/problems-reference";
import { type Components, Prose } from "@/components/api-reference/schema-view";
import { openApiDocument } from "@/lib/api/openapi";

// The API reference, rendered on the server from the same OpenAPI document that
// /api/v1/openapi.json serves: no script, so it needs nothing from the pages' CSP.

export const metadata: Metadata = { title: "API reference" };

export default async function ApiReferencePage() {
  // Rendered per request, so Next gives its scripts this response's CSP nonce.
  await connection();
  const document = openApiDocument() as unknown as {
    info: { title: string; description: string };
    tags: { name: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { schemas?: Components };
  };
  const components = document.components.schemas ?? {};
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold">{document.info.title}</h1>
      <p className="mt-2 text-slate-700">
        <Prose text={document.info.description} />
      </p>
      <p className="mt-2 text-sm text-slate-700">
        Base address: <code>/api/v1</code>. Machine-readable:{" "}
        <a className="text-indigo-700 underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1). Create a token on your{" "}
        <Link className="text-indigo-700 underline" href="/account">
          account page
        </Link>
        .
      </p>

      <OperationIndex tags={document.tags} operations={operations} />

      {operations.map((entry) => (
        <OperationView key={entry.operation.operationId} {...entry} components={components} />
      ))}

      <ProblemsReference components={components} />
    </main>
  );
}
