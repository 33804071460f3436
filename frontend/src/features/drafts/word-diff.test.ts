import { wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('marks the words that differ between two versions of a line', () => {
    const d = wordDiff('Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ', 'Kỷ niệm 70 năm Chiến thắng lịch sử Điện Biên Phủ (07/5/1954)');
    expect(d.left).toEqual([{ text: 'Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ', changed: false }]);
    expect(d.right.filter((s) => s.changed).map((s) => s.text)).toEqual(['lịch sử', '(07/5/1954)']);
    expect(d.right.map((s) => s.text).join('')).toBe('Kỷ niệm 70 năm Chiến thắng lịch sử Điện Biên Phủ (07/5/1954)');
  });

  it('marks a replaced word on both sides', () => {
    const d = wordDiff('Hội nghị ngày 26/4', 'Hội nghị ngày 27/4');
    expect(d.left).toEqual([{ text: 'Hội nghị ngày ', changed: false }, { text: '26/4', changed: true }]);
    expect(d.right).toEqual([{ text: 'Hội nghị ngày ', changed: false }, { text: '27/4', changed: true }]);
  });

  it('gives up on very long lines and marks them whole', () => {
    const long = Array.from({ length: 400 }, (_, i) => `t${i}`).join(' ');
    expect(wordDiff(long, `${long} x`).right).toEqual([{ text: `${long} x`, changed: true }]);
  });
});
