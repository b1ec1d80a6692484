import { type Components, SchemaView } from "@/components/api-reference/schema-view";
import { PROBLEM_CODES, problemTitle } from "@/lib/api/problem";

/** The refusals every operation may answer with, and the object they come in. */
export function ProblemsReference({ components }: { components: Components }) {
  return (
    <section className="mt-10 border-t border-slate-200 pt-6">
      <h2 className="text-lg font-semibold">Problems</h2>
      <p className="mt-1 text-sm text-slate-700">
        Every refusal is <code>application/problem+json</code> (RFC 9457): <code>type</code>, <code>title</code>,{" "}
        <code>status</code> and <code>detail</code>, plus a stable <code>error</code> code (and <code>message</code>,
        the same as <code>detail</code>). A <code>409 conflict</code> carries <code>current</code>, the cell as the edit
        that won left it; a <code>429</code> carries <code>Retry-After</code>, and so does a <code>503 busy</code>, the
        answer of a server with too many requests waiting (nothing was done: try again after that many seconds).
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
  );
}
