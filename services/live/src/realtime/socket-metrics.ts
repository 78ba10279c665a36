import { type ServiceMetrics, scrapedGauge } from '@grid-dispatch/metrics';
import type { Registry } from 'prom-client';
import type { Server } from 'socket.io';

/** The socket servers of each registry: a process may run more than one live service. */
const serversOf = new WeakMap<Registry, Set<Server>>();

/**
 * `live_socket_connections`: sockets open on the live services of this process (other replicas
 * report their own). Returns what takes the server off the count when it stops.
 */
export function registerSocketMetrics(metrics: ServiceMetrics, io: Server): () => void {
  let servers = serversOf.get(metrics.registry);
  if (!servers) {
    const counted = new Set<Server>();
    servers = counted;
    serversOf.set(metrics.registry, counted);
    scrapedGauge(
      metrics.registry,
      {
        name: 'live_socket_connections',
        help: 'socket.io connections open on the live services of this process.',
      },
      async () => [{ labels: {}, value: [...counted].reduce((sum, s) => sum + s.of('/').sockets.size, 0) }],
    );
  }
  servers.add(io);
  return () => servers.delete(io);
}
