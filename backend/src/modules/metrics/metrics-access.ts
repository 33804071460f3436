import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Pure: who may read /metrics. With METRICS_TOKEN set, whoever sends it as a bearer token (and nobody
 * else). Without one, only a direct connection from loopback or a private network (a Prometheus beside the
 * app); a request relayed by a proxy (X-Forwarded-For) is the public's and is refused.
 */
export function metricsAccess(opts: { token: string | null; authorization: string | undefined; remoteAddress: string | undefined; forwarded: boolean }): 'ok' | 'token' | 'forbidden' {
  if (opts.token) {
    const given = /^Bearer\s+(\S+)$/i.exec(opts.authorization ?? '')?.[1];
    if (!given) return 'token';
    const h = (s: string) => createHash('sha256').update(s).digest();
    return timingSafeEqual(h(given), h(opts.token)) ? 'ok' : 'forbidden';
  }
  return !opts.forwarded && isPrivateAddress(opts.remoteAddress ?? '') ? 'ok' : 'forbidden';
}

/** Loopback, RFC 1918, link-local and unique-local addresses (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^::ffff:/i, '');
  if (isIP(a) === 4) {
    const [p, q] = a.split('.').map(Number);
    return p === 127 || p === 10 || (p === 172 && q >= 16 && q <= 31) || (p === 192 && q === 168) || (p === 169 && q === 254);
  }
  if (isIP(a) === 6) {
    const lower = a.toLowerCase();
    return lower === '::1' || /^f[cd][0-9a-f]{2}:/.test(lower) || /^fe[89ab][0-9a-f]:/.test(lower);
  }
  return false;
}
