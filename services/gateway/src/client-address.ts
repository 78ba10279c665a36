/**
 * The one rule for "who is the client" (throttles and logs key on it). The gateway is the only
 * public entrance: the TCP peer of the gateway is the client, unless `trustedHops` reverse proxies
 * of the deployment stand in front of it, in which case the address the outermost trusted proxy
 * saw is taken from the right end of X-Forwarded-For. Anything further left was written by the
 * client and is ignored. The gateway then sends upstream exactly this one address, so services
 * behind it (which trust one hop: the gateway) never see what a client claimed.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string {
  const peer = normalize(remoteAddress ?? '');
  if (trustedHops <= 0) return peer;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // [client?, proxy1, …, proxyN] + peer: with N trusted proxies the client is N from the right.
  const seen = chain[chain.length - trustedHops];
  return seen ? normalize(seen) : peer;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
function normalize(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}
