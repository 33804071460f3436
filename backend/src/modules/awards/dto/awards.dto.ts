import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, registerDecorator,
  ValidateIf, ValidateNested, ValidationArguments,
} from 'class-validator';
import { toBoolean, trim } from '../../../common/dto';
import { CYCLE_STEPS, LATENESS_REASONS, OVERVIEW_SORTS, quotaProblem, type OverviewSort } from '../award-rules';

// ─── Requests ────────────────────────────────────────────────────────────────────────────────────

/** The value of a quota agrees with its kind: a whole count, or a percentage from 0 to 100. */
function IsQuotaValue(): PropertyDecorator {
  return (target, propertyName) => registerDecorator({
    name: 'isQuotaValue',
    target: target.constructor,
    propertyName: propertyName as string,
    validator: {
      validate: (value: unknown, args: ValidationArguments) => {
        const kind = (args.object as QuotaDto).kind;
        if (kind !== 'count' && kind !== 'percent') return true; // reported on `kind`
        return quotaProblem({ kind, value: value as number }) === null;
      },
      defaultMessage: (args: ValidationArguments) => `!${quotaProblem({ kind: (args.object as QuotaDto).kind, value: args.value as number }) ?? 'không hợp lệ'}`,
    },
  });
}

export class QuotaDto {
  @ApiProperty({ enum: ['count', 'percent'], description: 'count: số đơn vị; percent: % số đơn vị thành viên' }) @IsIn(['count', 'percent']) kind: 'count' | 'percent';
  @ApiProperty({ example: 1, description: 'Số đơn vị (số nguyên ≥ 0) hoặc phần trăm (0–100)' }) @IsNumber({ allowNaN: false, allowInfinity: false }) @IsQuotaValue() value: number;
}

export class AwardGatesDto {
  @ApiProperty({ type: QuotaDto, nullable: true, description: 'Xếp hạng trong nhóm N đơn vị đầu của đợt chấm cuối năm; null: không xét hạng' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => QuotaDto) topN: QuotaDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'Tập thể lao động xuất sắc', description: 'Danh hiệu phải có trong năm; null: không yêu cầu' })
  @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) requiredTitle: string | null;
}

