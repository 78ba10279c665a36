/**
 * What the KPI projection needs of one ticket event: the envelope's type, time and ticket version,
 * its payload, and the ticket summary after it. Structural, so the domain stays free of the
 * contracts package; any `EventEnvelope` fits.
 */
export interface KpiEvent {
  type: string;
  occurredAt: string;
  ticketId: string;
  ticketVersion: number;
  payload: Record<string, unknown>;
  ticket: {
    status: string;
    category: string;
    priority: string;
    unitId: string | null;
    areaIds: string[];
    deadlines: {
      ack?: { dueAt: string };
      resolve?: { dueAt: string };
    };
    createdAt: string;
    /** How the report came in; absent on events recorded before tickets carried it. */
    channel?: string;
  };
}

export type Rating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
