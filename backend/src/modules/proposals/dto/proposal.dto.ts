import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/dto';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../entities/proposal.entity';
import type { ChecklistKind } from '../proposal-rules';

const DATE = { message: '!phải là ngày hợp lệ dạng yyyy-mm-dd' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

// ------------------------------------------------------------------ requests

export class ProposalQueryDto {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES }) @IsOptional() @IsIn(PROPOSAL_STATUSES) status?: ProposalStatus;
  @ApiPropertyOptional({ description: 'Năm thi đua' }) @IsOptional() @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') blockYearId?: string;
}

export class YearQueryDto {
  @ApiProperty({ description: 'Năm thi đua' }) @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class CreateProposalDto {
  @ApiProperty({ description: 'Năm thi đua của khối' }) @IsUUID('4') blockYearId: string;
}

export class UpdateLetterDto {
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ description: 'Số, ký hiệu tờ trình, ví dụ 05/TTr-KTĐ4' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) number?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: 'Ngày tờ trình (để trống: ghi ngày khi trình)' })
  @IsOptional() @Matches(ISO_DATE, DATE) @IsISO8601({ strict: true }, DATE) date?: string | null;
  @ApiPropertyOptional({ description: 'Kính gửi' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) recipient?: string;
  @ApiPropertyOptional({ type: [String], description: 'Các đoạn nội dung tờ trình (trước danh sách đề nghị)' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(60) @IsString({ each: true }) @MaxLength(5000, { each: true }) paragraphs?: string[];
  @ApiPropertyOptional({ description: 'Đoạn kết (sau danh sách đề nghị)' }) @IsOptional() @IsString() @MaxLength(5000) closing?: string;
  @ApiPropertyOptional({ description: 'Người ký (thủ trưởng đơn vị Khối trưởng)' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) signerName?: string;
}

export class ReasonRequiredDto {
  @ApiProperty({ description: 'Lý do (ghi vào lịch sử hồ sơ và nhật ký)' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class OptionalNoteDto {
  @ApiPropertyOptional({ description: 'Ghi chú (ghi vào lịch sử hồ sơ và nhật ký)' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) reason?: string;
}

export class NomineeRefDto {
  @ApiProperty() @IsUUID('4') unitId: string;
  @ApiProperty({ description: 'Mã hình thức khen thưởng, ví dụ city_flag' }) @IsString() @IsNotEmpty() @MaxLength(32) code: string;
}

export class RecordDecisionDto {
  @ApiProperty({ enum: ['awarded', 'not_awarded'], description: 'awarded: được khen thưởng theo quyết định; not_awarded: không được khen thưởng (ghi lý do)' })
  @IsIn(['awarded', 'not_awarded']) outcome: 'awarded' | 'not_awarded';
  @ApiProperty({ type: [NomineeRefDto], description: 'Các đơn vị, hình thức khen thưởng mà quyết định áp dụng' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => NomineeRefDto) nominees: NomineeRefDto[];
  @ApiPropertyOptional({ description: 'Số quyết định, ví dụ 512/QĐ-UBND (bắt buộc khi được khen thưởng)' })
  @ValidateIf((o) => o.outcome === 'awarded' || o.decisionNumber !== undefined) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64)
  @Matches(/^\d+\/\S+$/, { message: '!phải có dạng số/ký hiệu, ví dụ 512/QĐ-UBND' }) decisionNumber?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Ngày quyết định (bắt buộc khi được khen thưởng)' })
  @ValidateIf((o) => o.outcome === 'awarded' || o.decisionDate !== undefined) @Matches(ISO_DATE, DATE) @IsISO8601({ strict: true }, DATE) decisionDate?: string;
  @ApiPropertyOptional({ description: 'Người ký quyết định, ví dụ "Trần Sỹ Thanh – Chủ tịch" (bắt buộc khi được khen thưởng)' })
  @ValidateIf((o) => o.outcome === 'awarded' || o.signer !== undefined) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) signer?: string;
  @ApiPropertyOptional({ description: 'Lý do không khen thưởng (bắt buộc khi không được khen thưởng)' })
  @ValidateIf((o) => o.outcome === 'not_awarded' || o.reason !== undefined) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(2000) reason?: string;
}

export class UpdateSettingDto {
  @ApiProperty({ description: 'Thời hạn thẩm định, số ngày làm việc kể từ ngày trình' }) @IsInt() @Min(1) @Max(250) appraisalWorkingDays: number;
  @ApiPropertyOptional({ description: 'Phiên bản đang sửa (chống ghi đè); bỏ trống khi năm chưa có thiết lập' }) @IsOptional() @IsInt() @Min(1) version?: number;
}

export class DocumentQueryDto {
  @ApiProperty({ enum: ['docx', 'pdf'] }) @IsIn(['docx', 'pdf']) format: 'docx' | 'pdf';
}

export class DecisionListQueryDto extends DocumentQueryDto {
  @ApiPropertyOptional({ description: 'Số quyết định (bắt buộc khi hồ sơ có nhiều quyết định)' }) @IsOptional() @IsString() @MaxLength(64) decisionNumber?: string;
}

export class AnnexQueryDto {
  @ApiProperty({ enum: ['xlsx', 'pdf'] }) @IsIn(['xlsx', 'pdf']) format: 'xlsx' | 'pdf';
}

// ------------------------------------------------------------------ responses

export class LetterDto {
  @ApiProperty({ description: 'Số, ký hiệu, ví dụ 05/TTr-KTĐ4' }) number: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) date: string | null;
  @ApiProperty({ description: 'Kính gửi' }) recipient: string;
  @ApiProperty({ type: [String] }) paragraphs: string[];
  @ApiProperty() closing: string;
  @ApiProperty() signerName: string;
}

export class ReportDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() filename: string;
  @ApiProperty() mimeType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 của nội dung tệp' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ type: String, nullable: true }) uploadedByName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Bị thay bằng bản tải lên sau' }) supersededAt: string | null;
}

export class DecisionDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() code: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ enum: ['awarded', 'not_awarded'] }) outcome: 'awarded' | 'not_awarded';
  @ApiProperty({ type: String, nullable: true }) decisionNumber: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) decisionDate: string | null;
  @ApiProperty({ type: String, nullable: true }) signer: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true, description: 'Bản ghi trong lịch sử khen thưởng' }) awardHistoryId: string | null;
  @ApiProperty({ description: 'Khen thưởng đã bị thu hồi (không còn được tính)' }) revoked: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: String, nullable: true }) recordedByName: string | null;
}

