import ipaddr from 'ipaddr.js';
import { type AllowEntry, parseAllowEntry } from '../../domain/index.ts';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Ports any public host may be fetched on; others only through FETCH_ALLOW_PORTS or an allowed host. */
const STANDARD_PORTS = new Set([80, 443]);

/** Why an address is refused, by its ipaddr.js range name. Only `unicast` is ever fetched. */
const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private-network address',
  uniqueLocal: 'a private-network address',
  linkLocal: 'a link-local or cloud-metadata address',
  carrierGradeNat: 'a carrier-grade NAT (or cloud-metadata) address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
};

/** The URL's host without IPv6 brackets or a trailing dot, lower case. */
export function bareHost(url: URL): string {
  return url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/**
 * Which URLs and addresses the fetcher may connect to. Everything that is not public unicast
 * (loopback, private, link-local and cloud metadata, CGNAT, multicast, reserved, IPv4 embedded in
 * IPv6 …) is refused unless FETCH_ALLOW_HOSTS names the host or the address.
 */
export interface AddressPolicy {
  /** Why the URL may not be fetched (scheme, credentials, port, a refused literal address), or null. */
  urlRefusal(url: URL): string | null;
  /** Why connecting to `address`, which `host` resolved to, is refused, or null when it is allowed. */
  addressRefusal(address: string, host: string): string | null;
}

export function createAddressPolicy(settings: { allowHosts: readonly string[]; allowPorts: readonly number[] }): AddressPolicy {
  const entries = settings.allowHosts.map((entry) => {
    const parsed = parseAllowEntry(entry);
    if (parsed === null) throw new Error(`FETCH_ALLOW_HOSTS: "${entry}" is not a host name, an address or a CIDR range`);
    return parsed;
  });
  const names = new Set(entries.flatMap((entry) => (entry.kind === 'name' ? [entry.name] : [])));
  const ranges = entries.flatMap((entry) => (entry.kind === 'range' ? [entry.range] : []));
  const allowPorts = new Set(settings.allowPorts);

  const addressAllowed = (address: Address): boolean => ranges.some((range) => address.kind() === range[0].kind() && address.match(range));
  const hostAllowed = (host: string): boolean => {
    if (names.has(host)) return true;
    return ipaddr.isValid(host) && addressAllowed(ipaddr.process(host));
  };

  function addressRefusal(address: string, host: string): string | null {
    if (names.has(host)) return null;
    const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    if (!ipaddr.isValid(bare)) return `"${address}" is not an IP address`;
    const parsed = ipaddr.process(bare);
    if (addressAllowed(parsed)) return null;
    const range = parsed.range();
    if (range === 'unicast' && !isIpv4Compatible(parsed)) return null;
    const what = RANGE_NAMES[range] ?? `a reserved address (${range})`;
    return `${host === bare ? 'it is' : 'it resolves to'} ${what}; set FETCH_ALLOW_HOSTS to allow it`;
  }

  return {
    urlRefusal(url) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https URLs are fetched, not ${url.protocol.replace(/:$/, '')}`;
      if (url.username !== '' || url.password !== '') return 'URLs with a user name or password are not fetched';
      const host = bareHost(url);
      // A literal address never goes through DNS, so it is checked here, before any connection.
      const literal = ipaddr.isValid(host) ? addressRefusal(host, host) : null;
      if (literal !== null) return literal;
      const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
      if (!STANDARD_PORTS.has(port) && !allowPorts.has(port) && !hostAllowed(host)) {
        return `port ${port} is not allowed (80 and 443 are; set FETCH_ALLOW_PORTS for others)`;
      }
      return null;
    },
    addressRefusal,
  };
}

/** `::a.b.c.d` (deprecated IPv4-compatible IPv6) which ipaddr.js calls unicast. */
function isIpv4Compatible(address: Address): boolean {
  if (address.kind() !== 'ipv6') return false;
  const parts = (address as ipaddr.IPv6).parts;
  return parts.slice(0, 6).every((part) => part === 0);
}
