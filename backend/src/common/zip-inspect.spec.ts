import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';
import { bomb, deflatedZeros, zipOf } from '../../test/edge/zip-fixtures';
import { inspectZip, ZIP_LIMITS } from './zip-inspect';

describe('inspectZip', () => {
  it('passes a real Office-like zip and counts its inflated size', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document>' + 'Nội dung báo cáo. '.repeat(2000) + '</w:document>');
    const verdict = await inspectZip(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(verdict).toMatchObject({ ok: true, entries: 3 }); // with the folder entry 'word/'
    expect(verdict!.ok && verdict!.inflatedBytes).toBeGreaterThan(30_000);
  });

  it('ignores what is not a zip', async () => {
    expect(await inspectZip(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('refuses a bomb by its ratio without inflating it whole', async () => {
    const file = await bomb();
    expect(file.length).toBeLessThan(300_000);
    const before = process.memoryUsage().rss;
    expect(await inspectZip(file)).toEqual({ ok: false, problem: 'ratio' });
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses past the total cap even when each entry keeps a sane ratio', async () => {
    const limits = { ...ZIP_LIMITS, maxTotalBytes: 3 * 1024 * 1024, maxRatio: 10_000 };
    const part = await deflatedZeros(1024 * 1024);
    const file = zipOf([0, 1, 2, 3].map((i) => ({ name: `p${i}.xml`, data: part, method: 8 as const, size: 10 })));
    expect(await inspectZip(file, limits)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('refuses a declared size past the cap, too many entries, broken or encrypted archives', async () => {
    expect(await inspectZip(zipOf([{ name: 'a', data: deflateRawSync('x'), method: 8, size: 0xfffffff0 }]))).toEqual({ ok: false, problem: 'too_large' });
    const many = zipOf(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x'), method: 0 as const, size: 1 })));
    expect(await inspectZip(many, { ...ZIP_LIMITS, maxEntries: 10 })).toEqual({ ok: false, problem: 'too_many_entries' });
    expect(await inspectZip(Buffer.from('PK\x03\x04 not really a zip'))).toEqual({ ok: false, problem: 'unreadable' });
    expect(await inspectZip(zipOf([{ name: 'a', data: Buffer.from('not deflate at all, really'), method: 8, size: 5 }]))).toEqual({ ok: false, problem: 'unreadable' });
    const encrypted = zipOf([{ name: 'a', data: Buffer.from('x'), method: 0, size: 1 }]);
    encrypted.writeUInt16LE(1, encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(await inspectZip(encrypted)).toEqual({ ok: false, problem: 'unreadable' });
  });
});
