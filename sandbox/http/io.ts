import type { IncomingMessage, ServerResponse } from "node:http";

/** A response described as data, so that faults can delay, replace or drop it before it is sent. */
export interface HttpResult {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export function jsonResult(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpResult {
  return {
    status,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(value),
  };
}

export function writeResult(res: ServerResponse, result: HttpResult): void {
  if (res.headersSent || res.destroyed) return;
  res.statusCode = result.status;
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  if (result.body === undefined) {
    res.end();
    return;
  }
  res.setHeader("content-length", Buffer.byteLength(result.body));
  res.end(result.body);
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    received += buffer.length;
    if (received > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, received);
}

/** The media type without parameters, lower-cased: "application/json; charset=utf-8" -> "application/json". */
export function mediaType(req: IncomingMessage): string | undefined {
  const header = req.headers["content-type"];
  return header?.split(";")[0]?.trim().toLowerCase() || undefined;
}

export function isJsonMediaType(type: string | undefined): boolean {
  return (
    type === "application/json" ||
    (type?.startsWith("application/") && type.endsWith("+json")) === true
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