export class CatalogueQueryDto {
  @ApiProperty({ example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class CreateAwardTypeDto {
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 'city_collective_merit', description: 'Mã (chữ thường không dấu, số, gạch dưới)' })
  @IsString() @Matches(/^[a-z][a-z0-9_]{1,31}$/, { message: '!chỉ gồm chữ thường không dấu, chữ số, dấu gạch dưới (2–32 ký tự, bắt đầu bằng chữ)' }) code: string;
  @ApiProperty({ example: 'Bằng khen của Chủ tịch UBND Thành phố (chuyên đề)' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) name: string;
  @ApiProperty({ type: AwardGatesDto }) @IsObject() @ValidateNested() @Type(() => AwardGatesDto) gates: AwardGatesDto;
  @ApiProperty({ type: QuotaDto, description: 'Số lượng tối đa mỗi khối' }) @IsObject() @ValidateNested() @Type(() => QuotaDto) blockQuota: QuotaDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Chỉ tiêu toàn Thành phố (số đơn vị); null: không giới hạn' })
  @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(100000) cityQuota: number | null;
  @ApiProperty({ example: 5, description: 'Điểm thưởng năm sau cho đơn vị được tặng' }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1000) bonusPoints: number;
  @ApiPropertyOptional({ description: 'Thứ tự hiển thị' }) @IsOptional() @IsInt() @Min(0) @Max(1000) sort?: number;
}

export class UpdateAwardTypeDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) name?: string;
  @ApiPropertyOptional({ type: AwardGatesDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => AwardGatesDto) gates?: AwardGatesDto;
  @ApiPropertyOptional({ type: QuotaDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => QuotaDto) blockQuota?: QuotaDto;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(100000) cityQuota?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1000) bonusPoints?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1000) sort?: number;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class UnitYearQueryDto {
  @ApiPropertyOptional({ example: 2024 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Các đơn vị thành viên của năm thi đua này (và năm của nó)' }) @IsOptional() @IsUUID() blockYearId?: string;
}

export class CreateUnitTitleDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 'Tập thể lao động xuất sắc' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) title: string;
  @ApiPropertyOptional({ example: '45/QĐ-ĐUK' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(64) decisionNumber?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString({ strict: true }) decisionDate?: string | null;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

export class UpdateUnitTitleDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) title?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(64) decisionNumber?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString({ strict: true }) decisionDate?: string | null;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class CreateDisciplineFlagDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ example: 2024 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 'Tập thể lãnh đạo bị khiển trách do vi phạm trong quản lý đầu tư công' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
  @ApiPropertyOptional({ example: '156/QĐ-UBND' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(64) decisionNumber?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString({ strict: true }) decisionDate?: string | null;
}

export class UpdateDisciplineFlagDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(2000) reason?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(64) decisionNumber?: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString({ strict: true }) decisionDate?: string | null;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class RemoveRecordDto {
  @ApiProperty({ description: 'Lý do xóa (ghi vào nhật ký)' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(1000) reason: string;
}

export class AwardHistoryQueryDto {
  @ApiPropertyOptional({ example: 2024 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: 'city_flag' }) @IsOptional() @IsString() @MaxLength(32) code?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Các đơn vị thành viên của năm thi đua này' }) @IsOptional() @IsUUID() blockYearId?: string;
  @ApiPropertyOptional({ description: 'Kèm cả khen thưởng đã thu hồi (mặc định: có)' }) @IsOptional() @Transform(toBoolean) @IsBoolean() includeRevoked?: boolean;
}

export class RecordAwardDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ example: 2023 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 'city_flag' }) @IsString() @IsNotEmpty() @MaxLength(32) code: string;
  @ApiProperty({ example: '1234/QĐ-UBND' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) decisionNumber: string;
  @ApiProperty({ example: '2024-03-15', format: 'date' }) @IsDateString({ strict: true }) decisionDate: string;
  @ApiProperty({ example: 'KT. Chủ tịch – Phó Chủ tịch Trần Quang Minh' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) signer: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}

export class RevokeAwardDto {
  @ApiProperty({ example: 'Kê khai không trung thực thành tích (Chương VII Luật Thi đua, khen thưởng)' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
  @ApiProperty({ example: '2345/QĐ-UBND', description: 'Số quyết định thu hồi' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) decisionNumber: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', description: 'Ngày quyết định thu hồi' }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsDateString({ strict: true }) decisionDate?: string | null;
}

export class EligibilityQueryDto {
  @ApiProperty({ example: 'city_flag' }) @IsString() @IsNotEmpty() @MaxLength(32) award: string;
}

export class OverviewQueryDto {
  @ApiProperty({ example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

/** The overview a page at a time; without `pageSize`, every block year (as before). */
export class OverviewPageQueryDto extends OverviewQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, description: 'Số khối mỗi trang; bỏ trống: mọi khối' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
  @ApiPropertyOptional({ description: 'Tìm theo tên, mã khối (có dấu hay không dấu)' })
  @IsOptional() @IsString() @MaxLength(200) @Matches(/^[^\u0000]*$/, { message: '!không được chứa ký tự NUL' }) q?: string;
  @ApiPropertyOptional({ enum: CYCLE_STEPS, description: 'Chỉ các khối đang ở bước này' }) @IsOptional() @IsIn(CYCLE_STEPS) step?: string;
  @ApiPropertyOptional({ description: 'true: chỉ các khối có việc quá hạn; false: chỉ các khối đúng hạn' }) @IsOptional() @Transform(toBoolean) @IsBoolean() late?: boolean;
  @ApiPropertyOptional({ enum: OVERVIEW_SORTS, default: 'name', description: 'Sắp xếp: theo tên (tiếng Việt), theo bước (chậm nhất trước), theo mức quá hạn (lâu nhất trước)' })
  @IsOptional() @IsIn(OVERVIEW_SORTS) sort?: OverviewSort;
}

// ─── Responses ───────────────────────────────────────────────────────────────────────────────────

export class QuotaResponseDto {
  @ApiProperty({ enum: ['count', 'percent'] }) kind: 'count' | 'percent';
  @ApiProperty() value: number;
}

export class AwardGatesResponseDto {
  @ApiProperty({ type: QuotaResponseDto, nullable: true }) topN: QuotaResponseDto | null;
  @ApiProperty({ type: String, nullable: true }) requiredTitle: string | null;
}

export class AwardTypeDto {
  @ApiProperty() id: string;
  @ApiProperty() year: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: AwardGatesResponseDto }) gates: AwardGatesResponseDto;
  @ApiProperty({ type: QuotaResponseDto }) blockQuota: QuotaResponseDto;
  @ApiProperty({ type: Number, nullable: true }) cityQuota: number | null;
  @ApiProperty() bonusPoints: number;
  @ApiProperty() sort: number;
  @ApiProperty() version: number;
}

export class UnitEligibilityDto {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Tổng điểm cuối cùng trong bản chốt' }) total: number | null;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class EligibilityReportDto {
  @ApiProperty({ type: AwardTypeDto }) award: AwardTypeDto;
  @ApiProperty() blockYearId: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true, description: 'Đợt chấm điểm cuối năm' }) roundId: string | null;
  @ApiProperty() roundFinalised: boolean;
  @ApiProperty() members: number;
  @ApiProperty({ description: 'Số lượng tối đa của khối cho hình thức này' }) quotaLimit: number;
  @ApiProperty({ type: [UnitEligibilityDto] }) units: UnitEligibilityDto[];
}

export class AwardRecordDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() year: number;
  @ApiProperty() code: string;
  @ApiProperty() awardName: string;
  @ApiProperty() decisionNumber: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty() signer: string;
  @ApiProperty({ enum: ['decision', 'manual'] }) source: 'decision' | 'manual';
  @ApiProperty({ type: String, nullable: true }) proposalId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationDecisionNumber: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) revocationDecisionDate: string | null;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: String, nullable: true }) recordedByName: string | null;
}

export class UnitTitleDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() year: number;
  @ApiProperty() title: string;
  @ApiProperty() decisionNumber: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) decisionDate: string | null;
  @ApiProperty() note: string;
  @ApiProperty() version: number;
}