export class CiteModelsDto {
  @ApiProperty({ type: [String], description: 'Các gương điển hình trong sổ của đơn vị được trích dẫn (thay danh sách cũ; [] để bỏ hết)' })
  @IsArray() @ArrayMaxSize(50) @ArrayUnique() @IsUUID('all', { each: true }) modelIds: string[];
}

export class CitedStoryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Địa chỉ bài trên trang tin công khai' }) publicUrl: string;
}

export class CitedModelDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['person', 'collective'] }) subjectKind: 'person' | 'collective';
  @ApiProperty() name: string;
  @ApiProperty() achievement: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: [CitedStoryDto] }) stories: CitedStoryDto[];
}

export class NomineeDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() code: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ type: String, nullable: true }) ballotId: string | null;
  @ApiProperty({ description: 'Số phiếu đồng ý' }) approvals: number;
  @ApiProperty({ description: 'Tỷ lệ phiếu (%)' }) percent: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Xếp hạng trong đợt chấm điểm cuối năm' }) rank: number | null;
  @ApiProperty() note: string;
  @ApiProperty({ type: ReportDto, nullable: true, description: 'Báo cáo thành tích hiện hành của đơn vị' }) report: ReportDto | null;
  @ApiProperty({ type: DecisionDto, nullable: true }) decision: DecisionDto | null;
  @ApiProperty({ type: [CitedModelDto], description: 'Gương điển hình tiên tiến của đơn vị được hồ sơ trích dẫn (sổ gương điển hình)' }) models: CitedModelDto[];
}

export class ChecklistItemDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['letter', 'minutes', 'score_annex', 'tally_record', 'nominees', 'report'] }) kind: ChecklistKind;
  @ApiProperty() label: string;
  @ApiProperty() present: boolean;
  @ApiProperty() detail: string;
  @ApiProperty({ type: String, nullable: true }) ballotId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitId: string | null;
}

