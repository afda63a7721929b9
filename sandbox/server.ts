import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve } from "node:path";

import { createApiHandler } from "./api/handler";
import { problem } from "./api/problem";
import { HangingResponses } from "./controls/fault-responses";
import { faultSchema, FaultRegistry, type FaultInput } from "./controls/faults";
import { createControlsHandler, sandboxControls } from "./controls/routes";
import { SandboxStats, type SandboxStatsSnapshot } from "./controls/stats";
import { jsonResult, writeResult } from "./http/io";
import { closeServers, DEFAULT_HOST, listen } from "./http/listen";
import { logRequests } from "./http/request-log";
import { createInteractionHandler } from "./oauth/interactions";
import { idTokenSigningKey } from "./oauth/keys";
import { createOAuthProvider, OIDC_CLIENT_NAME } from "./oauth/provider";
import { createTokenEndpoint } from "./oauth/token-endpoint";
import { SANDBOX_PASSWORD, SANDBOX_USERS } from "./oauth/users";
import { DEFAULTS, oidcRedirects, type SandboxOptions } from "./options";
import { secretMatches } from "./state/credentials";
import { MANAGING_ENTITY_ID } from "./state/managing-entity";
import { SandboxStore } from "./state/store";

export type { SandboxOptions } from "./options";

export interface RunningSandbox {
  /** Base URL of the API, e.g. http://localhost:4010. */
  url: string;
  tokenUrl: string;
  issuer: string;
  port: number;
  managingEntityId: string;
  /** The console's MACHINE_2_MACHINE credential (what WINK_CLIENT_ID/_SECRET should be). */
  consoleCredential: { clientId: string; clientSecret: string };
  /**
   * False once the console's application was rotated or deleted through the API: the configured
   * credential then no longer works, as with Wink, until a reset (or a fresh state file).
   */
  consoleCredentialWorks(): boolean;
  /** The console's OIDC sign-in client (AUTH_OIDC_CLIENT_ID/_SECRET). */
  oidcClient: { clientId: string; clientSecret: string; redirectUris: string[] };
  users: { email: string; name: string; password: string }[];
  /** The state file, or undefined in memory mode. */
  dataFile: string | undefined;
  stats(): SandboxStatsSnapshot;
  /** The test controls, in-process (available whether or not the HTTP controls are on). */
  reset(): Promise<void>;
  seed(count: number): Promise<number>;
  setFault(fault: FaultInput): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const consoleCredential = {
    clientId: options.consoleClientId ?? DEFAULTS.consoleClientId,
    clientSecret: options.consoleClientSecret ?? DEFAULTS.consoleClientSecret,
  };
  const dataFile = options.memory ? undefined : resolve(options.dataFile ?? DEFAULTS.dataFile);
  const store = await SandboxStore.open({ dataFile, consoleCredential });
  const faults = new FaultRegistry();
  const stats = new SandboxStats();
  const hanging = new HangingResponses();

  if (options.issuer) assertIssuerWithoutPath(options.issuer);
  // Generating the ID-token key is the slow part of a start: finish it before taking requests, so
  // that the port answers 503 "starting" for milliseconds, not seconds.
  await idTokenSigningKey();