export class DisciplineFlagDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() year: number;
  @ApiProperty() reason: string;
  @ApiProperty() decisionNumber: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) decisionDate: string | null;
  @ApiProperty() version: number;
}

export class BonusAwardDto {
  @ApiProperty() id: string;
  @ApiProperty() year: number;
  @ApiProperty() code: string;
  @ApiProperty() awardName: string;
  @ApiProperty() decisionNumber: string;
  @ApiProperty({ format: 'date' }) decisionDate: string;
  @ApiProperty() bonusPoints: number;
}

export class UnitBonusDto {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [BonusAwardDto] }) awards: BonusAwardDto[];
  @ApiProperty() total: number;
}

export class AwardBonusesDto {
  @ApiProperty() blockYearId: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Năm của các khen thưởng được tính điểm thưởng (năm trước)' }) fromYear: number;
  @ApiProperty({ type: [UnitBonusDto] }) units: UnitBonusDto[];
}

export class OverviewRoundDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['mid_year', 'year_end'] }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() phase: string;
  @ApiProperty() phaseLabel: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finalisedAt: string | null;
}

export class OverviewRankDto {
  @ApiProperty() rank: number;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() total: number;
}

export class OverviewCovenantDto {
  @ApiProperty({ enum: ['draft', 'signing', 'in_force', 'superseded'] }) status: string;
  @ApiProperty() signed: number;
}

export class OverviewProposalDto {
  @ApiProperty({ description: 'Mã hồ sơ (mở trang hồ sơ)' }) id: string;
  @ApiProperty() status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dueAt: string | null;
}

export class OverviewLatenessDto {
  @ApiProperty({ description: 'Có việc đã quá hạn' }) late: boolean;
  @ApiProperty({ type: [String], enum: LATENESS_REASONS, description: 'Việc quá hạn' }) reasons: string[];
  @ApiProperty({ type: [String], description: 'Việc quá hạn, bằng tiếng Việt' }) labels: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Hạn sớm nhất đã lỡ' }) overdueSince: string | null;
  @ApiProperty({ description: 'Số ngày đã quá hạn (0: đúng hạn hoặc quá hạn trong ngày)' }) daysLate: number;
}