export class ChecklistDto {
  @ApiProperty() proposalId: string;
  @ApiProperty({ type: [ChecklistItemDto] }) items: ChecklistItemDto[];
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Các thành phần còn thiếu' }) missingMessage: string | null;
}

export class ProposalEventDto {
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['created', 'submitted', 'appraisal_started', 'returned', 'approved', 'decision', 'decided', 'cancelled'] }) kind: string;
  @ApiProperty() label: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dueDate: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail: Record<string, unknown>;
}

export class ProposalPermissionsDto {
  @ApiProperty({ description: 'Sửa tờ trình, hủy hồ sơ (Khối trưởng, Khối phó; khi đang lập hoặc bị trả lại)' }) canEdit: boolean;
  @ApiProperty({ description: 'Trình hồ sơ (thủ trưởng đơn vị Khối trưởng)' }) canSubmit: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Đơn vị mà người dùng được tải báo cáo thành tích' }) canUploadReportForUnitId: string | null;
  @ApiProperty({ description: 'Tiếp nhận thẩm định, trả lại, thông qua (Ban TĐKT)' }) canAppraise: boolean;
  @ApiProperty({ description: 'Ghi nhận quyết định khen thưởng (Ban TĐKT, hồ sơ đã thông qua)' }) canDecide: boolean;
}

export class ProposalSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockCode: string;
  @ApiProperty() blockName: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty() letterNumber: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Hạn thẩm định' }) dueDate: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Số ngày làm việc còn lại đến hạn (âm: quá hạn); chỉ khi hồ sơ đang chờ Ban TĐKT' }) workingDaysLeft: number | null;
  @ApiProperty({ type: [Number], description: 'Năm chưa có lịch nghỉ (Ban TĐKT chưa nhập) trong khoảng đến hạn: số ngày làm việc có thể chưa trừ ngày nghỉ của năm đó' }) calendarMissingYears: number[];
  @ApiProperty() overdue: boolean;
  @ApiProperty({ description: 'Số lần trình' }) submissions: number;
  @ApiProperty({ description: 'Số lượt đơn vị được đề nghị (danh sách chốt khi trình; hồ sơ đang lập: theo kết quả bỏ phiếu hiện hành)' }) nomineeCount: number;
  @ApiProperty({ description: 'Số lượt đã có quyết định (khen thưởng hoặc không khen thưởng)' }) decidedCount: number;
  @ApiProperty({ description: 'Số lượt được khen thưởng theo quyết định, không tính khen thưởng đã thu hồi' }) awardedCount: number;
  @ApiProperty() returnReason: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ProposalDto extends ProposalSummaryDto {
  @ApiProperty({ type: LetterDto }) letter: LetterDto;
  @ApiProperty({ description: 'Danh sách đề nghị đã chốt khi trình (ngược lại: tính theo kết quả bỏ phiếu hiện hành)' }) nomineesFrozen: boolean;
  @ApiProperty({ type: [NomineeDto] }) nominees: NomineeDto[];
  @ApiProperty({ type: [ChecklistItemDto] }) checklist: ChecklistItemDto[];
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: String, nullable: true }) conferenceId: string | null;
  @ApiProperty({ type: String, nullable: true }) roundId: string | null;
  @ApiProperty({ type: [String], description: 'Các cuộc bỏ phiếu (biên bản kiểm phiếu)' }) ballotIds: string[];
  @ApiProperty({ type: [ReportDto], description: 'Mọi báo cáo thành tích đã tải lên, kể cả bản đã bị thay' }) reports: ReportDto[];
  @ApiProperty({ type: [DecisionDto] }) decisions: DecisionDto[];
  @ApiProperty({ type: [ProposalEventDto], description: 'Lịch sử: lập, trình, tiếp nhận, trả lại, thông qua, quyết định' }) history: ProposalEventDto[];
  @ApiProperty({ type: Number, nullable: true }) appraisalWorkingDays: number | null;
  @ApiProperty({ type: String, nullable: true }) submittedByName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) appraisalStartedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) returnedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) approvedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty() cancelReason: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: ProposalPermissionsDto }) permissions: ProposalPermissionsDto;
}

