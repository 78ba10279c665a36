import {
  DEFAULT_CALENDAR,
  DISTRICT_CALENDAR_ID,
  validateCalendarDefinition,
  type WorkingCalendar,
} from '@grid-dispatch/domain';
import type { Model } from 'mongoose';
import { type CalendarDoc, calendarDefinitionOf } from './models/calendar.model';

export interface CalendarStoreOptions {
  /**
   * Longest a cached calendar is used without re-reading it. Changes normally arrive as
   * `reference-data` announcements (see `invalidate`); this bounds the staleness when one is lost.
   */
  maxAgeMs?: number;
  /** Called once per load of a stored calendar that fails validation (it is then not used). */
  onInvalid?: (id: string, problems: string) => void;
  /**
   * Called before every read of the database, e.g. to (re)start listening for announcements: once
   * a listener runs this is a no-op, and a listener that could not start is tried again here.
   */
  beforeLoad?: () => void;
}

interface Entry {
  at: number;
  value: Promise<WorkingCalendar>;
}

/**
 * The working calendars deadlines are computed on, read from the `calendars` collection and kept
 * in memory per process. Every replica that computes deadlines (dispatcher, workflow, intake, sla)
 * drops its copy when an administrator's change is announced on the `reference-data` topic, and
 * re-reads it on the next deadline; `maxAgeMs` is the safety net.
 *
 * A calendar that is not stored (a database not yet seeded) or stored invalid falls back to the
 * shipped DEFAULT_CALENDAR, so a deadline is never refused for want of a calendar.
 */
export class CalendarStore {
  private readonly cache = new Map<string, Entry>();
  private readonly maxAgeMs: number;

  constructor(
    private readonly model: Model<CalendarDoc>,
    private readonly options: CalendarStoreOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  /** The calendar `id` (the district's by default), as the arithmetic takes it. */
  get(id: string = DISTRICT_CALENDAR_ID): Promise<WorkingCalendar> {
    const cached = this.cache.get(id);
    if (cached && Date.now() - cached.at < this.maxAgeMs) return cached.value;
    this.options.beforeLoad?.();
    const value = this.load(id);
    const entry = { at: Date.now(), value };
    this.cache.set(id, entry);
    // A failed read is not cached: the next deadline tries the database again.
    value.catch(() => {
      if (this.cache.get(id) === entry) this.cache.delete(id);
    });
    return value;
  }

  /** Forgets one calendar, or all of them; the next `get` reads the database. */
  invalidate(id?: string): void {
    if (id === undefined) this.cache.clear();
    else this.cache.delete(id);
  }

  private async load(id: string): Promise<WorkingCalendar> {
    const doc = await this.model.findById(id).lean<CalendarDoc>().exec();
    if (!doc) return DEFAULT_CALENDAR;
    const checked = validateCalendarDefinition(calendarDefinitionOf(doc));
    if (checked.ok) return checked.calendar;
    this.options.onInvalid?.(id, checked.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    return DEFAULT_CALENDAR;
  }
}
