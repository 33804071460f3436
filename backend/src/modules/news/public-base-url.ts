/**
 * The absolute origin public pages put in og:url, og:image, canonical links and Atom ids: APP_BASE_URL
 * when it is set; otherwise the request's Host header, but only when it is a well-formed host[:port]
 * (anything else falls back to the configured default, so a forged header is never echoed). Pure.
 */
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]{2,45}\\])(?::(\\d{1,5}))?$`, 'i');

export function validHost(host: string | undefined): string | null {
  if (!host || host.length > 255 || !HOST.test(host)) return null;
  const port = HOST.exec(host)![1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  return host.toLowerCase();
}

export function publicBaseUrl(config: { appBaseUrl: string; appBaseUrlSet: boolean }, req: { protocol: string; host: string | undefined }): { base: string; fromHost: boolean } {
  if (config.appBaseUrlSet) return { base: config.appBaseUrl, fromHost: false };
  const host = validHost(req.host);
  const protocol = req.protocol === 'https' ? 'https' : 'http';
  return host ? { base: `${protocol}://${host}`, fromHost: true } : { base: config.appBaseUrl, fromHost: false };
}
