import { STATUS_CODES } from "node:http";

import type { HttpResult } from "../http/io";

export interface FieldError {
  field: string;
  message: string;
}

interface ProblemInit {
  status: number;
  detail: string;
  /** Absolute URL of the request: the contract types `instance` as a URI. */
  instance: string;
  extensions?: Record<string, unknown>;
  /**
   * Spring's ProblemDetail serialises extension members either flattened at the top level or
   * nested under `properties`, depending on how the error was built; Wink does both, and the
   * console must read both, so the sandbox does both too.
   */
  nestExtensions?: boolean;
  headers?: Record<string, string>;
}

export function problem(init: ProblemInit): HttpResult {
  const base = {
    type: "about:blank",
    title: STATUS_CODES[init.status] ?? "Error",
    status: init.status,
    detail: init.detail,
    instance: init.instance,
  };
  const extensions = init.extensions ?? {};
  const body = init.nestExtensions
    ? { ...base, properties: extensions }
    : { ...extensions, ...base };
  return {
    status: init.status,
    headers: { "content-type": "application/problem+json", ...init.headers },
    body: JSON.stringify(body),
  };
}

/** 400 for a body that fails validation: field errors nested under `properties`. */
export function validationProblem(instance: string, errors: FieldError[]): HttpResult {
  const fields = [...new Set(errors.map((error) => error.field))].join(", ");
  return problem({
    status: 400,
    detail: `Validation failed for ${fields}.`,
    instance,
    extensions: { errors },
    nestExtensions: true,
  });
}

export function notFoundProblem(instance: string, detail: string): HttpResult {
  return problem({ status: 404, detail, instance });
}
