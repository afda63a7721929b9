import { expect } from "vitest";

import { startSandbox, type RunningSandbox, type SandboxOptions } from "../server";
import { contractViolations, tokenResponseViolations } from "./contract";

/** A sandbox for one test file: in memory, controls on, a free port. */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, memory: true, controls: true, ...options });
}

export interface Credential {
  clientId: string;
  clientSecret: string;
}

export interface TokenRequestOptions {
  scope?: string;
  /** Where the credentials go: the Basic header (Wink's documented way) or the form body. */
  via?: "basic" | "body" | "both";
  grantType?: string;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

async function readResponse(response: Response): Promise<JsonResponse> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the text is all there is (some faults answer HTML on purpose).
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Written apart from the sandbox's own encodeBasic on purpose: the tests check it, not reuse it. */
export function basicAuthorization({ clientId, clientSecret }: Credential): string {
  const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
  return `Basic ${Buffer.from(pair).toString("base64")}`;
}

/** POST to the token endpoint; every answer is checked against RFC 6749's shapes. */
export async function requestToken(
  sandbox: RunningSandbox,
  credential: Credential,
  { scope, via = "basic", grantType = "client_credentials" }: TokenRequestOptions = {},
): Promise<JsonResponse> {
  const form = new URLSearchParams({ grant_type: grantType });
  if (scope !== undefined) form.set("scope", scope);
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (via === "basic" || via === "both") headers.authorization = basicAuthorization(credential);
  if (via === "body" || via === "both") {
    form.set("client_id", credential.clientId);
    form.set("client_secret", credential.clientSecret);
  }
  const response = await readResponse(
    await fetch(sandbox.tokenUrl, { method: "POST", headers, body: form }),
  );
  expect(tokenResponseViolations(response.status, response.body), response.text).toBeNull();
  return response;
}

export async function accessToken(
  sandbox: RunningSandbox,
  credential: Credential = sandbox.consoleCredential,
  scope?: string,
): Promise<string> {
  const response = await requestToken(sandbox, credential, { scope });
  expect(response.status, response.text).toBe(200);
  return (response.body as { access_token: string }).access_token;
}

export interface ApiCall {
  method?: string;
  token?: string;
  body?: unknown;
  /** Raw body and content type, for the 415 and bad-JSON cases. */
  rawBody?: string;
  contentType?: string;
  /** Undefined sends no Wink-Version header; default "2.0". */
  winkVersion?: string | null;
  signal?: AbortSignal;
  /** Skip the contract check (faults that break the contract on purpose). */
  contract?: boolean;
}

/** A call to the API. Every JSON answer is checked against the OpenAPI contract unless told not to. */
export async function callApi(
  sandbox: RunningSandbox,
  path: string,
  {
    method = "GET",
    token,
    body,
    rawBody,
    contentType,
    winkVersion = "2.0",
    signal,
    contract = true,
  }: ApiCall = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (winkVersion !== null) headers["wink-version"] = winkVersion;
  let payload: string | undefined = rawBody;
  if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers["content-type"] = contentType ?? "application/json";
  const response = await readResponse(
    await fetch(`${sandbox.url}${path}`, { method, headers, body: payload, signal }),
  );
  const contentTypeHeader = response.headers.get("content-type");
  if (contract && contentTypeHeader?.includes("json")) {
    const violations = contractViolations({
      method,
      path: path.split("?")[0]!,
      status: response.status,
      contentType: contentTypeHeader,
      body: response.body,
    });
    expect(violations, `${method} ${path} -> ${response.status} ${response.text}`).toBeNull();
  }
  return response;
}

export function applicationsPath(sandbox: RunningSandbox, suffix = ""): string {
  return `/api/managing-entity/${sandbox.managingEntityId}/application${suffix}`;
}

export async function postControl(
  sandbox: RunningSandbox,
  path: string,
  body?: unknown,
  method = "POST",
): Promise<JsonResponse> {
  return readResponse(
    await fetch(`${sandbox.url}/__sandbox/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

export interface CreatedApplication {
  id: string;
  name: string;
  clientId: string;
  secretKey: string;
  scopes: string[];
}

export async function createApplication(
  sandbox: RunningSandbox,
  token: string,
  body: Record<string, unknown> = {},
): Promise<CreatedApplication> {
  const response = await callApi(sandbox, applicationsPath(sandbox), {
    method: "POST",
    token,
    body: { name: "Test application", clientType: "MACHINE_2_MACHINE", ...body },
  });
  expect(response.status, response.text).toBe(201);
  return response.body as CreatedApplication;
}
