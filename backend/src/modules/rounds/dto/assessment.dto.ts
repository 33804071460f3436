import { ApiProperty } from '@nestjs/swagger';
import { NODE_TYPES, type NodeType, type TargetBasis } from '@thidua/rules';
import { AdjustmentItemResponseDto } from '../../scoring/dto/scheme.dto';
import { PHASES, type Phase } from '../../../domain/round-phase';

export class ScoreRowDto {
  @ApiProperty() id: string;
  @ApiProperty() criterionId: string;
  @ApiProperty() unitId: string;
  @ApiProperty({ enum: ['self', 'peer', 'leader', 'final'] }) source: string;
  @ApiProperty() scorerUnitId: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Điểm (loại theo chỉ tiêu: null, điểm tính cho cả khối)' }) score: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) passed: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) count: number | null;
  @ApiProperty({ type: Number, nullable: true }) actual: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, nullable: true }) items: Record<string, number> | null;
  @ApiProperty({ description: 'Thuyết minh (tự chấm) hoặc lý do (chấm chéo, thẩm định, chốt điểm)' }) note: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, nullable: true }) updatedByName: string | null;
}

export class EvidenceDto {
  @ApiProperty() id: string;
  @ApiProperty() criterionId: string;
  @ApiProperty({ enum: ['self', 'explanation'] }) purpose: string;
  @ApiProperty() filename: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 của nội dung tệp' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ type: String, nullable: true }) uploadedByName: string | null;
}

const TARGET_BASES: TargetBasis[] = ['below_target', 'met_target', 'best_over_target', 'over_target', 'no_target'];

/** How the target formula (docs/domain.md §4) scored this unit: its own figures and the server's result, to show beside the field. */
export class TargetFormulaDto {
  @ApiProperty({ enum: TARGET_BASES, description: 'Nhánh của công thức: dưới chỉ tiêu, đạt đúng chỉ tiêu, vượt nhiều nhất khối, vượt chỉ tiêu, không có chỉ tiêu' }) basis: TargetBasis;
  @ApiProperty({ type: Number, nullable: true, description: 'Chỉ tiêu T' }) target: number | null;
  @ApiProperty({ description: 'Giá trị thực hiện A' }) actual: number;
  @ApiProperty({ description: 'Điểm tối đa M' }) max: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Vượt chỉ tiêu: mức vượt lớn nhất khối (A−T của đơn vị vượt nhiều nhất); không có chỉ tiêu: A lớn nhất trong các đơn vị không có chỉ tiêu' }) reference: number | null;
  @ApiProperty({ description: 'Điểm do máy chủ tính' }) score: number;
}

export class SourceScoreDto {
  @ApiProperty({ enum: ['peer', 'leader', 'final'] }) source: string;
  @ApiProperty() scorerUnitId: string;
  @ApiProperty() scorerUnitName: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Điểm (loại theo chỉ tiêu: tính với giá trị thực hiện của nguồn này)' }) score: number | null;
  @ApiProperty({ type: Number, nullable: true }) actual: number | null;
  @ApiProperty({ description: 'Lý do' }) note: string;
  @ApiProperty({ description: 'Thấp hơn điểm tự chấm' }) lowered: boolean;
  @ApiProperty({ description: 'Chênh lệch với điểm cuối cùng vượt ngưỡng của bộ quy tắc' }) divergent: boolean;
  @ApiProperty({ type: ScoreRowDto }) row: ScoreRowDto;
  @ApiProperty({ type: TargetFormulaDto, nullable: true, description: 'Loại theo chỉ tiêu: cách tính điểm của nguồn này' }) formula: TargetFormulaDto | null;
}

export class FinalScoreDto {
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['final', 'leader', 'peer_median', 'self'] }) source: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Loại theo chỉ tiêu: giá trị thực hiện được công nhận' }) actual: number | null;
}

