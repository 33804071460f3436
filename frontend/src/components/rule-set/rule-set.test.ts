import { ruleSetStrings } from './i18n';
import { describeRuleSet, type RuleSet } from './rule-set';

const t = (key: string, vars?: Record<string, string | number>) =>
  (ruleSetStrings.vi as Record<string, string>)[key].replace(/\{(\w+)\}/g, (_, k) => String(vars?.[k] ?? ''));

const rules: RuleSet = {
  quorumNumerator: 2, quorumDenominator: 3, voteThresholdPercent: 50, voteThresholdBase: 'members',
  quotas: { gov_flag: { kind: 'count', value: 1 }, city_flag: { kind: 'percent', value: 20 }, city_merit: { kind: 'percent', value: 50 } },
  tieBreakChain: ['fewer_deductions', 'first_group_score'], finalScoreRule: 'peer_median', reviewsPerUnit: 0, scoringScaleMax: 1000, divergencePercent: 15,
};

describe('Rule set in plain Vietnamese', () => {
  it('reads every rule as a sentence', () => {
    const lines = Object.fromEntries(describeRuleSet({ ...rules, voteThresholdBase: 'present', voteThresholdPercent: 70 }, t, 11).map((l) => [l.key, l]));
    expect(lines.quorum.text).toBe('Hội nghị hợp lệ khi có ít nhất 2/3 số đơn vị thành viên có mặt (khối có 11 đơn vị: cần ít nhất 8 đơn vị)');
    expect(lines.threshold.text).toBe('Trúng cử khi số phiếu đồng ý trên 70% số đơn vị có mặt');
    expect(lines.quotas.items).toEqual([
      'Cờ thi đua của Chính phủ: tối đa 1 đơn vị — chỉ xét đơn vị dẫn đầu khối',
      'Cờ thi đua của UBND Thành phố: tối đa 20% số đơn vị thành viên (hiện là 2 đơn vị)',
      'Bằng khen của Chủ tịch UBND Thành phố: tối đa 50% số đơn vị thành viên (hiện là 5 đơn vị)',
    ]);
    expect(lines.tieBreak.items).toEqual(['ít điểm trừ hơn', 'điểm nhóm tiêu chí thứ nhất cao hơn']);
    expect(lines.tieBreak.after).toBe('Nếu vẫn bằng nhau, các đơn vị đồng hạng.');
    expect(lines.finalScore.text).toBe('Trung vị điểm chấm chéo của các đơn vị');
    expect(lines.reviews.text).toBe('Không chấm chéo giữa các đơn vị');
    expect(lines.scale.text).toBe('Tổng điểm tối đa của biểu chấm điểm: 1.000 điểm');
    expect(lines.divergence.text).toContain('lệch quá 15% điểm tối đa của tiêu chí');
    expect(lines.reminder.text).toBe('Hệ thống tự nhắc đơn vị chưa nộp bản tự chấm 3 ngày trước hạn, báo khi quá hạn và báo Khối trưởng');
    expect(describeRuleSet({ ...rules, reminderDaysBefore: 0 }, t).find((l) => l.key === 'reminder')!.text).toBe('Hệ thống chỉ báo khi đơn vị quá hạn nộp bản tự chấm (và báo Khối trưởng)');
  });

  it('handles no tie-break chain and a zero quota', () => {
    const lines = Object.fromEntries(describeRuleSet({ ...rules, tieBreakChain: [], quotas: { ...rules.quotas, gov_flag: { kind: 'count', value: 0 } } }, t).map((l) => [l.key, l]));
    expect(lines.tieBreak.text).toBe('Khi bằng tổng điểm, các đơn vị đồng hạng.');
    expect(lines.quotas.items?.[0]).toBe('Cờ thi đua của Chính phủ: không đề nghị');
    expect(lines.quorum.text).toBe('Hội nghị hợp lệ khi có ít nhất 2/3 số đơn vị thành viên có mặt');
  });
});
