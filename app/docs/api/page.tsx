import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { type Components, type JsonSchema, Prose, SchemaView, typeLabel } from "@/components/api-reference/schema-view";
import { openApiDocument } from "@/lib/api/openapi";
import { PROBLEM_CODES, problemTitle } from "@/lib/api/problem";

// The API reference, rendered on the server from the same OpenAPI document that
// /api/v1/openapi.json serves: no script, so it needs nothing from the pages' CSP.

export const metadata: Metadata = { title: "API reference" };

type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: JsonSchema;
};
type Media = { schema?: JsonSchema; examples?: Record<string, { summary?: string; value: unknown }> };
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description: string; content?: Record<string, Media> }>;
  security?: unknown[];
  "x-parley-token-scope"?: string;
};

const METHOD_STYLES: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
};

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

      <nav aria-label="Operations" className="mt-6 rounded border border-slate-200 p-4">
        {document.tags.map((tag) => (
          <div key={tag.name} className="mb-2">
            <h2 className="text-sm font-semibold">{tag.name}</h2>
            <ul className="text-sm">
              {operations
                .filter(({ operation }) => operation.tags?.[0] === tag.name)
                .map(({ path, method, operation }) => (
                  <li key={operation.operationId}>
                    <a className="text-indigo-700 underline" href={`#${operation.operationId}`}>
                      {operation.summary}
                    </a>{" "}
                    <code className="text-xs text-slate-500">
                      {method.toUpperCase()} {path}
                    </code>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>

      {operations.map(({ path, method, operation }) => (
        <section
          key={operation.operationId}
          id={operation.operationId}
          className="mt-10 border-t border-slate-200 pt-6"
        >
          <h2 className="text-lg font-semibold">{operation.summary}</h2>
          <p className="mt-1 font-mono text-sm">
            <span className={`rounded px-1.5 py-0.5 font-semibold ${METHOD_STYLES[method] ?? ""}`}>
              {method.toUpperCase()}
            </span>{" "}
            /api/v1{path}
          </p>
          {operation.description
            ? operation.description.split("\n\n").map((paragraph) => (
                <p key={paragraph} className="mt-2 text-sm text-slate-700">
                  <Prose text={paragraph} />
                </p>
              ))
            : null}
          <p className="mt-2 text-xs text-slate-500">
            {operation.security?.length === 0
              ? "No authentication."
              : `Access token scope: ${operation["x-parley-token-scope"] === "write" ? "read and write" : "read"}.`}
          </p>

          {operation.parameters?.length ? (
            <>
              <h3 className="mt-4 text-sm font-semibold">Parameters</h3>
              <ul className="mt-1 space-y-1.5 text-sm">
                {operation.parameters.map((parameter) => (
                  <li key={`${parameter.in}-${parameter.name}`}>
                    <code className="font-semibold">{parameter.name}</code>{" "}
                    <span className="text-xs text-slate-500">in {parameter.in}</span>{" "}
                    <span className="font-mono text-xs text-slate-600">
                      {parameter.schema ? typeLabel(parameter.schema, components) : null}
                    </span>
                    {parameter.required ? <span className="ml-1 text-xs text-rose-700">required</span> : null}
                    {parameter.description ? (
                      <p className="text-slate-600">
                        <Prose text={parameter.description} />
                      </p>
                    ) : null}
                    {(parameter.example ?? parameter.schema?.example) !== undefined ? (
                      <p className="text-xs text-slate-500">
                        Example: <code>{String(parameter.example ?? parameter.schema?.example)}</code>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          {operation.requestBody
            ? Object.entries(operation.requestBody.content).map(([type, media]) => (
                <div key={type}>
                  <h3 className="mt-4 text-sm font-semibold">
                    Request body <code className="text-xs font-normal text-slate-500">{type}</code>
                  </h3>
                  {media.schema ? <SchemaView schema={media.schema} components={components} /> : null}
                  {Object.entries(media.examples ?? {}).map(([name, example]) => (
                    <details key={name} className="mt-2">
                      <summary className="cursor-pointer text-sm text-indigo-700">
                        Example: {example.summary ?? name}
                      </summary>
                      <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
                        {JSON.stringify(example.value, null, 2)}
                      </pre>
                    </details>
                  ))}
                </div>
              ))
            : null}

          <h3 className="mt-4 text-sm font-semibold">Responses</h3>
          <ul className="mt-1 space-y-2">
            {Object.entries(operation.responses).map(([status, response]) => (
              <li key={status} className="text-sm">
                <span
                  className={`font-mono font-semibold ${status.startsWith("2") ? "text-emerald-800" : "text-rose-800"}`}
                >
                  {status}
                </span>{" "}
                <Prose text={response.description} />
                {status.startsWith("2")
                  ? Object.entries(response.content ?? {}).map(([type, media]) => (
                      <details key={type} className="mt-1">
                        <summary className="cursor-pointer text-indigo-700">
                          <code className="text-xs">{type}</code>
                        </summary>
                        <div className="ml-4 mt-1">
                          {media.schema ? <SchemaView schema={media.schema} components={components} /> : null}
                        </div>
                      </details>
                    ))
                  : null}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <section className="mt-10 border-t border-slate-200 pt-6">
        <h2 className="text-lg font-semibold">Problems</h2>
        <p className="mt-1 text-sm text-slate-700">
          Every refusal is <code>application/problem+json</code> (RFC 9457): <code>type</code>, <code>title</code>,{" "}
          <code>status</code> and <code>detail</code>, plus a stable <code>error</code> code (and <code>message</code>,
          the same as <code>detail</code>). A <code>409 conflict</code> carries <code>current</code>, the cell as the
          edit that won left it; a <code>429</code> carries <code>Retry-After</code>.
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {PROBLEM_CODES.map((code) => (
            <div key={code} id={`problem-${code}`} className="contents">
              <dt>
                <code>{code}</code>
              </dt>
              <dd className="text-slate-700">{problemTitle(code)}</dd>
            </div>
          ))}
        </dl>
        <details className="mt-3">
          <summary className="cursor-pointer text-sm text-indigo-700">The problem object</summary>
          <div className="ml-4 mt-1">
            <SchemaView schema={components.Problem ?? {}} components={components} />
          </div>
        </details>
      </section>
    </main>
  );
}
