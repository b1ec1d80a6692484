import { type Components, type JsonSchema, Prose, SchemaView, typeLabel } from "@/components/api-reference/schema-view";

type Parameter = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: JsonSchema;
};
type Media = { schema?: JsonSchema; examples?: Record<string, { summary?: string; value: unknown }> };
export type Operation = {
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

export type OperationEntry = { path: string; method: string; operation: Operation };

/** The operations by tag, each linking to its section. */
export function OperationIndex({ tags, operations }: { tags: { name: string }[]; operations: OperationEntry[] }) {
  return (
    <nav aria-label="Operations" className="mt-6 rounded border border-slate-200 p-4">
      {tags.map((tag) => (
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
  );
}

/** One operation: its address, what it does, who may call it, and what it takes and answers. */
export function OperationView({ path, method, operation, components }: OperationEntry & { components: Components }) {
  return (
    <section id={operation.operationId} className="mt-10 border-t border-slate-200 pt-6">
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
      <OperationParameters parameters={operation.parameters ?? []} components={components} />
      {operation.requestBody
        ? Object.entries(operation.requestBody.content).map(([type, media]) => (
            <RequestBody key={type} type={type} media={media} components={components} />
          ))
        : null}
      <OperationResponses responses={operation.responses} components={components} />
    </section>
  );
}

function OperationParameters({ parameters, components }: { parameters: Parameter[]; components: Components }) {
  if (parameters.length === 0) return null;
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold">Parameters</h3>
      <ul className="mt-1 space-y-1.5 text-sm">
        {parameters.map((parameter) => (
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
  );
}

function RequestBody({ type, media, components }: { type: string; media: Media; components: Components }) {
  return (
    <div>
      <h3 className="mt-4 text-sm font-semibold">
        Request body <code className="text-xs font-normal text-slate-500">{type}</code>
      </h3>
      {media.schema ? <SchemaView schema={media.schema} components={components} /> : null}
      {Object.entries(media.examples ?? {}).map(([name, example]) => (
        <details key={name} className="mt-2">
          <summary className="cursor-pointer text-sm text-indigo-700">Example: {example.summary ?? name}</summary>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {JSON.stringify(example.value, null, 2)}
          </pre>
        </details>
      ))}
    </div>
  );
}

function OperationResponses({ responses, components }: { responses: Operation["responses"]; components: Components }) {
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold">Responses</h3>
      <ul className="mt-1 space-y-2">
        {Object.entries(responses).map(([status, response]) => (
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
    </>
  );
}
