import { TICKET_STATUSES } from '@grid-dispatch/domain';
import { z } from 'zod';

/** A ticket's status on the wire: exactly the domain's statuses. */
export const ticketStatusSchema = z.enum(TICKET_STATUSES);

export const prioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);

export const deadlineSchema = z.object({
  dueAt: z.string().describe('ISO-8601 instant the deadline falls due'),
  startedAt: z.string().describe('ISO-8601 instant its clock started'),
  seq: z.number().int().nonnegative().describe('The version of this deadline; a moved deadline counts up'),
  pausedAt: z.string().nullable().optional().describe('Since when the clock stands still, if it does'),
  warned: z
    .array(z.number())
    .optional()
    .describe(
      'Reminder fractions already sent for this deadline version (a redelivered job sends none twice)',
    ),
  breachedAt: z
    .string()
    .nullable()
    .optional()
    .describe('When this deadline version was recorded as missed; set once'),
  reminded: z.number().int().nonnegative().optional().describe('Repeat reminders sent since the breach'),
});

export const deadlinesSchema = z.object({
  ack: deadlineSchema.optional(),
  resolve: deadlineSchema.optional(),
  verify: deadlineSchema.optional(),
});

/**
 * The public-safe state of a ticket after an event, carried on every envelope so that consumers
 * (live push, KPI projections) need not read the database. Never holds personal data.
 */
export const ticketSummarySchema = z.object({
  trackingCode: z.string(),
  status: ticketStatusSchema,
  category: z.string(),
  priority: prioritySchema,
  unitId: z.string().nullable(),
  assistUnitIds: z.array(z.string()),
  /** Most specific first: grid, community, sub-district, district. */
  areaIds: z.array(z.string()),
  escalationLevel: z.number().int().min(0).max(3),
  deadlines: deadlinesSchema,
  createdAt: z.string(),
  /** How the report came in (the KPIs count reports by it); absent on events recorded before. */
  channel: z.enum(['web', 'open311', 'hotline']).optional(),
});

export type TicketSummary = z.infer<typeof ticketSummarySchema>;
export type TicketStatusName = z.infer<typeof ticketStatusSchema>;
export type DeadlineState = z.infer<typeof deadlineSchema>;
