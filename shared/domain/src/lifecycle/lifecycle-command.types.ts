import type { CommandBase, FeedbackRating, PendingRequestKind } from './lifecycle.types';

/** Sign for a dispatched ticket (签收). */
export interface AcceptCommand extends CommandBase {
  action: 'accept';
}
/** Report progress; the lead or an assisting unit. */
export interface ProgressCommand extends CommandBase {
  action: 'progress';
  note: string;
}
/** Report the fix (办结反馈). */
export interface ResolveCommand extends CommandBase {
  action: 'resolve';
  note: string;
  photos?: string[];
}
/** Hand back a wrongly routed ticket (退单). */
export interface ReturnCommand extends CommandBase {
  action: 'return';
  reason: string;
}
/** Ask for a later fix deadline (延期). */
export interface ExtensionCommand extends CommandBase {
  action: 'extension';
  resolveBy: string;
  reason: string;
  now: string;
}
/** A secretary's decision on the pending return or extension request. */
export interface DecideCommand extends CommandBase {
  action: 'decide';
  request: PendingRequestKind;
  approve: boolean;
  note?: string;
  /** The unit that takes over when a return is approved (required then). */
  unitId?: string;
  now: string;
}
/** Re-route to another unit (改派). */
export interface ReassignCommand extends CommandBase {
  action: 'reassign';
  unitId: string;
  reason?: string;
}
/** Check a reported fix (核查销号). */
export interface VerifyCommand extends CommandBase {
  action: 'verify';
  solved: boolean;
  note?: string;
}
/** Reopen a resolved or closed ticket. */
export interface ReopenCommand extends CommandBase {
  action: 'reopen';
  reason: string;
}
/** Withdraw a ticket that needs no work. */
export interface CancelCommand extends CommandBase {
  action: 'cancel';
  reason: string;
}
/** Fold a duplicate into another ticket (并单). */
export interface MergeCommand extends CommandBase {
  action: 'merge';
  intoTicketId: string;
}
/** Press for action (督办). */
export interface UrgeCommand extends CommandBase {
  action: 'urge';
  note?: string;
}
/** The router hands the ticket to a unit. */
export interface DispatchCommand extends CommandBase {
  action: 'dispatch';
  unitId: string;
  assistUnitIds: string[];
}
/** The resident rates the fix. */
export interface FeedbackCommand extends CommandBase {
  action: 'feedback';
  rating: FeedbackRating;
  comment?: string;
}

/** Every lifecycle command, discriminated on `action`; fields mirror the HTTP bodies. */
export type LifecycleCommand =
  | AcceptCommand
  | ProgressCommand
  | ResolveCommand
  | ReturnCommand
  | ExtensionCommand
  | DecideCommand
  | ReassignCommand
  | VerifyCommand
  | ReopenCommand
  | CancelCommand
  | MergeCommand
  | UrgeCommand
  | DispatchCommand
  | FeedbackCommand;
