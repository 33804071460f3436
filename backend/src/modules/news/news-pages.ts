/**
 * Public news pages and Atom feeds as plain server-rendered HTML/XML: no script, one inline stylesheet,
 * every value escaped. Bodies are stored already sanitised (news-html.ts) and are the only raw HTML here.
 * Pure: imports nothing from NestJS or TypeORM.
 */
import { escapeHtml as esc } from './news-html';

export interface PublicItem {
  id: string;
  slug: string;
  kind: 'news' | 'story';
  title: string;
  description: string;
  unitName: string;
  blockName: string;
  blockPath: string;
  publishedAt: Date;
  updatedAt: Date;
  featured: boolean;
  /** First photo's path, if any. */
  imagePath: string | null;
  imageAlt: string;
}

export interface PublicPhoto {
  path: string;
  alt: string;
  caption: string;
  width: number;
  height: number;
  afterParagraph: number | null;
}

export interface PublicArticle extends PublicItem {
  bodyHtml: string;
  authorLine: string;
  subjectName: string | null;
  photos: PublicPhoto[];
}

export interface ListPage {
  heading: string;
  description: string;
  path: string;
  feedPath: string;
  items: PublicItem[];
  page: number;
  pageCount: number;
  total: number;
  /** The count stopped at its limit: there are more than `total`. */
  capped: boolean;
  q: string;
  blocks: { name: string; path: string }[];
}

/** dd/mm/yyyy in Vietnam's time zone. */
export function vnDate(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3600_000);
  return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
}

const KIND_LABEL = { news: 'Tin hoạt động', story: 'Gương điển hình tiên tiến' };

const CSS = `body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f1f1f;background:#fafafa}
header,main,footer{max-width:860px;margin:0 auto;padding:0 16px}header{border-bottom:3px solid #b71c1c;padding-top:12px;padding-bottom:8px}
header a.home{color:#b71c1c;font-weight:700;text-decoration:none;font-size:20px}nav.blocks{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:15px;margin-top:6px}
a{color:#0b57d0}h1{font-size:26px;line-height:1.3;margin:18px 0 6px}.meta{color:#666;font-size:14px}form.search{margin:14px 0;display:flex;gap:6px}
form.search input{flex:1;min-width:0;padding:8px;font-size:16px}form.search button{padding:8px 14px;font-size:16px}
ul.items{list-style:none;padding:0;margin:0}ul.items li{display:flex;gap:12px;padding:12px 0;border-bottom:1px solid #e5e5e5}
ul.items img{width:120px;height:80px;object-fit:cover;flex:none;background:#ddd}ul.items h2{font-size:18px;margin:0 0 4px;line-height:1.35}
.badge{display:inline-block;font-size:12px;background:#fdecea;color:#b71c1c;border-radius:4px;padding:0 6px;margin-right:6px}
figure{margin:18px 0;text-align:center}figure img{max-width:100%;height:auto}figcaption{font-style:italic;color:#444;font-size:15px;margin-top:4px}
.author{text-align:right;font-weight:700;margin-top:20px}.pager{display:flex;justify-content:space-between;margin:18px 0}footer{color:#777;font-size:13px;padding:24px 16px}`;

function layout(o: { title: string; description: string; url: string; image: string | null; imageAlt?: string; feed: string; type: 'website' | 'article'; body: string; blocks: { name: string; path: string }[] }): string {
  const img = o.image
    ? `<meta property="og:image" content="${esc(o.image)}"><meta property="og:image:alt" content="${esc(o.imageAlt ?? '')}"><meta name="twitter:image" content="${esc(o.image)}">`
    : '';
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(o.title)}</title><meta name="description" content="${esc(o.description)}"><link rel="canonical" href="${esc(o.url)}">
<meta property="og:type" content="${o.type}"><meta property="og:title" content="${esc(o.title)}"><meta property="og:description" content="${esc(o.description)}"><meta property="og:url" content="${esc(o.url)}"><meta property="og:locale" content="vi_VN">
<meta name="twitter:card" content="${o.image ? 'summary_large_image' : 'summary'}"><meta name="twitter:title" content="${esc(o.title)}"><meta name="twitter:description" content="${esc(o.description)}">${img}
<link rel="alternate" type="application/atom+xml" title="${esc(o.title)}" href="${esc(o.feed)}"><style>${CSS}</style></head>
<body><header><a class="home" href="/tin-tuc">Tin thi đua – khen thưởng</a><nav class="blocks" aria-label="Các khối, cụm thi đua">${o.blocks.map((b) => `<a href="${esc(b.path)}">${esc(b.name)}</a>`).join('')}</nav></header>
<main>${o.body}</main><footer>Trang tin công khai của các khối, cụm thi đua. <a href="${esc(o.feed)}">Nguồn tin Atom</a> · <a href="/">Đăng nhập hệ thống</a></footer></body></html>`;
}

export function renderList(base: string, p: ListPage): string {
  const qs = (page: number) => {
    const params = new URLSearchParams();
    if (p.q) params.set('q', p.q);
    if (page > 1) params.set('page', String(page));
    const s = params.toString();
    return `${p.path}${s ? `?${s}` : ''}`;
  };
  const rows = p.items.map((i) => `<li>${i.imagePath ? `<img src="${esc(i.imagePath)}" alt="${esc(i.imageAlt)}" width="120" height="80" loading="lazy">` : ''}<div>
<h2><a href="/tin-tuc/${esc(i.slug)}">${esc(i.title)}</a></h2><div class="meta">${i.featured ? '<span class="badge">Nổi bật</span>' : ''}<span class="badge">${KIND_LABEL[i.kind]}</span>${vnDate(i.publishedAt)} · ${esc(i.unitName)} · <a href="${esc(i.blockPath)}">${esc(i.blockName)}</a></div>
<p>${esc(i.description)}</p></div></li>`).join('\n');
  const body = `<h1>${esc(p.heading)}</h1><p class="meta">${esc(p.description)}</p>
