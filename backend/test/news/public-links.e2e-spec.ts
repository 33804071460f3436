import { createTestApp, TestApp } from '../app';

const SEED = '/tin-tuc/hoi-nghi-trien-khai-ke-hoach-thi-dua-khen-thuong-va-ky-ket-giao-uoc-thi-dua-nam-2024-khoi-thi-dua-so-4';
const meta = (html: string, property: string) => html.match(new RegExp(`<meta property="${property}" content="([^"]*)">`))?.[1];

// og:url, og:image, canonical links and Atom links are absolute: from APP_BASE_URL when set, never from a forged Host.
describe('public pages: absolute links from APP_BASE_URL, the Host header only as a checked fallback', () => {
  let withBase: TestApp;
  let withoutBase: TestApp;
  beforeAll(async () => {
    withBase = await createTestApp({ demo: true, env: { APP_BASE_URL: 'https://thidua.hanoi.gov.vn/' } });
    withoutBase = await createTestApp({ demo: true, env: { PORT: '4310' } });
  });
  afterAll(async () => {
    await withBase.close();
    await withoutBase.close();
  });

  it('with APP_BASE_URL: every absolute link starts with it, whatever Host the request carries', async () => {
    for (const host of ['evil.example', 'evil.example"><script>alert(1)</script>', 'localhost:1']) {
      const page = await withBase.http().get(SEED).set('Host', host);
      expect(page.status).toBe(200);
      expect(meta(page.text, 'og:image')).toMatch(/^https:\/\/thidua\.hanoi\.gov\.vn\/tin-tuc\/anh\/[0-9a-f-]+\.jpg$/);
      expect(meta(page.text, 'og:url')).toBe(`https://thidua.hanoi.gov.vn${SEED}`);
      expect(page.text).toContain(`<link rel="canonical" href="https://thidua.hanoi.gov.vn${SEED}">`);
      expect(page.text).not.toContain('evil.example');
      expect(page.headers.vary ?? '').not.toMatch(/host/i);
      const feed = await withBase.http().get('/tin-tuc/khoi/ktd4/atom.xml').set('Host', host);
      expect(feed.text).toContain('<link rel="self" href="https://thidua.hanoi.gov.vn/tin-tuc/khoi/ktd4/atom.xml"/>');
      expect(feed.text).toContain(`href="https://thidua.hanoi.gov.vn${SEED}"`);
      expect(feed.text).not.toContain('evil.example');
      const list = await withBase.http().get('/tin-tuc/khoi/ktd4').set('Host', host);
      expect(meta(list.text, 'og:url')).toBe('https://thidua.hanoi.gov.vn/tin-tuc/khoi/ktd4');
    }
  });

  it('without APP_BASE_URL: a well-formed Host is used (and the page varies by it); a malformed one falls back to the default', async () => {
    const good = await withoutBase.http().get(SEED).set('Host', 'tin.example.vn:8443');
    expect(meta(good.text, 'og:image')).toMatch(/^http:\/\/tin\.example\.vn:8443\/tin-tuc\/anh\/[0-9a-f-]+\.jpg$/);
    expect(good.headers.vary).toMatch(/host/i);
    for (const host of ['evil.example"><script>alert(1)</script>', 'a b', 'x:99999', 'x'.repeat(300), 'evil.example/path', 'user@evil.example']) {
      const page = await withoutBase.http().get(SEED).set('Host', host);
      expect(page.status).toBe(200);
      expect(meta(page.text, 'og:url')).toBe(`http://localhost:4310${SEED}`);
      expect(page.text).not.toContain('<script>');
      expect(page.text).not.toContain('evil.example');
    }
  });
});
