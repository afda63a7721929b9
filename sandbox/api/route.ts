import type { Scope } from "../../lib/wink-contract/scopes";
import type { FaultOperation } from "../controls/faults";
import type { SandboxStats } from "../controls/stats";
import type { HttpResult } from "../http/io";
import type { SandboxStore } from "../state/store";
import type { Caller } from "./bearer";

export type ApiOperation = Exclude<FaultOperation, "token">;

export interface ApiRequest {
  /** Path parameters; `entityId` has been checked to be an entity the caller may see. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, for routes that take one. */
  body: unknown;
  /** Absolute URL of the request, for problem details. */
  instance: string;
  caller: Caller;
}

export interface ApiServices {
  store: SandboxStore;
  stats: SandboxStats;
}

export interface ApiRoute {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  pattern: string;
  operation: ApiOperation;
  scope: Scope;
  takesBody?: boolean;
  handle(request: ApiRequest, services: ApiServices): Promise<HttpResult> | HttpResult;
}
