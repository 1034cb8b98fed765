import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** One FETCH_ALLOW_HOSTS entry: a host name, an address, or a CIDR range. */
export type AllowEntry = { kind: 'name'; name: string } | { kind: 'range'; range: [Address, number] };

/** Parses one allow-list entry; null when it is neither an address, a CIDR range nor a host name. */
export function parseAllowEntry(entry: string): AllowEntry | null {
  const value = entry
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (value.includes('/')) {
    if (!ipaddr.isValidCIDR(value)) return null;
    const [address, bits] = ipaddr.parseCIDR(value);
    return { kind: 'range', range: normaliseRange(address, bits) };
  }
  if (ipaddr.isValid(value)) {
    const address = ipaddr.process(value);
    return { kind: 'range', range: [address, address.kind() === 'ipv4' ? 32 : 128] };
  }
  return /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*$/.test(value) ? { kind: 'name', name: value } : null;
}

/** `::ffff:10.0.0.0/104` means 10.0.0.0/8: compare mapped ranges as IPv4. */
function normaliseRange(address: Address, bits: number): [Address, number] {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [address, bits];
}
