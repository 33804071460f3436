import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/dto';
import { PHASES, ROUND_KINDS, type Phase, type RoundKind } from '../../../domain/round-phase';

// ------------------------------------------------------------------------------------------ requests

export class RoundQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
}

export class CreateRoundDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiProperty({ format: 'uuid', description: 'Biểu chấm điểm dùng cho đợt (sẽ được đóng băng)' }) @IsUUID() schemeId: string;
  @ApiProperty({ enum: ROUND_KINDS }) @IsIn(ROUND_KINDS) kind: RoundKind;
  @ApiPropertyOptional({ example: 'Chấm điểm thi đua năm 2024' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Mở nhận tự chấm; bỏ trống: ngay bây giờ' }) @IsOptional() @IsISO8601({ strict: true }) opensAt?: string;
  @ApiProperty({ format: 'date-time', description: 'Hạn nộp bản tự chấm' }) @IsISO8601({ strict: true }) selfAssessmentUntil: string;
  @ApiProperty({ format: 'date-time', description: 'Hết hạn chấm chéo, thẩm định' }) @IsISO8601({ strict: true }) reviewUntil: string;
  @ApiProperty({ format: 'date-time', description: 'Hết hạn giải trình' }) @IsISO8601({ strict: true }) explanationUntil: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Dự kiến chốt điểm (chỉ để theo dõi; việc hoàn tất luôn do Khối trưởng thực hiện)' }) @IsOptional() @IsISO8601({ strict: true }) finalReviewUntil?: string;
}

export class UpdateRoundDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) selfAssessmentUntil?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) reviewUntil?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) explanationUntil?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) finalReviewUntil?: string;
  @ApiPropertyOptional({ description: 'Lý do thay đổi (ghi vào nhật ký)' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class AdvancePhaseDto {
  @ApiProperty({ enum: PHASES, description: 'Giai đoạn chuyển sang (giai đoạn kế tiếp)' }) @IsIn(PHASES) to: Phase;
  @ApiPropertyOptional({ description: 'Lý do (ghi vào nhật ký)' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @ApiPropertyOptional({ description: 'Xác nhận gõ tay ("XÁC NHẬN") khi chuyển trước hạn sẽ khóa bản tự chấm của đơn vị chưa nộp' })
  @IsOptional() @IsString() @MaxLength(100) @Matches(/^[^\u0000]*$/, { message: '!không được chứa ký tự NUL' }) confirmation?: string;
}

export class AdvanceHitDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['draft', 'awaiting_confirmation', 'submitted', 'returned'] }) status: 'draft' | 'awaiting_confirmation' | 'submitted' | 'returned';
  @ApiProperty({ description: 'Số tiêu chí đã nhập' }) filled: number;
  @ApiProperty({ description: 'Số tiêu chí phải chấm' }) required: number;
  @ApiProperty({ description: 'Điều sẽ xảy ra với đơn vị' }) consequence: string;
}

export class AdvancePreviewDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ enum: PHASES }) from: Phase;
  @ApiProperty() fromLabel: string;
  @ApiProperty({ enum: PHASES, nullable: true, type: String }) to: Phase | null;
  @ApiProperty({ type: String, nullable: true }) toLabel: string | null;
  @ApiProperty({ description: 'Chuyển trước hạn tự chấm' }) early: boolean;
  @ApiProperty({ type: [AdvanceHitDto], description: 'Các đơn vị bị ảnh hưởng' }) hits: AdvanceHitDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Từ phải gõ để xác nhận (khi có đơn vị bị ảnh hưởng)' }) confirmationWord: string | null;
}

export class ExtensionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ format: 'date-time', description: 'Hạn mới của đơn vị' }) @IsISO8601({ strict: true }) until: string;
  @ApiProperty({ description: 'Lý do gia hạn' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class ReminderDto {
  @ApiPropertyOptional({ type: [String], description: 'Đơn vị nhận nhắc; bỏ trống: các đơn vị chưa nộp' })
  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(100) @IsUUID('all', { each: true }) unitIds?: string[];
  @ApiPropertyOptional({ description: 'Nội dung nhắc' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) message?: string;
}

export class TargetInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() criterionId: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Chỉ tiêu T; null: xóa chỉ tiêu nhập trong đợt' }) @IsOptional() @IsNumber() target: number | null;
}

export class SetTargetsDto {
  @ApiProperty({ type: [TargetInputDto] }) @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => TargetInputDto) targets: TargetInputDto[];
}

export class ReasonRequiredDto {
  @ApiProperty({ description: 'Lý do (bắt buộc)' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ description: 'Ghi chú (ghi vào nhật ký)' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) reason?: string;
}

export class GenerateAssignmentsDto {
  @ApiPropertyOptional({ description: 'Hạt giống ngẫu nhiên (cùng hạt giống, cùng kết quả); bỏ trống: ngẫu nhiên' }) @IsOptional() @IsInt() @Min(0) seed?: number;
}

export class ReassignDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'Đơn vị chấm thay; bỏ trống: hệ thống chọn theo quy tắc phân công' }) @IsOptional() @IsUUID() unitId?: string;
}

