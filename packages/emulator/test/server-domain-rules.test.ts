import { describe, expect, it } from 'vitest';
import {
  applyChange,
  serverDomainHost as hostOfEntry,
  noDomains,
  reportedEntry,
  requestedDomains,
} from '../src/areas/server-domain/entries.js';
import { parseHostList } from '../src/areas/server-domain/host-list.js';

describe('server-domain entry rules', () => {
  it('an entry is the kind scheme, a host, an optional port and at most one trailing /', () => {
    expect(hostOfEntry('requestdomain', 'https://A.Example.com')).toBe('a.example.com');
    expect(hostOfEntry('requestdomain', 'HTTPS://a.example.com:8080/')).toBe('a.example.com');
    expect(hostOfEntry('wsrequestdomain', 'wss://a.example.com')).toBe('a.example.com');
    expect(hostOfEntry('udpdomain', 'udp://a.example.com:9000')).toBe('a.example.com');
    expect(hostOfEntry('tcpdomain', 'tcp://a.example.com')).toBe('a.example.com');
    for (const entry of [
      'a.example.com',
      'http://a.example.com',
      'wss://a.example.com',
      'https://a.example.com/path',
      'https://a.example.com//',
      'https://a.example.com:0',
      'https://a.example.com:65536',
      'https://1.2.3.4',
      'https://localhost',
      'https://user@a.example.com',
    ]) {
      expect(hostOfEntry('requestdomain', entry), entry).toBeNull();
    }
  });

  it('a rejected entry is reported as the kind scheme + the entry less one copy of that scheme', () => {
    expect(reportedEntry('wsrequestdomain', 'https://c-b.iboxpay.com')).toBe('wss://https://c-b.iboxpay.com');
    expect(reportedEntry('requestdomain', 'https://x.example.com')).toBe('https://x.example.com');
    expect(reportedEntry('requestdomain', 'x.example.com')).toBe('https://x.example.com');
    expect(reportedEntry('udpdomain', 'unp://x.example.com')).toBe('udp://unp://x.example.com');
  });

  it('duplicates go (case and one trailing / ignored); entries are stored without the /', () => {
    const request = { ...noDomains(), requestdomain: ['https://a.com/', 'HTTPS://A.COM', 'https://b.com'] };
    expect(requestedDomains(request).requestdomain).toEqual(['https://a.com/', 'https://b.com']);
    const added = applyChange('add', noDomains(), requestedDomains(request));
    expect(added.requestdomain).toEqual(['https://a.com', 'https://b.com']);
    const removed = applyChange('delete', added, { ...noDomains(), requestdomain: ['HTTPS://A.COM/'] });
    expect(removed.requestdomain).toEqual(['https://b.com']);
  });

  it('pool lists split on ;, trimmed, lower-cased, without empty pieces or duplicates', () => {
    expect(parseHostList(' A.com ;; b.com;a.com;')).toEqual(['a.com', 'b.com']);
    expect(parseHostList('')).toEqual([]);
  });
});
