import type { LiveStatus } from './live';
import { t } from './messages';
import { useLang } from './use-lang';

/** A small badge: live / connecting / disconnected, so nobody trusts a stale screen in silence. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  useLang();
  return (
    <span class={`live-badge live-${status}`} data-testid="live-status" data-status={status} role="status">
      {t(`live.${status}`)}
    </span>
  );
}
