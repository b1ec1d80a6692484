import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

// The /api/v1/ document: valid OpenAPI 3.1, and complete enough for tests/e2e/api-v1.test.ts to
// call every operation with its own examples.

describe("the OpenAPI document", () => {
  it("validates", async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    expect(result.valid, compileErrors(result)).toBe(true);
  });

  it("has an example for every parameter the routes need and every request body", () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(openApiDocument().paths ?? {}))
      for (const [method, operation] of Object.entries(item ?? {})) {
        if (!operation || typeof operation !== "object" || !("responses" in operation)) continue;
        for (const parameter of operation.parameters ?? [])
          if (
            "in" in parameter &&
            parameter.in === "path" &&
            parameter.schema &&
            !("$ref" in parameter.schema) &&
            parameter.schema.example === undefined
          )
            missing.push(`${method} ${path} ${parameter.name}`);
        const body = operation.requestBody;
        if (body && !("$ref" in body) && !body.content["application/json"]?.examples)
          missing.push(`${method} ${path} body`);
      }
    expect(missing).toEqual([]);
  });

  it("describes a statement's red line, condition and confidence", () => {
    const operation = openApiDocument().paths?.["/workspaces/{slug}/statements"]?.get;
    const response = operation?.responses?.["200"];
    const schema = JSON.stringify(response && "content" in response ? response.content : null);
    for (const field of [
      "confidence",
      "confidenceRationale",
      "redLine",
      "conditional",
      "conditionText",
      "conditionIssueId",
      "conditionPartyId",
      "conditionMinPosition",
    ])
      expect(schema, field).toContain(`"${field}"`);
  });
});
