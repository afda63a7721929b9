import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * nginx in front of console copies, configured from `deploy/nginx/console.conf`, the file the
 * README gives operators: the test proves that file, not a copy of it. Only what cannot be the same
 * on a test machine is replaced: the upstream servers (compose's `console-1:3000` and
 * `console-2:3000`) and the port nginx listens on. The file is wrapped in the `http` block an
 * unprivileged nginx needs (its own pid, logs and temporary directories) and an access log that
 * names the copy that answered each request, so a test can see the balancing without any header
 * the product does not send.
 */

export const NGINX_BINARY = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const DEPLOYED_CONFIG = path.join(process.cwd(), "deploy", "nginx", "console.conf");

export interface StartedNginx {
  url: string;
  /** The generated configuration, for assertions on what it kept of the deployed file. */
  config: string;
  /** `upstream_addr method uri status`, one line a proxied request. */
  accessLog(): string[];
  stop(): Promise<void>;
}

/**
 * The deployed server configuration with the test's upstreams and port. Throws when the file no
 * longer has what is replaced, so a change to it cannot make the test quietly test something else.
 */
export function proxyConfigFor(upstreams: string[], port: number, deployed: string): string {
  const servers = [...deployed.matchAll(/^\s*server\s+console-\d+:3000\b.*$/gm)];
  if (servers.length !== upstreams.length || !/^\s*listen\s+80\b/m.test(deployed)) {
    throw new Error(
      `${DEPLOYED_CONFIG} no longer has ${upstreams.length} "server console-N:3000" lines and "listen 80"`,
    );
  }
  let index = 0;
  return deployed
    .replace(
      /^(\s*server\s+)console-\d+:3000\b/gm,
      (_, prefix: string) => `${prefix}${upstreams[index++]}`,
    )
    .replace(/^(\s*listen\s+)80\b/gm, `$1127.0.0.1:${port}`);
}

/** Starts nginx on `port` in front of `upstreams` (`host:port`); resolves once it answers. */
export async function startNginx(upstreams: string[], port: number): Promise<StartedNginx> {
  const prefix = mkdtempSync(path.join(tmpdir(), "console-nginx-"));
  // Started as root, nginx's workers run as nobody and must reach their temporary directories.
  chmodSync(prefix, 0o755);
  for (const dir of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(path.join(prefix, dir), { mode: 0o777 });
    chmodSync(path.join(prefix, dir), 0o777);
  }
  const server = proxyConfigFor(upstreams, port, readFileSync(DEPLOYED_CONFIG, "utf8"));
  const config = `
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  log_format upstream '$upstream_addr $request_method $uri $status';
  access_log ${prefix}/access.log upstream;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${server}
}
`;
  const configFile = path.join(prefix, "nginx.conf");
  writeFileSync(configFile, config);
  const args = ["-p", prefix, "-c", configFile, "-e", path.join(prefix, "error.log")];
  execFileSync(NGINX_BINARY, [...args, "-t", "-q"], { stdio: "pipe" });
  const child: ChildProcess = spawn(NGINX_BINARY, [...args, "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://localhost:${port}`;
  const started: StartedNginx = {
    url,
    config,
    accessLog: () => {
      const file = path.join(prefix, "access.log");
      return existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGQUIT");
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start: ${errors}`);
    const up = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await started.stop();
  throw new Error(`nginx on ${port} did not answer: ${errors}`);
}
