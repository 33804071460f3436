/**
 * Vietnamese mail templates, pure: a subject, a plain text and a simple HTML body, each with a direct link
 * to the page where the work is. Links are stored as app paths and joined to the base address when sent.
 */
export interface NotificationMail {
  name: string;
  title: string;
  body: string;
  link: string;
}
export interface DigestMail {
  name: string;
  /** dd/mm/yyyy of the day the digest covers. */
  day: string;
  items: { title: string; body: string; link: string }[];
}
export type MailTemplate = { template: 'notification'; data: NotificationMail } | { template: 'digest'; data: DigestMail };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const SIGNATURE = 'Hệ thống quản lý thi đua – khen thưởng của khối thi đua.\nThư gửi tự động, xin đừng trả lời thư này. Muốn đổi cách nhận thư, vào mục "Tài khoản của tôi" → "Nhận thông báo qua email".';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The absolute address of an app path (a path that is not one gives the home page). */
export function absoluteLink(baseUrl: string, path: string): string {
  return `${baseUrl}${path.startsWith('/') ? path : '/'}`;
}

export function subjectOf(m: MailTemplate): string {
  if (m.template === 'digest') return `[Thi đua] Tổng hợp thông báo ngày ${m.data.day} (${m.data.items.length})`;
  return `[Thi đua] ${m.data.title}`.slice(0, 500);
}

export function renderMail(m: MailTemplate, baseUrl: string): RenderedMail {
  const subject = subjectOf(m);
  const htmlShell = (inner: string) =>
    `<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif;font-size:15px;color:#1f1f1f;max-width:640px">${inner}` +
    `<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#666">${escapeHtml(SIGNATURE).replace(/\n/g, '<br>')}</p></body></html>`;
  if (m.template === 'notification') {
    const d = m.data;
    const link = absoluteLink(baseUrl, d.link);
    const text = [`Kính gửi ${d.name},`, '', d.title, ...(d.body ? ['', d.body] : []), '', `Xem và xử lý tại: ${link}`, '', '--', SIGNATURE].join('\n');
    const html = htmlShell(
      `<p>Kính gửi ${escapeHtml(d.name)},</p><p><strong>${escapeHtml(d.title)}</strong></p>` +
      (d.body ? `<p>${escapeHtml(d.body).replace(/\n/g, '<br>')}</p>` : '') +
      `<p><a href="${escapeHtml(link)}">Mở trang để xem và xử lý</a></p>`);
    return { subject, text, html };
  }
  const d = m.data;
  const lines = d.items.map((it, i) => `${i + 1}. ${it.title}${it.body ? `\n   ${it.body}` : ''}\n   ${absoluteLink(baseUrl, it.link)}`);
  const text = [`Kính gửi ${d.name},`, '', `Các thông báo mới của anh/chị trong ngày ${d.day}:`, '', ...lines, '', '--', SIGNATURE].join('\n');
  const html = htmlShell(
    `<p>Kính gửi ${escapeHtml(d.name)},</p><p>Các thông báo mới của anh/chị trong ngày ${escapeHtml(d.day)}:</p><ol>` +
    d.items.map((it) => `<li><a href="${escapeHtml(absoluteLink(baseUrl, it.link))}">${escapeHtml(it.title)}</a>${it.body ? `<br><span style="color:#555">${escapeHtml(it.body)}</span>` : ''}</li>`).join('') +
    '</ol>');
  return { subject, text, html };
}