  // Listen first: with port 0 the issuer can only be known once the port is.
  let dispatch: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) =>
    writeResult(res, jsonResult(503, { error: "starting" }));
  const host = options.host ?? DEFAULT_HOST;
  const log = options.log ?? process.env.SANDBOX_LOG === "1";
  const { port, servers } = await listen(host, options.port ?? DEFAULTS.port, (req, res) => {
    if (log) logRequests(req, res);
    void dispatch(req, res);
  });

  const url = `http://${isLoopbackOrAny(host) ? "localhost" : host}:${port}`;
  const issuer = (options.issuer ?? url).replace(/\/+$/, "");
  const oidcClient = {
    clientId: DEFAULTS.oidcClientId,
    clientSecret: options.oidcClientSecret ?? DEFAULTS.oidcClientSecret,
    ...oidcRedirects(options.consoleUrls ?? DEFAULTS.consoleUrls),
  };

  const { provider, verifyAccessToken } = await createOAuthProvider({
    issuer,
    store,
    stats,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULTS.tokenTtlSeconds,
    cookieKeys: options.cookieKeys ?? [randomBytes(32).toString("base64url")],
    oidcClient,
  }).catch(async (error: unknown) => {
    await closeServers(servers);
    throw error;
  });
  const providerCallback = provider.callback();
  const handleApi = createApiHandler({ store, stats, faults, hanging, verifyAccessToken });
  const handleToken = createTokenEndpoint({
    provider: providerCallback,
    store,
    faults,
    stats,
    hanging,
  });
  const handleInteraction = createInteractionHandler(
    provider,
    new Map([[oidcClient.clientId, OIDC_CLIENT_NAME]]),
  );
  const handleControl = options.controls
    ? createControlsHandler({ store, faults, stats, hanging })
    : undefined;
  const index = {
    name: "Wink sandbox",
    api: `${url}/api`,
    tokenEndpoint: `${issuer}/oauth2/token`,
    issuer,
    discovery: `${issuer}/.well-known/openid-configuration`,
    managingEntityId: MANAGING_ENTITY_ID,
    controls: Boolean(handleControl),
  };

  dispatch = async (req, res) => {
    let requestUrl: URL;
    try {
      requestUrl = new URL(req.url ?? "/", `http://${req.headers.host ?? `localhost:${port}`}`);
    } catch {
      requestUrl = new URL(req.url ?? "/", url);
    }
    const path = requestUrl.pathname;
    try {
      if (path.startsWith("/api/")) return await handleApi(req, res, requestUrl);
      if (path === "/oauth2/token") return await handleToken(req, res, requestUrl);
      if (path.startsWith("/oauth2/") || path.startsWith("/.well-known/")) {
        return await providerCallback(req, res);
      }
      if (path.startsWith("/interaction/")) return await handleInteraction(req, res, requestUrl);
      if (path.startsWith("/__sandbox/") && handleControl) {
        return await handleControl(req, res, requestUrl);
      }
      if (path === "/" && req.method === "GET") return writeResult(res, jsonResult(200, index));
      if (path === "/health" && req.method === "GET") {
        return writeResult(res, jsonResult(200, { status: "ok" }));
      }
      writeResult(
        res,
        problem({ status: 404, detail: `No endpoint ${path}.`, instance: requestUrl.href }),
      );
    } catch (error) {
      console.error(`sandbox: ${req.method} ${path} failed:`, error);
      writeResult(
        res,
        problem({ status: 500, detail: "The sandbox failed.", instance: requestUrl.href }),
      );
    }
  };

  const controls = sandboxControls({ store, faults, stats, hanging });
  return {
    url,
    tokenUrl: `${issuer}/oauth2/token`,
    issuer,
    port,
    managingEntityId: MANAGING_ENTITY_ID,
    consoleCredential,
    consoleCredentialWorks: () => {
      const app = store.findByClientId(consoleCredential.clientId);
      return app !== undefined && secretMatches(consoleCredential.clientSecret, app.secretHash);
    },
    oidcClient: {
      clientId: oidcClient.clientId,
      clientSecret: oidcClient.clientSecret,
      redirectUris: oidcClient.redirectUris,
    },
    users: SANDBOX_USERS.map(({ email, name }) => ({ email, name, password: SANDBOX_PASSWORD })),
    dataFile,
    stats: () => stats.snapshot(),
    reset: controls.reset,
    seed: controls.seed,
    setFault: (fault) => faults.set(faultSchema.parse(fault)),
    clearFaults: () => faults.clear(),
    async close() {
      hanging.releaseAll();
      await closeServers(servers);
      await store.close();
    },
  };
}

function isLoopbackOrAny(host: string): boolean {
  return ["127.0.0.1", "::1", "localhost", "0.0.0.0", "::"].includes(host);
}

function assertIssuerWithoutPath(issuer: string): void {
  const parsed = new URL(issuer);
  if (parsed.pathname !== "/" || parsed.search || parsed.hash) {
    throw new Error(
      `The issuer ${issuer} must be an origin without a path: the sandbox serves /oauth2 at its root.`,
    );
  }
}