/** What a scorer enters for one criterion; the field that applies depends on the criterion's type. */
export class ScoreInputDto {
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Loại chấm điểm: 0..tối đa' }) @IsOptional() score?: number | null;
  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'Loại đạt/không đạt' }) @IsOptional() passed?: boolean | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Loại tính theo số lần: số lần' }) @IsOptional() count?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Loại theo chỉ tiêu: giá trị thực hiện (điểm được tính tự động)' }) @IsOptional() actual?: number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' }, nullable: true, description: 'Mục thưởng/trừ: mã khoản → số lần' })
  @IsOptional() items?: Record<string, number> | null;
  @ApiPropertyOptional({ description: 'Tự chấm: thuyết minh; chấm chéo, thẩm định, chốt điểm: lý do (bắt buộc khi khác điểm tự chấm)' })
  @IsOptional() @IsString() @MaxLength(5000) note?: string;
  @ApiProperty({ description: 'Phiên bản của dòng điểm đang sửa (0 khi chưa có)' }) @IsInt() @Min(0) version: number;
}

export class ExplanationInputDto {
  @ApiProperty({ description: 'Nội dung giải trình' }) @IsString() @MaxLength(10000) text: string;
  @ApiProperty({ description: 'Phiên bản đang sửa (0 khi chưa có)' }) @IsInt() @Min(0) version: number;
}

export class EvidenceUploadQueryDto {
  @ApiPropertyOptional({ enum: ['self', 'explanation'], description: 'Minh chứng tự chấm (mặc định) hoặc minh chứng giải trình' })
  @IsOptional() @IsIn(['self', 'explanation']) purpose?: 'self' | 'explanation';
}

export class ExportQueryDto {
  @ApiProperty({ enum: ['xlsx', 'pdf'] }) @IsIn(['xlsx', 'pdf']) format: 'xlsx' | 'pdf';
}

// ----------------------------------------------------------------------------------------- responses

export class RoundUnitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
}

export class RoundPermissionsDto {
  @ApiProperty({ description: 'Ghế Khối trưởng/Khối phó: điều hành đợt, thẩm định, chốt điểm' }) canManage: boolean;
  @ApiProperty({ description: 'Đơn vị của người dùng được tự chấm lúc này' }) canSelfAssess: boolean;
  @ApiProperty({ description: 'Được xem bảng xếp hạng' }) canSeeRanking: boolean;
  @ApiProperty({ description: 'Được xem tiến độ của cả khối (Ban TĐKT, Khối trưởng, Khối phó)' }) canSeeProgress: boolean;
}

export class MyUnitInRoundDto {
  @ApiProperty() unitId: string;
  @ApiProperty({ format: 'date-time', description: 'Hạn nộp của đơn vị (kể cả gia hạn)' }) deadline: string;
  @ApiProperty({ enum: ['draft', 'awaiting_confirmation', 'submitted', 'returned', 'locked'] }) status: string;
  @ApiProperty({ type: [String], description: 'Các đơn vị mình được phân công chấm chéo' }) reviews: string[];
}

export class RoundDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() year: number;
  @ApiProperty() schemeId: string;
  @ApiProperty() schemeTitle: string;
  @ApiProperty() schemeVersionNo: number;
  @ApiProperty({ enum: ROUND_KINDS }) kind: RoundKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PHASES, description: 'Giai đoạn đang có hiệu lực (theo lịch hoặc do Khối trưởng chuyển)' }) phase: Phase;
  @ApiProperty() phaseLabel: string;
  @ApiProperty({ description: 'Đã đến thời gian mở nhận tự chấm' }) isOpen: boolean;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) selfAssessmentUntil: string;
  @ApiProperty({ format: 'date-time' }) reviewUntil: string;
  @ApiProperty({ format: 'date-time' }) explanationUntil: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finalReviewUntil: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finalisedAt: string | null;
  @ApiProperty({ type: [RoundUnitDto] }) units: RoundUnitDto[];
  @ApiProperty({ type: MyUnitInRoundDto, nullable: true }) myUnit: MyUnitInRoundDto | null;
  @ApiProperty({ type: RoundPermissionsDto }) permissions: RoundPermissionsDto;
  @ApiProperty() version: number;
}

export class RoundSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty({ enum: ROUND_KINDS }) kind: RoundKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PHASES }) phase: Phase;
  @ApiProperty() phaseLabel: string;
  @ApiProperty({ format: 'date-time' }) selfAssessmentUntil: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finalisedAt: string | null;
}

export class ProgressUnitDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['draft', 'awaiting_confirmation', 'submitted', 'returned', 'locked'] }) status: string;
  @ApiProperty({ description: 'Đã nộp (thủ trưởng đã xác nhận)' }) submitted: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ description: 'Số tiêu chí đã chấm' }) criteriaFilled: number;
  @ApiProperty({ description: 'Số tiêu chí phải chấm' }) criteriaRequired: number;
  @ApiProperty({ description: 'Số tiêu chí còn thiếu minh chứng bắt buộc' }) evidenceMissing: number;
  @ApiProperty({ type: [String], description: 'Mã các tiêu chí còn thiếu minh chứng' }) evidenceMissingCodes: string[];
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty({ description: 'Số giây còn lại đến hạn (âm: quá hạn)' }) secondsLeft: number;
  @ApiProperty({ type: String, nullable: true }) extensionReason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSavedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
}

export class ProgressDto {
  @ApiProperty() roundId: string;
  @ApiProperty({ enum: PHASES }) phase: Phase;
  @ApiProperty({ format: 'date-time' }) now: string;
  @ApiProperty({ type: [ProgressUnitDto] }) units: ProgressUnitDto[];
}

export class ReminderResultDto {
  @ApiProperty() sent: number;
  @ApiProperty({ type: [String] }) unitIds: string[];
}

export class TargetDto {
  @ApiProperty() unitId: string;
  @ApiProperty() criterionId: string;
  @ApiProperty() code: string;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty({ enum: ['round', 'covenant', 'none'], description: 'Nhập trong đợt, lấy từ giao ước, hoặc chưa có' }) source: 'round' | 'covenant' | 'none';
}

