// A JSON Schema (as OpenAPI 3.1 carries it) as nested lists a person can read: each property
// with its type, whether it is required, its limits and its description.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  example?: unknown;
};

export type Components = Record<string, JsonSchema>;

/** Text from the document with its `code` spans set as code. */
export function Prose({ text }: { text: string }) {
  return text.split("`").map((part, i) =>
    i % 2 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never reorder
      <code key={i}>{part}</code>
    ) : (
      part
    ),
  );
}

const refName = (ref: string) => ref.split("/").pop() ?? ref;

function resolve(schema: JsonSchema, components: Components): JsonSchema {
  return schema.$ref ? { ...(components[refName(schema.$ref)] ?? {}), description: schema.description } : schema;
}

export function typeLabel(raw: JsonSchema, components: Components): string {
  const schema = resolve(raw, components);
  if (raw.$ref) return refName(raw.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => typeLabel(v, components)).join(" | ");
  if (schema.type === "array" && schema.prefixItems)
    return `[${schema.prefixItems.map((s) => typeLabel(s, components)).join(", ")}]`;
  if (schema.type === "array") return `array of ${schema.items ? typeLabel(schema.items, components) : "anything"}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

function limits(schema: JsonSchema): string[] {
  const notes: string[] = [];
  if (schema.minimum !== undefined) notes.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) notes.push(`≤ ${schema.maximum}`);
  if (schema.maxItems !== undefined) notes.push(`at most ${schema.maxItems} items`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}

function children(schema: JsonSchema, components: Components): JsonSchema | null {
  const resolved = resolve(schema, components);
  if (resolved.properties) return resolved;
  if (resolved.type === "array" && resolved.items) return children(resolved.items, components);
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (variants?.length === 1) return children(variants[0]!, components);
  return null;
}

export function SchemaView({
  schema,
  components,
  depth = 0,
}: {
  schema: JsonSchema;
  components: Components;
  depth?: number;
}) {
  const resolved = resolve(schema, components);
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (!resolved.properties && variants && variants.some((v) => children(v, components)))
    return (
      <ol className="space-y-2">
        {variants.map((variant, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the variants of one schema never reorder
          <li key={i} className="rounded border border-slate-200 p-2">
            <p className="text-xs font-medium text-slate-500">Either {i + 1}</p>
            <SchemaView schema={variant} components={components} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  const object = children(schema, components);
  if (!object?.properties || depth > 6)
    return <p className="font-mono text-sm text-slate-700">{typeLabel(schema, components)}</p>;
  return (
    <ul className="space-y-1.5">
      {Object.entries(object.properties).map(([name, property]) => {
        const nested = children(property, components);
        const description = property.description ?? resolve(property, components).description;
        return (
          <li key={name} className="text-sm">
            <code className="font-semibold">{name}</code>{" "}
            <span className="font-mono text-xs text-slate-600">{typeLabel(property, components)}</span>
            {object.required?.includes(name) ? <span className="ml-1 text-xs text-rose-700">required</span> : null}
            {limits(resolve(property, components)).map((note) => (
              <span key={note} className="ml-1 text-xs text-slate-500">
                · {note}
              </span>
            ))}
            {description ? (
              <p className="text-slate-600">
                <Prose text={description} />
              </p>
            ) : null}
            {nested && depth < 6 ? (
              <div className="ml-4 mt-1 border-l border-slate-200 pl-3">
                <SchemaView schema={nested} components={components} depth={depth + 1} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
