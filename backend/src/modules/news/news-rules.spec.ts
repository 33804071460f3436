import fc from 'fast-check';
import { sanitizeBody } from './news-html';
import { renderArticle, renderAtom, vnDate } from './news-pages';
import { canTransition, countAgainstTargets, excerpt, foldVietnamese, htmlToText, isSlug, slugFor } from './news-rules';

describe('news rules', () => {
  it('the workflow: a unit edits and submits drafts or returned items; only a submitted item is approved or returned', () => {
    expect(canTransition('draft', 'submit')).toBe(true);
    expect(canTransition('returned', 'edit')).toBe(true);
    expect(canTransition('submitted', 'edit')).toBe(false);
    expect(canTransition('submitted', 'approve')).toBe(true);
    expect(canTransition('draft', 'approve')).toBe(false);
    expect(canTransition('published', 'edit')).toBe(false);
    expect(canTransition('published', 'return')).toBe(false);
  });

  it('folds Vietnamese and builds stable, URL-safe slugs', () => {
    expect(foldVietnamese('Gương điển hình ĐẢNG BỘ')).toBe('guong dien hinh dang bo');
    expect(slugFor('Hội nghị triển khai – Khối 4!', 'ab12cd34-0000-0000-0000-000000000000')).toBe('hoi-nghi-trien-khai-khoi-4-ab12cd34');
    fc.assert(fc.property(fc.string(), fc.uuid(), (title, id) => isSlug(slugFor(title, id))));
    expect([isSlug('hoi-nghi-2024'), isSlug(''), isSlug('Hội-nghị'), isSlug('a/b'), isSlug('a'.repeat(241))]).toEqual([true, false, false, false, false]);
  });

  it('plain text and excerpts', () => {
    expect(htmlToText('<p>A &amp; B</p><p>C<br>D</p>')).toBe('A & B C D');
    expect(excerpt('một hai ba bốn năm', 10)).toBe('một hai…');
    expect(excerpt('ngắn')).toBe('ngắn');
  });

  it('counts against targets per unit and per movement', () => {
    const r = countAgainstTargets(['u1', 'u2'], ['pt1', 'pt2'],
      [{ unitId: 'u1', movementKey: 'pt1', kind: 'story', count: 2 }, { unitId: 'u1', movementKey: null, kind: 'news', count: 1 }],
      [{ movementKey: '', kind: 'story', perUnit: 1 }, { movementKey: 'pt2', kind: 'news', perUnit: 1 }]);
    expect(r[0].total).toEqual([{ kind: 'news', published: 1, target: null, met: null }, { kind: 'story', published: 2, target: 1, met: true }]);
    expect(r[0].byMovement.map((m) => m.movementKey)).toEqual(['pt1', 'pt2']);
    expect(r[1].total[1]).toEqual({ kind: 'story', published: 0, target: 1, met: false });
    expect(r[1].byMovement).toEqual([{ movementKey: 'pt2', cells: [{ kind: 'news', published: 0, target: 1, met: false }, { kind: 'story', published: 0, target: null, met: null }] }]);
  });

  it('sanitises bodies to the allow-list', () => {
    expect(sanitizeBody('<p onclick="x()">a<script>alert(1)</script><img src=x onerror=y></p><a href="javascript:alert(1)">l</a><a href="https://a.vn">ok</a>'))
      .toBe('<p>a</p><a rel="noopener noreferrer nofollow">l</a><a href="https://a.vn" rel="noopener noreferrer nofollow">ok</a>');
    fc.assert(fc.property(fc.string(), (s) => !/<script|onerror=|javascript:/i.test(sanitizeBody(s))));
  });

  it('renders escaped pages and feeds', () => {
    const item = {
      id: '1', slug: 's', kind: 'news' as const, title: '<script>x</script>', description: '"d"', unitName: 'U&V', blockName: 'Khối 4', blockPath: '/tin-tuc/khoi/ktd4',
      publishedAt: new Date('2024-04-26T04:31:00Z'), updatedAt: new Date('2024-04-26T04:31:00Z'), featured: false, imagePath: null, imageAlt: '',
    };
    const html = renderArticle('http://h', { ...item, bodyHtml: '<p>a</p>', authorLine: 'Tin: <b>', subjectName: null, photos: [] }, []);
    expect(html).toContain('<title>&lt;script&gt;x&lt;/script&gt;</title>');
    expect(html).toContain('Tin: &lt;b&gt;');
    expect(html).not.toContain('<script>');
    expect(vnDate(new Date('2024-04-25T17:30:00Z'))).toBe('26/04/2024');
    expect(renderAtom('http://h', { id: '/t', title: 'a<b', path: '/t', selfPath: '/t/atom.xml', items: [item] })).toContain('<title>&lt;script&gt;x&lt;/script&gt;</title>');
  });
});