export class ExplanationDto {
  @ApiProperty() text: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** An award held from the year before, scored automatically in the bonus criterion. */
export class AwardBonusFactDto {
  @ApiProperty() awardId: string;
  @ApiProperty({ example: 'city_flag' }) code: string;
  @ApiProperty({ example: 'Cờ thi đua của UBND Thành phố' }) awardName: string;
  @ApiProperty({ description: 'Năm được khen thưởng' }) year: number;
  @ApiProperty({ example: '512/QĐ-UBND' }) decisionNumber: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty({ description: 'Điểm thưởng' }) points: number;
  @ApiProperty({ example: 'Cờ thi đua của UBND Thành phố năm 2024 (QĐ 512/QĐ-UBND ngày 15/01/2025): +10' }) text: string;
}

export class CountedItemDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ description: 'Địa chỉ bài trên trang tin công khai' }) publicUrl: string;
}

export class AutomaticCountDto {
  @ApiProperty({ enum: ['news', 'story', 'both'], description: 'Loại bài được đếm' }) source: 'news' | 'story' | 'both';
  @ApiProperty({ description: 'Số bài đã đăng của đơn vị trong năm (số lần tự chấm)' }) count: number;
  @ApiProperty({ type: [CountedItemDto], description: 'Các bài được đếm: là minh chứng của tiêu chí' }) items: CountedItemDto[];
}

export class AssessmentRowDto {
  @ApiProperty() criterionId: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() guidance: string;
  @ApiProperty({ enum: NODE_TYPES }) type: NodeType;
  @ApiProperty() max: number;
  @ApiProperty() depth: number;
  @ApiProperty({ description: 'Áp dụng với đơn vị này' }) applicable: boolean;
  @ApiProperty() evidenceRequired: boolean;
  @ApiProperty({ type: Number, nullable: true }) pointsPerOccurrence: number | null;
  @ApiProperty() measure: string;
  @ApiProperty({ type: [AdjustmentItemResponseDto], description: 'Các khoản đơn vị tự khai (không gồm khen thưởng năm trước: được tính tự động)' }) items: AdjustmentItemResponseDto[];
  @ApiProperty({ type: [AwardBonusFactDto], description: 'Tiêu chí điểm thưởng: khen thưởng năm trước được tính tự động, kèm quyết định' }) awardBonuses: AwardBonusFactDto[];
  @ApiProperty({ type: AutomaticCountDto, nullable: true, description: 'Loại tính theo số lần lấy từ bài đã đăng: số lần tự chấm được tính tự động, không nhập tay' }) automaticCount: AutomaticCountDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Chỉ tiêu T của đơn vị (loại theo chỉ tiêu)' }) target: number | null;
  @ApiProperty({ type: ScoreRowDto, nullable: true, description: 'Dòng tự chấm' }) self: ScoreRowDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Điểm tự chấm (nhóm: tổng; loại theo chỉ tiêu: tính cho cả khối)' }) selfScore: number | null;
  @ApiProperty({ type: [EvidenceDto] }) evidence: EvidenceDto[];
  @ApiProperty({ type: ScoreRowDto, nullable: true, description: 'Điểm chấm chéo của đơn vị người dùng (khi được phân công)' }) myReview: ScoreRowDto | null;
  @ApiProperty({ type: TargetFormulaDto, nullable: true, description: 'Loại theo chỉ tiêu: cách tính điểm chấm chéo của đơn vị người dùng' }) myReviewFormula: TargetFormulaDto | null;
  @ApiProperty({ type: [SourceScoreDto], description: 'Các nguồn điểm khác được phép xem' }) sources: SourceScoreDto[];
  @ApiProperty({ type: FinalScoreDto, nullable: true, description: 'Điểm cuối cùng (khi được phép xem)' }) final: FinalScoreDto | null;
  @ApiProperty({ description: 'Có nguồn chấm thấp hơn điểm tự chấm (cần giải trình)' }) lowered: boolean;
  @ApiProperty({ type: ExplanationDto, nullable: true }) explanation: ExplanationDto | null;
  @ApiProperty({ type: TargetFormulaDto, nullable: true, description: 'Loại theo chỉ tiêu: cách tính điểm tự chấm' }) selfFormula: TargetFormulaDto | null;
  @ApiProperty({ type: TargetFormulaDto, nullable: true, description: 'Loại theo chỉ tiêu: cách tính điểm cuối cùng (khi được phép xem)' }) finalFormula: TargetFormulaDto | null;
}