export class OverviewBlockYearDto {
  @ApiProperty() blockYearId: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockCode: string;
  @ApiProperty() blockName: string;
  @ApiProperty({ enum: ['khoi', 'cum'] }) blockKind: string;
  @ApiProperty() status: string;
  @ApiProperty({ description: 'Bước trong chu trình năm (docs/domain.md §3)' }) step: string;
  @ApiProperty() stepLabel: string;
  @ApiProperty({ description: 'Thứ tự của bước (0 = thiết lập)' }) stepIndex: number;
  @ApiProperty({ type: String, nullable: true }) leaderUnitName: string | null;
  @ApiProperty({ type: String, nullable: true }) deputyUnitName: string | null;
  @ApiProperty() members: number;
  @ApiProperty({ type: OverviewCovenantDto, nullable: true, description: 'Giao ước mới nhất' }) covenant: OverviewCovenantDto | null;
  @ApiProperty({ type: [OverviewRoundDto] }) rounds: OverviewRoundDto[];
  @ApiProperty() yearEndFinalised: boolean;
  @ApiProperty({ type: [OverviewRankDto], description: 'Các đơn vị hạng 1–3 theo bản chốt đợt cuối năm (kể cả đồng hạng)' }) top3: OverviewRankDto[];
  @ApiProperty({ description: 'Số đơn vị được xếp hạng trong bản chốt đợt cuối năm (0: chưa chốt)' }) rankedUnits: number;
  @ApiProperty({ type: () => OverviewLatenessDto }) lateness: OverviewLatenessDto;
  @ApiProperty({ type: OverviewProposalDto, nullable: true, description: 'Hồ sơ đề nghị (khi mô-đun hồ sơ cung cấp)' }) proposal: OverviewProposalDto | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Khen thưởng đã quyết định (còn hiệu lực) theo mã' }) decisions: Record<string, number>;
  @ApiProperty() decisionsTotal: number;
}

export class OverviewAwardUseDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Đơn vị được tặng (còn hiệu lực) trong năm' }) awarded: number;
  @ApiProperty({ type: Number, nullable: true }) cityQuota: number | null;
}

export class OverviewYearCountsDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) counts: Record<string, number>;
  @ApiProperty() total: number;
}

export class OverviewStepCountDto {
  @ApiProperty({ enum: CYCLE_STEPS }) step: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class OverviewLateCountDto {
  @ApiProperty({ enum: LATENESS_REASONS }) reason: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class OverviewAggregatesDto {
  @ApiProperty({ description: 'Số khối' }) blocks: number;
  @ApiProperty({ description: 'Số đơn vị thành viên' }) members: number;
  @ApiProperty({ description: 'Số khối có việc quá hạn' }) late: number;
  @ApiProperty({ type: [OverviewLateCountDto], description: 'Số khối theo từng loại việc quá hạn' }) lateByReason: OverviewLateCountDto[];
  @ApiProperty({ description: 'Số khối đã chốt kết quả xếp hạng cuối năm' }) ranked: number;
  @ApiProperty({ description: 'Số khối đã gửi hồ sơ đề nghị khen thưởng' }) proposalsSubmitted: number;
}

export class BoardOverviewDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [OverviewBlockYearDto], description: 'Các khối của trang (mọi khối khi không phân trang)' }) blockYears: OverviewBlockYearDto[];
  @ApiProperty({ description: 'Số khối khớp tìm kiếm và bước' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: không phân trang' }) pageSize: number | null;
  @ApiProperty({ type: [OverviewStepCountDto], description: 'Toàn thành phố (theo tìm kiếm, không theo bước, không theo trang): số khối ở từng bước' }) stepCounts: OverviewStepCountDto[];
  @ApiProperty({ type: () => OverviewAggregatesDto, description: 'Toàn thành phố (theo tìm kiếm, không theo bộ lọc bước, quá hạn, không theo trang)' }) aggregates: OverviewAggregatesDto;
  @ApiProperty({ enum: OVERVIEW_SORTS }) sort: string;
  @ApiProperty({ type: [OverviewAwardUseDto] }) awards: OverviewAwardUseDto[];
  @ApiProperty({ type: [OverviewYearCountsDto], description: 'Biểu đồ: số khen thưởng còn hiệu lực theo năm và hình thức' }) byYear: OverviewYearCountsDto[];
  @ApiProperty({ description: 'Có thông tin hồ sơ đề nghị (mô-đun hồ sơ đã đăng ký nguồn dữ liệu)' }) proposalsAvailable: boolean;
}
