import { isPrivateAddress, metricsAccess } from './metrics-access';

describe('metrics access', () => {
  it('with a token: only its bearer', () => {
    const base = { token: 'a-long-enough-token', remoteAddress: '127.0.0.1', forwarded: false };
    expect(metricsAccess({ ...base, authorization: undefined })).toBe('token');
    expect(metricsAccess({ ...base, authorization: 'Bearer wrong' })).toBe('forbidden');
    expect(metricsAccess({ ...base, authorization: 'Bearer a-long-enough-token' })).toBe('ok');
    expect(metricsAccess({ ...base, remoteAddress: '203.0.113.9', forwarded: true, authorization: 'bearer a-long-enough-token' })).toBe('ok');
  });

  it('without a token: direct connections from loopback and private networks only', () => {
    const at = (remoteAddress: string, forwarded = false) => metricsAccess({ token: null, authorization: undefined, remoteAddress, forwarded });
    expect(at('127.0.0.1')).toBe('ok');
    expect(at('::ffff:10.1.2.3')).toBe('ok');
    expect(at('172.20.0.5')).toBe('ok');
    expect(at('172.20.0.5', true)).toBe('forbidden');
    expect(at('203.0.113.9')).toBe('forbidden');
    expect(at('172.32.0.1')).toBe('forbidden');
    expect(at('')).toBe('forbidden');
  });

  it('knows private addresses', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '192.168.1.1', '::1', 'fd00::1', 'fe80::1']) expect(isPrivateAddress(a)).toBe(true);
    for (const a of ['8.8.8.8', '2001:db8::1', 'localhost', '192.169.0.1']) expect(isPrivateAddress(a)).toBe(false);
  });
});
