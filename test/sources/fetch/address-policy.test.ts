import { describe, expect, it } from 'vitest';
import { parseAllowEntry } from '../../../src/domain/index.ts';
import { createAddressPolicy } from '../../../src/sources/fetch/address-policy.ts';

const strict = createAddressPolicy({ allowHosts: [], allowPorts: [] });

describe('address policy', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', /link-local or cloud-metadata/],
    ['http://127.0.0.1/', /loopback/],
    ['http://[::1]/', /loopback/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://[::ffff:a9fe:a9fe]/', /link-local/],
    ['http://2130706433/', /loopback/],
    ['http://0177.0.0.1/', /loopback/],
    ['http://0x7f.1/', /loopback/],
    ['http://10.1.2.3/', /private/],
    ['http://172.16.5.4/', /private/],
    ['http://172.31.255.255/', /private/],
    ['http://192.168.0.1/', /private/],
    ['http://[fc00::1]/', /private/],
    ['http://[fd00:ec2::254]/', /private/],
    ['http://[fe80::1]/', /link-local/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://[::]/', /unspecified/],
    ['http://100.100.100.200/', /carrier-grade NAT/],
    ['http://224.0.0.1/', /multicast/],
    ['http://255.255.255.255/', /broadcast/],
    ['http://198.18.0.1/', /reserved/],
    ['http://[64:ff9b::a9fe:a9fe]/', /reserved address \(rfc6052\)/],
    ['http://[2002:7f00:1::]/', /reserved address \(6to4\)/],
    ['http://[::7f00:1]/', /reserved/],
    ['ftp://example.com/feed', /only http and https/],
    ['file:///etc/passwd', /only http and https/],
    ['gopher://example.com/', /only http and https/],
    ['http://user:secret@example.com/feed', /user name or password/],
    ['http://example.com:22/', /port 22 is not allowed/],
    ['https://example.com:8443/feed', /port 8443 is not allowed/],
  ])('refuses %s', (url, reason) => {
    expect(strict.urlRefusal(new URL(url))).toMatch(reason);
  });

  // Names pass the URL check; what they resolve to is checked at connect time (next test).
  it.each(['http://localhost.:80/', 'https://example.com/feed.xml', 'http://example.com:80/', 'https://93.184.215.14/', 'http://[2606:4700::1111]/'])(
    'lets %s through',
    (url) => {
      expect(strict.urlRefusal(new URL(url))).toBeNull();
    },
  );

  it('checks resolved addresses, naming what the host resolves to', () => {
    expect(strict.addressRefusal('127.0.0.1', 'feeds.example.com')).toMatch(/resolves to a loopback address/);
    expect(strict.addressRefusal('::ffff:10.0.0.7', 'feeds.example.com')).toMatch(/private-network/);
    expect(strict.addressRefusal('169.254.169.254', 'metadata.example.com')).toMatch(/cloud-metadata/);
    expect(strict.addressRefusal('93.184.215.14', 'feeds.example.com')).toBeNull();
    expect(strict.addressRefusal('not-an-address', 'feeds.example.com')).toMatch(/not an IP address/);
  });

  it('lets the allow-list through: addresses, CIDR ranges and names, on any port', () => {
    const policy = createAddressPolicy({ allowHosts: ['127.0.0.1', '10.20.0.0/16', 'feeds.intranet'], allowPorts: [8080] });
    expect(policy.urlRefusal(new URL('http://127.0.0.1:4321/feed'))).toBeNull();
    expect(policy.urlRefusal(new URL('http://127.0.0.2/feed'))).toMatch(/loopback/);
    expect(policy.addressRefusal('10.20.3.4', 'wiki.corp')).toBeNull();
    expect(policy.addressRefusal('10.21.3.4', 'wiki.corp')).toMatch(/private/);
    expect(policy.addressRefusal('192.168.1.9', 'feeds.intranet')).toBeNull();
    expect(policy.urlRefusal(new URL('http://feeds.intranet:9000/rss'))).toBeNull();
    expect(policy.urlRefusal(new URL('http://example.com:8080/rss'))).toBeNull();
    expect(policy.urlRefusal(new URL('http://example.com:8081/rss'))).toMatch(/port 8081/);
  });

  it('parses allow-list entries and rejects nonsense', () => {
    expect(parseAllowEntry('10.0.0.0/8')).toMatchObject({ kind: 'range' });
    expect(parseAllowEntry('[::1]')).toMatchObject({ kind: 'range' });
    expect(parseAllowEntry('Feeds.Intranet.')).toEqual({ kind: 'name', name: 'feeds.intranet' });
    expect(parseAllowEntry('10.0.0.0/99')).toBeNull();
    expect(parseAllowEntry('not a host')).toBeNull();
  });
});
