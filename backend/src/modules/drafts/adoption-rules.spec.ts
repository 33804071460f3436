import fc from 'fast-check';
import { adoptionReasonProblem } from './adoption-rules';

const comment = (n: number, body = `Đề nghị sửa nội dung ${n}`) => ({ id: `c${n}`, sectionKey: `s${n}`, body, author: `Đơn vị ${n}` });

describe('adoptionReasonProblem', () => {
  it('lets an adoption without open comments through, reason or not', () => {
    expect(adoptionReasonProblem([], undefined)).toBeNull();
    expect(adoptionReasonProblem([], '')).toBeNull();
  });

  it('names every open comment and asks for a reason', () => {
    const msg = adoptionReasonProblem([comment(1), comment(2)], undefined)!;
    expect(msg).toContain('Còn 2 góp ý chưa xử lý');
    expect(msg).toContain('Đơn vị 1 (mục s1): "Đề nghị sửa nội dung 1"');
    expect(msg).toContain('Đơn vị 2 (mục s2)');
    expect(msg).toContain('ghi lý do');
  });

  it('treats a blank reason as none and shortens long comments', () => {
    const msg = adoptionReasonProblem([comment(1, 'x'.repeat(500))], '   \n ')!;
    expect(msg).toContain('x'.repeat(79) + '…');
    expect(msg).not.toContain('x'.repeat(81));
  });

  it('any non-blank reason is enough, whatever the comments', () => {
    fc.assert(fc.property(fc.array(fc.string(), { maxLength: 5 }), fc.string().filter((s) => s.trim().length > 0), (bodies, reason) =>
      adoptionReasonProblem(bodies.map((b, i) => comment(i, b)), reason) === null));
  });
});
