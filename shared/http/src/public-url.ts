import ipaddr from 'ipaddr.js';

/**
 * True for an http(s) URL whose host is a public name or a public unicast address. Loopback,
 * private, link-local, carrier-grade NAT, documentation and benchmarking ranges, IPv4-mapped,
 * NAT64 and 6to4 forms of any address, and the like are refused — classified by ipaddr.js's
 * range tables rather than by hand — so a report can never point staff browsers (or a later
 * fetch) inside the network, whatever shows the photo.
 */
export function isPublicHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  // A trailing dot names the same host ("localhost." is localhost).
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (
    !host ||
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  ) {
    return false;
  }
  if (ipaddr.isValid(host)) return isPublicAddress(host);
  // A bare number ("2130706433") or hex host is an address in disguise.
  if (/^(0x[0-9a-f]+|\d+)$/i.test(host)) return false;
  return host.includes('.');
}

/** Only plain unicast counts; IPv6 must also be global unicast (2000::/3). */
function isPublicAddress(host: string): boolean {
  const address = ipaddr.parse(host);
  if (address.range() !== 'unicast') return false;
  return address.kind() === 'ipv4' || address.match(ipaddr.IPv6.parse('2000::'), 3);
}