export class AssessmentPermissionsDto {
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canSubmit: boolean;
  @ApiProperty({ description: 'Nộp là nộp chính thức (thủ trưởng đơn vị); không thì chờ thủ trưởng xác nhận' }) submitConfirms: boolean;
  @ApiProperty() canConfirm: boolean;
  @ApiProperty() canWithdraw: boolean;
  @ApiProperty() canReturn: boolean;
  @ApiProperty() canExplain: boolean;
  @ApiProperty() canReview: boolean;
  @ApiProperty() canAppraise: boolean;
  @ApiProperty() canSetFinal: boolean;
}

export class AssessmentTotalsDto {
  @ApiProperty({ description: 'Điểm tối đa của đơn vị (bỏ tiêu chí không áp dụng)' }) max: number;
  @ApiProperty() score: number;
  @ApiProperty() bonus: number;
  @ApiProperty() deductions: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Số tiêu chí đã chấm' }) filled: number;
  @ApiProperty({ description: 'Số tiêu chí phải chấm' }) required: number;
  @ApiProperty({ type: [String], description: 'Mã tiêu chí chưa chấm' }) unfilledCodes: string[];
  @ApiProperty({ type: [String], description: 'Mã tiêu chí thiếu minh chứng bắt buộc' }) evidenceMissingCodes: string[];
}

export class AssessmentDto {
  @ApiProperty() id: string;
  @ApiProperty() roundId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: PHASES }) phase: Phase;
  @ApiProperty({ enum: ['draft', 'awaiting_confirmation', 'submitted', 'returned', 'locked'] }) status: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) confirmedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ type: AssessmentTotalsDto, description: 'Tổng điểm tự chấm' }) totals: AssessmentTotalsDto;
  @ApiProperty({ type: AssessmentTotalsDto, nullable: true, description: 'Tổng điểm cuối cùng (khi được phép xem)' }) finalTotals: AssessmentTotalsDto | null;
  @ApiProperty({ type: [AssessmentRowDto], description: 'Cây tiêu chí theo thứ tự đọc' }) rows: AssessmentRowDto[];
  @ApiProperty({ type: AssessmentPermissionsDto }) permissions: AssessmentPermissionsDto;
  @ApiProperty() version: number;
}

export class AssignmentDto {
  @ApiProperty() id: string;
  @ApiProperty() reviewerUnitId: string;
  @ApiProperty() reviewerUnitName: string;
  @ApiProperty() revieweeUnitId: string;
  @ApiProperty() revieweeUnitName: string;
  @ApiProperty({ enum: ['active', 'recused'] }) status: string;
  @ApiProperty() recusalReason: string;
  @ApiProperty({ type: String, nullable: true }) replacedById: string | null;
  @ApiProperty({ description: 'Cặp chấm lẫn nhau (A chấm B và B chấm A)' }) reciprocal: boolean;
  @ApiProperty({ description: 'Số tiêu chí đã chấm' }) scored: number;
}

export class AssignmentsDto {
  @ApiProperty() roundId: string;
  @ApiProperty({ type: Number, nullable: true }) seed: number | null;
  @ApiProperty({ description: 'Số đơn vị mỗi đơn vị chấm (k)' }) reviewsPerUnit: number;
  @ApiProperty({ type: [AssignmentDto] }) assignments: AssignmentDto[];
}

export class RankingGroupDto {
  @ApiProperty() criterionId: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() max: number;
  @ApiProperty() self: number;
  @ApiProperty() final: number;
}

