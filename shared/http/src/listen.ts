import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Listens on host:port (0 = any free port) and closes gracefully, ending idle keep-alive sockets. */
export async function listen(
  app: Express | ((req: never, res: never) => void),
  port: number,
  host = '127.0.0.1',
): Promise<RunningServer> {
  const server = createServer(app as Parameters<typeof createServer>[0]);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    server,
    port: actual,
    url: `http://${host}:${actual}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 3000).unref();
      });
      return closing;
    },
  };
}
