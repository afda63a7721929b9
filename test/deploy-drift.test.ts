import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { FILE_SETTINGS } from "@/lib/env/files";
import { rawSchema } from "@/lib/env/variables";

/**
 * The deployment files (compose.yaml, deploy/kubernetes/, the Dockerfile) against the code: every
 * environment variable they give the console is one the console reads, and every probe asks a
 * route that exists. Neither engine runs here, so this is what keeps the files honest.
 */

const root = path.resolve(__dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** Variables the code reads: `process.env.X` and `env.X` in lib/, app/ and the root files. */
function variablesReadInCode(): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.includes(".test.")) scan(file);
    }
  };
  const scan = (file: string) => {
    for (const match of read(file).matchAll(/\b(?:process\.env|env)\.([A-Z][A-Z0-9_]+)/g))
      names.add(match[1]!);
  };
  visit("lib");
  visit("app");
  for (const file of ["instrumentation.ts", "proxy.ts"]) scan(file);
  return names;
}

const consoleReads = new Set([
  ...Object.keys(rawSchema(false).shape),
  ...FILE_SETTINGS.map((name) => `${name}_FILE`),
  ...variablesReadInCode(),
  // Read by Next.js's standalone server.js and Node, not by the console's code.
  "PORT",
  "HOSTNAME",
  "NODE_ENV",
  "NEXT_TELEMETRY_DISABLED",
]);

/** The sandbox's variables, as its --help lists them. */
const sandboxReads = new Set(read("sandbox/cli.ts").match(/\bSANDBOX_[A-Z_]+/g));

type EnvList = Record<string, unknown> | string[] | undefined;
const namesOf = (environment: EnvList): string[] =>
  Array.isArray(environment)
    ? environment.map((entry) => entry.split("=")[0]!)
    : Object.keys(environment ?? {});

type ComposeService = {
  image?: string;
  build?: { target?: string };
  environment?: EnvList;
  healthcheck?: { test?: string[] };
};
const compose = parse(read("compose.yaml"), { merge: true }) as {
  services: Record<string, ComposeService>;
};

type Container = {
  env?: { name: string }[];
  securityContext?: { readOnlyRootFilesystem?: boolean };
  volumeMounts?: { name: string; mountPath: string }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  startupProbe?: { httpGet?: { path: string } };
};
type PodSpec = {
  securityContext?: { runAsNonRoot?: boolean };
  containers: Container[];
  volumes?: { name: string; emptyDir?: object }[];
};
type PodTemplate = { template?: { spec: PodSpec } };
type Manifest = { kind: string; spec?: PodTemplate & { jobTemplate?: { spec?: PodTemplate } } };

/** The pod a Deployment or Job runs, or the one a CronJob's jobs run. */
const podOf = (manifest: Manifest): PodSpec | undefined =>
  manifest.spec?.template?.spec ?? manifest.spec?.jobTemplate?.spec?.template?.spec;

const manifests = readdirSync(path.join(root, "deploy/kubernetes"))
  .filter((file) => file.endsWith(".yaml"))
  .flatMap((file) =>
    parseAllDocuments(read(`deploy/kubernetes/${file}`)).map((document) => {
      expect(document.errors, file).toEqual([]);
      return { file, manifest: document.toJS() as Manifest };
    }),
  );
const containers: { file: string; container: Container }[] = manifests.flatMap(
  ({ file, manifest }) =>
    ((podOf(manifest)?.containers ?? []) as Container[]).map((container) => ({
      file,
      container,
    })),
);

