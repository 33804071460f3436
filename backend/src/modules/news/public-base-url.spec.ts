import { publicBaseUrl, validHost } from './public-base-url';

describe('publicBaseUrl', () => {
  const unset = { appBaseUrl: 'http://localhost:3000', appBaseUrlSet: false };
  it('APP_BASE_URL wins over any Host', () => {
    expect(publicBaseUrl({ appBaseUrl: 'https://thidua.vn', appBaseUrlSet: true }, { protocol: 'http', host: 'evil.example' })).toEqual({ base: 'https://thidua.vn', fromHost: false });
  });
  it('falls back to a well-formed Host, else to the default', () => {
    expect(publicBaseUrl(unset, { protocol: 'https', host: 'Tin.Example.vn:8443' })).toEqual({ base: 'https://tin.example.vn:8443', fromHost: true });
    expect(publicBaseUrl(unset, { protocol: 'http', host: '[::1]:3000' })).toEqual({ base: 'http://[::1]:3000', fromHost: true });
    for (const bad of [undefined, '', 'a b', 'evil"><x>', 'x:0', 'x:70000', 'a/b', 'u@h', '-x.vn', 'x'.repeat(256), 'a..b']) {
      expect(validHost(bad)).toBeNull();
      expect(publicBaseUrl(unset, { protocol: 'gopher', host: bad })).toEqual({ base: 'http://localhost:3000', fromHost: false });
    }
  });
});
