import type { RequestHandler } from 'express';
import type { Kafka } from 'kafkajs';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { ConsumerLag } from './consumer-lag';
import { httpMetricsMiddleware } from './http-metrics';
import { type MetricsServer, startMetricsServer } from './metrics-server';

/**
 * The metrics of one process: a registry labelled with the service name, which every service of
 * the process adds to. Process metrics (CPU, memory, event loop) are collected only once a server
 * exposes them, so processes that never serve metrics (tests) start no samplers.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly consumerLag: ConsumerLag;
  private server: MetricsServer | null = null;
  private http: RequestHandler | null = null;

  constructor(
    readonly service: string,
    kafka: Kafka,
  ) {
    this.registry.setDefaultLabels({ service });
    this.consumerLag = new ConsumerLag(kafka, this.registry);
  }

  httpMiddleware(): RequestHandler {
    this.http ??= httpMetricsMiddleware(this.registry);
    return this.http;
  }

  /** Serves GET /metrics; port 0 leaves metrics off. */
  async serve(port: number, host: string): Promise<MetricsServer | null> {
    if (port === 0 || this.server) return this.server;
    collectDefaultMetrics({ register: this.registry });
    this.server = await startMetricsServer({ registry: this.registry, port, host });
    return this.server;
  }

  async close(): Promise<void> {
    await this.server?.close();
    this.server = null;
    await this.consumerLag.close();
  }
}
