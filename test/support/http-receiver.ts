import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver took, with what it answered. */
export interface Received<Body> {
  path: string;
  headers: IncomingMessage['headers'];
  /** The body as sent, for signatures. */
  raw: string;
  body: Body;
  status: number;
}

/**
 * An outside system on loopback that the services call (a webhook endpoint, an SMS gateway):
 * records every JSON request, answers with the status `answer` gives (200 unless told otherwise)
 * and the body `reply` gives, and can be closed and opened again on the same port (an outage).
 */
export class HttpReceiver<Body = any> {
  readonly received: Received<Body>[] = [];
  answer: (path: string, body: Body) => number = () => 200;
  reply: (status: number, count: number) => string = () => '';
  private server: Server | null = null;
  port = 0;

  async open(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(raw) as Body;
        const path = req.url ?? '/';
        const status = this.answer(path, body);
        this.received.push({ path, headers: req.headers, raw, body, status });
        res.statusCode = status;
        const reply = this.reply(status, this.received.length);
        if (reply) res.setHeader('content-type', 'application/json');
        res.end(reply);
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }
}
