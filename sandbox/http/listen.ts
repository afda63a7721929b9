import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const DEFAULT_HOST = "127.0.0.1";

export interface Listening {
  port: number;
  servers: Server[];
}

/**
 * Listens on `host`. On the default loopback address it also tries ::1 on the same port, so that
 * http://localhost works for clients that resolve localhost to IPv6 first; where IPv6 is missing
 * that second listener is simply skipped.
 */
export async function listen(
  host: string,
  port: number,
  handler: RequestListener,
): Promise<Listening> {
  const primary = await listenOne(createServer(handler), host, port);
  const servers = [primary];
  const actualPort = (primary.address() as AddressInfo).port;
  if (host === DEFAULT_HOST) {
    const ipv6 = await listenOne(createServer(handler), "::1", actualPort).catch(() => undefined);
    if (ipv6) servers.push(ipv6);
  }
  for (const server of servers) {
    // Hanging faults keep sockets open on purpose; nothing else should linger.
    server.keepAliveTimeout = 5_000;
    server.requestTimeout = 0;
  }
  return { port: actualPort, servers };
}

function listenOne(server: Server, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

export async function closeServers(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}