export class RankingTotalsDto {
  @ApiProperty() max: number;
  @ApiProperty() score: number;
  @ApiProperty() bonus: number;
  @ApiProperty() deductions: number;
  @ApiProperty() total: number;
}

export class RankingRowDto {
  @ApiProperty() rank: number;
  @ApiProperty({ description: 'Đồng hạng' }) sharedRank: boolean;
  @ApiProperty({ type: [String] }) tiedWith: string[];
  @ApiProperty({ type: String, nullable: true, enum: ['total', 'first_group_score', 'fewer_deductions', 'earlier_submission'], description: 'Tiêu chí phân định thứ hạng với đơn vị xếp trên' }) decidedBy: string | null;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: RankingTotalsDto, description: 'Tự chấm' }) self: RankingTotalsDto;
  @ApiProperty({ type: RankingTotalsDto, description: 'Sau thẩm định (điểm cuối cùng)' }) final: RankingTotalsDto;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ type: [RankingGroupDto], description: 'Điểm từng nhóm tiêu chí cấp cao nhất' }) groups: RankingGroupDto[];
}

export class RankingDto {
  @ApiProperty() roundId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PHASES }) phase: Phase;
  @ApiProperty({ enum: ['snapshot', 'live'], description: 'Từ bản chốt đã ký (đợt đã hoàn tất) hay tính trực tiếp (tạm tính)' }) basis: 'snapshot' | 'live';
  @ApiProperty({ type: String, nullable: true, description: 'Mã băm SHA-256 của bản chốt' }) digest: string | null;
  @ApiProperty({ type: [String] }) tieBreakChain: string[];
  @ApiProperty({ type: [RankingRowDto] }) rows: RankingRowDto[];
}

export class SnapshotVerificationDto {
  @ApiProperty({ description: 'Dữ liệu điểm hiện tại khớp với bản chốt' }) intact: boolean;
  @ApiProperty({ description: 'Mã băm bản chốt tính lại khớp với mã đã lưu' }) digestValid: boolean;
  @ApiProperty({ type: [String] }) changedRows: string[];
  @ApiProperty({ type: [String] }) missingRows: string[];
  @ApiProperty({ type: [String] }) addedRows: string[];
}

export class SnapshotHistoryDto {
  @ApiProperty() seq: number;
  @ApiProperty() digest: string;
  @ApiProperty({ format: 'date-time' }) finalisedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) supersededAt: string | null;
  @ApiProperty() reopenReason: string;
}

export class SnapshotDto {
  @ApiProperty() roundId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ description: 'SHA-256 của bản chốt (xếp hạng và mã băm từng dòng điểm)' }) digest: string;
  @ApiProperty({ format: 'date-time' }) finalisedAt: string;
  @ApiProperty({ type: String, nullable: true }) finalisedByName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Băm lá của mục nhật ký ghi nhận bản chốt trong sổ đã niêm phong (null khi chưa niêm phong); bằng chứng: GET /api/audit/proofs' }) auditHash: string | null;
  @ApiProperty() rowCount: number;
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, sha256: { type: 'string' } } } }) rowHashes: { id: string; sha256: string }[];
  @ApiProperty({ type: [RankingRowDto] }) ranking: RankingRowDto[];
  @ApiProperty({ type: SnapshotVerificationDto }) verification: SnapshotVerificationDto;
  @ApiProperty({ type: [SnapshotHistoryDto] }) history: SnapshotHistoryDto[];
}

export class SaveResultDto {
  @ApiProperty({ type: ScoreRowDto }) row: ScoreRowDto;
  @ApiProperty({ description: 'Đã lưu thay đổi (false: không có gì thay đổi)' }) changed: boolean;
}

export class ExplanationResultDto {
  @ApiProperty() criterionId: string;
  @ApiProperty({ type: ExplanationDto }) explanation: ExplanationDto;
}