export class QuotaUseDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Chỉ tiêu toàn Thành phố (null: không giới hạn)' }) limit: number | null;
  @ApiProperty({ description: 'Đang đề nghị trong các hồ sơ đã trình, chưa có quyết định' }) pending: number;
  @ApiProperty({ description: 'Đã có quyết định khen thưởng (không tính khen thưởng đã thu hồi)' }) decided: number;
  @ApiProperty() used: number;
  @ApiProperty({ type: Number, nullable: true }) remaining: number | null;
  @ApiProperty() over: boolean;
}

export class BreachDto {
  @ApiProperty({ enum: ['eligibility', 'block_quota', 'city_quota'] }) scope: 'eligibility' | 'block_quota' | 'city_quota';
  @ApiProperty() code: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: [String] }) unitIds: string[];
  @ApiProperty() message: string;
}

export class CityQuotaDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [QuotaUseDto] }) usage: QuotaUseDto[];
  @ApiProperty({ type: [BreachDto] }) breaches: BreachDto[];
}

export class NomineeCheckDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() code: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [String], description: 'Lý do không đủ điều kiện' }) reasons: string[];
}

export class BlockQuotaDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Số lượng tối đa của khối' }) limit: number;
  @ApiProperty() proposed: number;
}

export class AppraisalDto {
  @ApiProperty() proposalId: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES }) status: ProposalStatus;
  @ApiProperty() members: number;
  @ApiProperty({ type: [NomineeCheckDto] }) nominees: NomineeCheckDto[];
  @ApiProperty({ type: [BlockQuotaDto] }) blockQuotas: BlockQuotaDto[];
  @ApiProperty({ type: CityQuotaDto }) city: CityQuotaDto;
  @ApiProperty({ type: [BreachDto], description: 'Mọi vi phạm: điều kiện, số lượng của khối, chỉ tiêu toàn Thành phố' }) breaches: BreachDto[];
  @ApiProperty({ type: [ChecklistItemDto] }) checklist: ChecklistItemDto[];
}

export class SettingDto {
  @ApiProperty() year: number;
  @ApiProperty() appraisalWorkingDays: number;
  @ApiProperty({ description: 'Chưa thiết lập: dùng mặc định 25 ngày làm việc' }) isDefault: boolean;
  @ApiProperty({ description: '0 khi chưa thiết lập' }) version: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt: string | null;
}

// ---- the board's work calendar (days off and weekend days worked), per year

export class CalendarDayInputDto {
  @ApiProperty({ format: 'date', example: '2027-02-08' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '!phải là ngày dạng yyyy-mm-dd' }) date: string;
  @ApiProperty({ enum: ['holiday', 'make_up'], description: 'holiday: ngày nghỉ (lễ, Tết, nghỉ bù, hoán đổi); make_up: ngày cuối tuần đi làm bù' }) @IsIn(['holiday', 'make_up']) kind: 'holiday' | 'make_up';
  @ApiProperty({ example: 'Tết Nguyên đán Đinh Mùi' }) @Transform(trim) @IsString() @MaxLength(255) @Matches(/^[^\u0000]*$/, { message: '!không được chứa ký tự NUL' }) name: string;
}

export class UpdateWorkCalendarDto {
  @ApiProperty({ type: [CalendarDayInputDto], description: 'Toàn bộ ngày nghỉ và ngày làm bù của năm (thay thế danh sách cũ)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => CalendarDayInputDto) days: CalendarDayInputDto[];
}

export class CalendarDayDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: ['holiday', 'make_up'] }) kind: 'holiday' | 'make_up';
  @ApiProperty() name: string;
}

export class WorkCalendarYearDto {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Ban TĐKT đã nhập lịch nghỉ của năm; chưa có: hạn thẩm định chạm vào năm này được cảnh báo' }) known: boolean;
  @ApiProperty({ type: [CalendarDayDto] }) days: CalendarDayDto[];
  @ApiProperty({ type: [Number], description: 'Các năm đã có lịch nghỉ' }) knownYears: number[];
}
