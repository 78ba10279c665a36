import { type KpiUpdatedMessage, LiveEvent } from '@grid-dispatch/contracts';

/** Where `kpi.updated` goes: the live replicas' rooms (a socket.io Redis emitter in production). */
export interface RoomBroadcaster {
  to(room: string): { emit(event: string, message: unknown): unknown };
}

/**
 * Tells dashboards that a scope's figures changed, at most once per interval per scope: a storm of
 * events becomes one `kpi.updated` a second, and each dashboard refetches once. Scope names are
 * the room names (`area:<id>`, `unit:<id>`), so only sockets allowed to see a scope hear of it.
 */
export class KpiNotifier {
  private readonly pending = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly rooms: RoomBroadcaster,
    intervalMs = 1000,
  ) {
    this.timer = setInterval(() => this.flush(), intervalMs);
    this.timer.unref();
  }

  changed(scopes: readonly string[]): void {
    for (const scope of scopes) this.pending.add(scope);
  }

  flush(): void {
    const at = new Date().toISOString();
    for (const scope of this.pending) {
      const [kind, id] = [scope.slice(0, scope.indexOf(':')), scope.slice(scope.indexOf(':') + 1)];
      const message: KpiUpdatedMessage = kind === 'unit' ? { unitId: id, at } : { areaId: id, at };
      this.rooms.to(scope).emit(LiveEvent.KpiUpdated, message);
    }
    this.pending.clear();
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
