import { useEffect, useRef } from 'preact/hooks';

/** What `committee.updated` says: which committee record changed (the page refetches it). */
export interface CommitteeUpdate {
  entity: string;
  entityId: string;
  entityVersion: number;
  type: string;
  communityId: string;
  at: string;
}

type Listener = (update: CommitteeUpdate) => void;
const listeners = new Set<Listener>();

/** Called by the page's live connection for every `committee.updated`. */
export function committeeUpdated(update: CommitteeUpdate): void {
  for (const listener of listeners) listener(update);
}

/**
 * Runs `onUpdate` for each change of a record of `communityId`'s committee pushed while the
 * component is shown (the dashboard's socket hears them for the secretary's areas).
 */
export function useCommitteeUpdates(communityId: string, onUpdate: (update: CommitteeUpdate) => void): void {
  const latest = useRef(onUpdate);
  latest.current = onUpdate;
  useEffect(() => {
    const listener: Listener = (u) => {
      if (u.communityId === communityId) latest.current(u);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [communityId]);
}
