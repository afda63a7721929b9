import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * Contract checks for tests: every body the sandbox answers is validated against the OpenAPI
 * schemas of docs/wink-api, the copy of Wink's contract kept in this repository (override with WINK_OPENAPI_FILE).
 */

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const SPEC_FILE =
  process.env.WINK_OPENAPI_FILE ??
  resolve(REPOSITORY, "docs/wink-api/wink-account-applications.openapi.json");

type Json = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

const spec = JSON.parse(readFileSync(SPEC_FILE, "utf8")) as Spec;

/**
 * springdoc writes `contains: {default: ""}` beside `items` where it meant a default for the items.
 * Read literally, `contains` demands at least one element, so every empty list (an M2M
 * application's redirectUris) would break the contract. Such `contains` carry annotations only and
 * are dropped; every other keyword is kept as written.
 */
function withoutAnnotationOnlyContains(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotationOnlyContains);
  if (typeof node !== "object" || node === null) return node;
  const entries = Object.entries(node).filter(([key, value]) => {
    if (key !== "contains" || typeof value !== "object" || value === null) return true;
    return !Object.keys(value).every((k) => ["default", "description", "example"].includes(k));
  });
  return Object.fromEntries(
    entries.map(([key, value]) => [key, withoutAnnotationOnlyContains(value)]),
  );
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "wink", components: withoutAnnotationOnlyContains(spec.components) }, "wink");

const compiled = new Map<string, ValidateFunction>();
function compile(key: string, schema: Json): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    // Refs in the spec are document-relative ("#/components/..."): point them at the added doc.
    const rebased = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', '"wink#/components/'),
    );
    validate = ajv.compile(rebased);
    compiled.set(key, validate);
  }
  return validate;
}

export function schemaOf(name: string): ValidateFunction {
  return compile(`component:${name}`, { $ref: `#/components/schemas/${name}` });
}

const templates = Object.keys(spec.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
}));

/** The spec's path template for a concrete path; literal templates beat parameterised ones. */
function templateOf(path: string): string | undefined {
  const matches = templates.filter(({ pattern }) => pattern.test(path));
  matches.sort(
    (a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0),
  );
  return matches[0]?.template;
}

export interface ContractResponse {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

/**
 * Errors of the contract: the declared schema of the operation and status, else ProblemDetail for
 * any problem+json body. Returns the ajv errors as text, or null when the body conforms.
 */
export function contractViolations(response: ContractResponse): string | null {
  const template = templateOf(response.path);
  if (!template) return `no operation in the contract for ${response.path}`;
  const operation = spec.paths[template]?.[response.method.toLowerCase()];
  if (!operation) return `no ${response.method} ${template} in the contract`;

  const declared = operation.responses[String(response.status)]?.content;
  const declaredSchema = declared?.["application/json"]?.schema ?? declared?.["*/*"]?.schema;
  const isProblem = response.contentType?.startsWith("application/problem+json") ?? false;
  const schema = isProblem ? { $ref: "#/components/schemas/ProblemDetail" } : declaredSchema;
  if (!schema)
    return `status ${response.status} is not declared for ${response.method} ${template}`;

  const validate = compile(
    `${response.method} ${template} ${response.status} ${isProblem}`,
    schema,
  );
  return validate(response.body) ? null : ajv.errorsText(validate.errors);
}

/** RFC 6749 section 5.1 and 5.2: the token endpoint is not in the OpenAPI document. */
const tokenSuccess = ajv.compile({
  type: "object",
  required: ["access_token", "token_type", "expires_in"],
  properties: {
    access_token: { type: "string", minLength: 1 },
    token_type: { const: "Bearer" },
    expires_in: { type: "integer", minimum: 1 },
    scope: { type: "string" },
  },
});
const tokenError = ajv.compile({
  type: "object",
  required: ["error"],
  properties: {
    error: {
      enum: [
        "invalid_request",
        "invalid_client",
        "invalid_grant",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_scope",
      ],
    },
    error_description: { type: "string" },
  },
});

export function tokenResponseViolations(status: number, body: unknown): string | null {
  const validate = status === 200 ? tokenSuccess : tokenError;
  return validate(body) ? null : ajv.errorsText(validate.errors);
}
