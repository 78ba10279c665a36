import type { LatLng } from '@grid-dispatch/domain';
import type { Redis } from 'ioredis';

export interface NearbyTicket {
  ticketId: string;
  trackingCode: string;
  distanceM: number;
}

/**
 * Open tickets with a location, per category, in Redis GEO sets: "open tickets of the same
 * category within 200 m" is one GEOSEARCH instead of a scan of every ticket (FerretDB has no
 * geospatial index). Derived state: intake adds a ticket when it is filed,
 * the dispatcher's consumer removes it when the ticket closes, is cancelled or merged. Losing it
 * only means fewer duplicate suggestions, never a wrong ticket.
 */
export class OpenTicketMap {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(category: string): string {
    return `${this.prefix}:open-tickets:${category}`;
  }

  async add(category: string, ticketId: string, trackingCode: string, at: LatLng): Promise<void> {
    await this.redis.geoadd(this.key(category), at.lng, at.lat, `${ticketId}|${trackingCode}`);
  }

  async remove(category: string, ticketId: string, trackingCode: string): Promise<void> {
    await this.redis.zrem(this.key(category), `${ticketId}|${trackingCode}`);
  }

  async near(category: string, at: LatLng, radiusM: number, limit: number): Promise<NearbyTicket[]> {
    const rows = (await this.redis.geosearch(
      this.key(category),
      'FROMLONLAT',
      at.lng,
      at.lat,
      'BYRADIUS',
      radiusM,
      'm',
      'ASC',
      'COUNT',
      limit,
      'WITHDIST',
    )) as Array<[string, string]>;
    return rows.map(([member, distance]) => {
      const [ticketId = '', trackingCode = ''] = member.split('|');
      return { ticketId, trackingCode, distanceM: Math.round(Number(distance)) };
    });
  }
}