<form class="search" method="get" action="${esc(p.path)}" role="search"><label for="q" class="meta" style="position:absolute;left:-9999px">Tìm tin, bài</label><input id="q" name="q" type="search" value="${esc(p.q)}" placeholder="Tìm tin, bài (gõ có dấu hoặc không dấu)"><button type="submit">Tìm</button></form>
${p.q ? `<p class="meta">${p.capped ? `Hơn ${p.total.toLocaleString('vi-VN')}` : p.total} kết quả cho “${esc(p.q)}”.</p>` : ''}
${rows ? `<ul class="items">${rows}</ul>` : '<p>Chưa có tin, bài nào.</p>'}
<nav class="pager" aria-label="Phân trang">${p.page > 1 ? `<a rel="prev" href="${esc(qs(p.page - 1))}">← Trang trước</a>` : '<span></span>'}<span class="meta">Trang ${p.page}/${Math.max(1, p.pageCount)}</span>${p.page < p.pageCount ? `<a rel="next" href="${esc(qs(p.page + 1))}">Trang sau →</a>` : '<span></span>'}</nav>`;
  const first = p.items.find((i) => i.imagePath);
  return layout({
    title: p.q ? `Tìm “${p.q}” – ${p.heading}` : p.page > 1 ? `${p.heading} – trang ${p.page}` : p.heading, description: p.description, url: `${base}${qs(p.page)}`,
    image: first ? `${base}${first.imagePath}` : null, imageAlt: first?.imageAlt, feed: p.feedPath, type: 'website', body, blocks: p.blocks,
  });
}

/** Splits sanitised HTML into its top-level blocks (paragraphs, headings, lists, quotes), nested lists and quotes kept whole. */
export function topLevelBlocks(html: string): string[] {
  const out: string[] = [];
  // The body is sanitised: only allow-listed tags, attribute values escaped, so a tag scan is exact.
  const re = /<(\/?)(p|h2|h3|ul|ol|blockquote)\b[^>]*>/g;
  let m: RegExpExecArray | null;
  let depth = 0;
  let start = 0;
  let last = 0;
  while ((m = re.exec(html))) {
    if (!m[1]) {
      if (depth++ === 0) {
        const between = html.slice(last, m.index).trim();
        if (between) out.push(between);
        start = m.index;
      }
    } else if (depth > 0 && --depth === 0) {
      out.push(html.slice(start, re.lastIndex));
      last = re.lastIndex;
    }
  }
  const tail = html.slice(depth > 0 ? start : last).trim();
  if (tail) out.push(tail);
  return out;
}

function figure(ph: PublicPhoto): string {
  return `<figure><img src="${esc(ph.path)}" alt="${esc(ph.alt)}" width="${ph.width}" height="${ph.height}">${ph.caption ? `<figcaption>${esc(ph.caption)}</figcaption>` : ''}</figure>`;
}

export function renderArticle(base: string, a: PublicArticle, blocks: { name: string; path: string }[]): string {
  const parts = topLevelBlocks(a.bodyHtml);
  const at = (n: number) => a.photos.filter((ph) => ph.afterParagraph === n).map(figure).join('');
  const body = [at(0), ...parts.map((p, i) => p + at(i + 1))].join('\n')
    + a.photos.filter((ph) => ph.afterParagraph === null || ph.afterParagraph > parts.length).map(figure).join('');
  const html = `<article><p class="meta"><a href="${esc(a.blockPath)}">${esc(a.blockName)}</a> · ${KIND_LABEL[a.kind]}</p>
<h1>${esc(a.title)}</h1><p class="meta">Ngày đăng <time datetime="${a.publishedAt.toISOString()}">${vnDate(a.publishedAt)}</time> · ${esc(a.unitName)}</p>
${a.subjectName ? `<p class="meta">Gương điển hình: <strong>${esc(a.subjectName)}</strong></p>` : ''}
<div class="body">${body}</div>${a.authorLine ? `<p class="author">${esc(a.authorLine)}</p>` : ''}</article>`;
  const image = a.photos[0] ? `${base}${a.photos[0].path}` : null;
  return layout({ title: a.title, description: a.description, url: `${base}/tin-tuc/${a.slug}`, image, imageAlt: a.photos[0]?.alt, feed: `${a.blockPath}/atom.xml`, type: 'article', body: html, blocks });
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
  // Characters XML 1.0 forbids.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

export function renderAtom(base: string, o: { id: string; title: string; path: string; selfPath: string; items: PublicItem[] }): string {
  const updated = o.items.reduce((m, i) => (i.updatedAt > m ? i.updatedAt : m), new Date(0));
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>${xml(`${base}${o.id}`)}</id><title>${xml(o.title)}</title><updated>${(o.items.length ? updated : new Date(0)).toISOString()}</updated>
<link rel="self" href="${xml(`${base}${o.selfPath}`)}"/><link rel="alternate" type="text/html" href="${xml(`${base}${o.path}`)}"/>
${o.items.map((i) => `<entry><id>${xml(`${base}/tin-tuc/${i.slug}`)}</id><title>${xml(i.title)}</title><link rel="alternate" type="text/html" href="${xml(`${base}/tin-tuc/${i.slug}`)}"/>
<published>${i.publishedAt.toISOString()}</published><updated>${i.updatedAt.toISOString()}</updated><author><name>${xml(i.unitName)}</name></author><category term="${i.kind}" label="${xml(KIND_LABEL[i.kind])}"/><summary>${xml(i.description)}</summary></entry>`).join('\n')}
</feed>`;
}
