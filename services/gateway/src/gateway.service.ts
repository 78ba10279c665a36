import { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { AppError, toHttpError } from '@grid-dispatch/errors';
import { listen } from '@grid-dispatch/http';
import { HealthChecker, type Platform } from '@grid-dispatch/runtime';
import httpProxy from 'http-proxy';
import { clientAddress } from './client-address';
import type { GatewayConfig } from './config';
import { gatewayRequestTimer } from './gateway-metrics';
import { type Upstream, upstreamFor } from './route-table';

export interface GatewayService {
  url: string;
  port: number;
  health: HealthChecker;
  stop(): Promise<void>;
}

export type UpstreamUrls = Record<Upstream, string>;

/**
 * The single public origin. A thin reverse proxy (HTTP and WebSocket) in front of intake, workflow
 * and live, plus /healthz, which checks the three servers itself so it answers even when a
 * service behind it is down.
 */
export async function startGateway(
  platform: Pick<Platform, 'db' | 'redis' | 'kafka' | 'logger'> & Partial<Pick<Platform, 'metrics'>>,
  config: GatewayConfig,
  upstreams: UpstreamUrls = {
    intake: config.INTAKE_URL,
    workflow: config.WORKFLOW_URL,
    live: config.LIVE_URL,
  },
  port = config.PORT,
): Promise<GatewayService> {
  const logger = platform.logger.child({ module: 'gateway' });
  const health = new HealthChecker(platform);
  const timeRequest = gatewayRequestTimer(platform.metrics);
  // The forwarded headers are set here (not appended by the proxy): upstreams hear one client address.
  const proxy = httpProxy.createProxyServer({ xfwd: false, proxyTimeout: 30000, timeout: 30000 });
  // Without an agent http-proxy asks every upstream to close the connection after one request: a
  // TCP connect and accept per report. Idle connections are dropped before the services' own
  // 5 s keep-alive ends them, so a request never goes out on a connection being closed.
  const upstreamAgent = new Agent({ keepAlive: true, timeout: 4000 });
  const forward = (req: IncomingMessage) => {
    req.headers['x-forwarded-for'] = clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      config.TRUST_PROXY,
    );
    req.headers['x-forwarded-host'] = req.headers.host ?? '';
    // Behind a trusted TLS proxy the scheme is the proxy's word; otherwise the gateway speaks http.
    const proto = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')
      .pop()
      ?.trim();
    req.headers['x-forwarded-proto'] = config.TRUST_PROXY > 0 && proto ? proto : 'http';
  };
  proxy.on('error', (err, req, res) => {
    logger.warn({ err: err.message, path: (req as IncomingMessage).url }, 'upstream unavailable');
    if (res instanceof Object && 'writeHead' in res && !(res as ServerResponse).headersSent) {
      sendError(
        res as ServerResponse,
        new AppError('DEPENDENCY_UNAVAILABLE', 'A service is unavailable; try again shortly.', {
          retryAfterSeconds: 2,
        }),
      );
    } else {
      (res as Socket).destroy?.();
    }
  });

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') {
      timeRequest(req, res, 'healthz');
      void health.check().then((report) => {
        res.writeHead(report.status === 'ok' ? 200 : 503, {
          'content-type': 'application/json',
          'cache-control': 'no-store',
          ...(report.status === 'ok' ? {} : { 'retry-after': '5' }),
        });
        res.end(JSON.stringify(report));
      });
      return;
    }
    const upstream = upstreamFor(path);
    timeRequest(req, res, upstream);
    forward(req);
    proxy.web(req, res, { target: upstreams[upstream], agent: upstreamAgent });
  };

  const server = await listen(handler as never, port, config.HOST);
  server.server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    forward(req);
    proxy.ws(req, socket, head, { target: upstreams.live });
  });
  logger.info({ url: server.url, upstreams }, 'gateway listening');
  return {
    url: server.url,
    port: server.port,
    health,
    async stop() {
      await server.close();
      proxy.close();
      upstreamAgent.destroy();
      await health.close();
    },
  };
}

function sendError(res: ServerResponse, error: AppError): void {
  const mapped = toHttpError(error);
  res.writeHead(mapped.status, {
    'content-type': 'application/json',
    ...(mapped.retryAfterSeconds ? { 'retry-after': String(mapped.retryAfterSeconds) } : {}),
  });
  res.end(JSON.stringify(mapped.body));
}

export * from './config';