/** `/api/ready` → app/api/ready/route.ts. */
const routeExists = (probePath: string) =>
  existsSync(path.join(root, "app", probePath.replace(/^\//, ""), "route.ts"));

describe("compose.yaml", () => {
  const consoles = Object.entries(compose.services).filter(
    ([, service]) => service.build?.target === "console",
  );

  it("runs PostgreSQL, a migration, two consoles, nginx and the sandbox", () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ["console-1", "console-2", "migrate", "nginx", "postgres", "sandbox"].sort(),
    );
    expect(consoles.map(([name]) => name).sort()).toEqual(["console-1", "console-2", "migrate"]);
    expect(compose.services.migrate).toMatchObject({ command: ["node", "scripts/migrate.mjs"] });
  });

  it("gives the consoles only variables the console reads", () => {
    const unknown = consoles.flatMap(([name, service]) =>
      namesOf(service.environment)
        .filter((variable) => !consoleReads.has(variable))
        .map((variable) => `${name}: ${variable}`),
    );
    expect(unknown).toEqual([]);
  });

  it("gives the sandbox only variables the sandbox reads", () => {
    const unknown = namesOf(compose.services.sandbox!.environment).filter(
      (variable) => !sandboxReads.has(variable),
    );
    expect(unknown).toEqual([]);
  });

  it("trusts forwarded headers on the consoles, which nginx sets, without sticky sessions", () => {
    for (const name of ["console-1", "console-2"])
      expect(compose.services[name]!.environment).toMatchObject({ AUTH_TRUST_HOST: "true" });
    const nginx = read("deploy/nginx/console.conf");
    for (const header of ["X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-For"])
      expect(nginx).toMatch(new RegExp(`proxy_set_header ${header} `));
    expect(nginx).not.toMatch(/^\s*(ip_hash|hash|sticky)\b/m);
    expect(nginx).not.toMatch(/non_idempotent/);
  });

  it("keeps secrets in files, not in the environment", () => {
    for (const [name, service] of consoles)
      for (const variable of namesOf(service.environment))
        expect(FILE_SETTINGS as readonly string[], `${name}: ${variable}`).not.toContain(variable);
  });
});

describe("deploy/kubernetes", () => {
  it("sets only variables the console reads", () => {
    const unknown = containers.flatMap(({ file, container }) =>
      (container.env ?? [])
        .map(({ name }) => name)
        .filter((name) => !consoleReads.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(containers.length).toBeGreaterThanOrEqual(2);
    expect(unknown).toEqual([]);
  });

  it("probes readiness at /api/ready and liveness at /api/health, routes that exist", () => {
    const deployment = containers.find(({ file }) => file === "deployment.yaml")!.container;
    expect(deployment.readinessProbe?.httpGet?.path).toBe("/api/ready");
    expect(deployment.livenessProbe?.httpGet?.path).toBe("/api/health");
    const paths = containers.flatMap(({ container }) =>
      [container.readinessProbe, container.livenessProbe, container.startupProbe].flatMap(
        (probe) => (probe?.httpGet ? [probe.httpGet.path] : []),
      ),
    );
    expect(paths.filter((probe) => !routeExists(probe))).toEqual([]);
  });

  it("runs as non-root on a read-only root filesystem with /tmp writable", () => {
    const pods = manifests.flatMap(({ manifest }) => podOf(manifest) ?? []);
    expect(pods.length).toBe(3);
    for (const pod of pods) {
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      for (const container of pod.containers) {
        expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
        expect(container.volumeMounts).toContainEqual({ name: "tmp", mountPath: "/tmp" });
      }
      expect(pod.volumes).toContainEqual(
        expect.objectContaining({ name: "tmp", emptyDir: expect.anything() }),
      );
    }
  });

  it("has a disruption budget and a migration Job, and no CronJob without its script", () => {
    const kinds = manifests.map(({ manifest }) => manifest.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["Deployment", "Service", "PodDisruptionBudget", "Job", "Secret"]),
    );
    const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
    expect(kinds.includes("CronJob")).toBe("report:secrets" in scripts);
  });

  it("runs the secret-age report daily from the image's bundled script", () => {
    const cronJob = manifests.find(({ manifest }) => manifest.kind === "CronJob")!;
    const spec = cronJob.manifest.spec as { schedule?: string; concurrencyPolicy?: string };
    expect(spec.schedule).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(spec.concurrencyPolicy).toBe("Forbid");
    const container = podOf(cronJob.manifest)!.containers[0] as Container & { command?: string[] };
    expect(container.command).toEqual(["node", "scripts/report-secrets.mjs"]);
    expect(read("scripts/package-standalone.mjs")).toContain('"report-secrets"');
    const env = (container.env ?? []).map(({ name }) => name);
    expect(env).toContain("CONSOLE_NOTIFY_WEBHOOK_URL_FILE");
    expect(env).not.toContain("CONSOLE_NOTIFY_WEBHOOK_URL");
    const kustomization = parse(read("deploy/kubernetes/kustomization.yaml")) as {
      resources: string[];
    };
    expect(kustomization.resources).toContain(cronJob.file);
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("checks health at a route that exists, as a non-root user, from node:20-bookworm-slim", () => {
    const probes = [...dockerfile.matchAll(/HEALTHCHECK[\s\S]*?(\/api\/[a-z-]+)/g)].map(
      (m) => m[1]!,
    );
    expect(probes).toContain("/api/health");
    expect(probes.filter((probe) => !routeExists(probe))).toEqual([]);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it("sets only variables the console reads in the console stage", () => {
    const consoleStage = dockerfile.split(/^FROM /m).find((stage) => / AS console$/m.test(stage))!;
    const variables = [...consoleStage.matchAll(/^\s*(?:ENV\s+)?([A-Z][A-Z0-9_]+)=/gm)].map(
      (m) => m[1]!,
    );
    expect(variables.length).toBeGreaterThan(0);
    expect(variables.filter((name) => !consoleReads.has(name))).toEqual([]);
  });
});
