import sanitizeHtml from 'sanitize-html';

/**
 * The only HTML a news body may hold, which is what the browser's editor (TipTap, rich-text-editor.tsx)
 * produces: paragraphs and line breaks, headings h2/h3, bold, italic, bullet and numbered lists, quotes and
 * http(s)/mailto links (which open without the page's referrer or opener; b and i are kept as the older
 * spellings of strong and em). Everything else is dropped, its text kept; scripts and styles are dropped
 * with their content.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Plain text as paragraphs: a textarea's blank-line separated text turned into escaped <p> blocks. */
export function paragraphsToHtml(text: string): string {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
