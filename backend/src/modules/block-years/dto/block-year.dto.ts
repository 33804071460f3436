import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsDateString, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/dto';
import { PageQuery } from '../../../common/pagination';
import { BLOCK_YEAR_STATUSES, type BlockYearStatus } from '../../../domain/year-status';
import { TIE_BREAKS, type TieBreak } from '@thidua/rules';

export class LegalInstrumentDto {
  @ApiProperty({ example: '06/2022/QH15' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) number: string;
  @ApiProperty({ example: '2022-06-15', format: 'date' }) @IsDateString({ strict: true }) date: string;
  @ApiProperty({ example: 'Luật Thi đua, khen thưởng' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
}

export class QuotaDto {
  @ApiProperty({ enum: ['count', 'percent'] }) @IsIn(['count', 'percent']) kind: 'count' | 'percent';
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) value: number;
}

export class QuotasDto {
  @ApiProperty({ type: QuotaDto }) @ValidateNested() @Type(() => QuotaDto) gov_flag: QuotaDto;
  @ApiProperty({ type: QuotaDto }) @ValidateNested() @Type(() => QuotaDto) city_flag: QuotaDto;
  @ApiProperty({ type: QuotaDto }) @ValidateNested() @Type(() => QuotaDto) city_merit: QuotaDto;
}

export class RuleSetDto {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(100) quorumNumerator: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(100) quorumDenominator: number;
  @ApiProperty({ example: 50 }) @IsNumber() @Min(1) @Max(100) voteThresholdPercent: number;
  @ApiProperty({ enum: ['members', 'present'] }) @IsIn(['members', 'present']) voteThresholdBase: 'members' | 'present';
  @ApiProperty({ type: QuotasDto }) @ValidateNested() @Type(() => QuotasDto) quotas: QuotasDto;
  @ApiProperty({ enum: TIE_BREAKS, isArray: true }) @IsArray() @ArrayUnique() @IsIn(TIE_BREAKS, { each: true }) tieBreakChain: TieBreak[];
  @ApiProperty({ enum: ['leader_appraisal', 'peer_median'] }) @IsIn(['leader_appraisal', 'peer_median']) finalScoreRule: 'leader_appraisal' | 'peer_median';
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(10) reviewsPerUnit: number;
  @ApiProperty({ example: 100 }) @IsNumber() @Min(1) @Max(100000) scoringScaleMax: number;
  @ApiProperty({ example: 20 }) @IsNumber() @Min(0) @Max(100) divergencePercent: number;
  @ApiPropertyOptional({ example: 3, description: 'Số ngày trước hạn nộp tự động nhắc đơn vị chưa nộp (mặc định 3; 0: chỉ nhắc khi quá hạn)' }) @IsOptional() @IsInt() @Min(0) @Max(30) reminderDaysBefore?: number;
}

export class CreateBlockYearDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockId: string;
  @ApiProperty({ example: 2025 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ type: [String], description: 'Đơn vị thành viên' }) @IsArray() @ArrayUnique() @ArrayMaxSize(100) @IsUUID('all', { each: true }) memberUnitIds: string[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Đơn vị khối trưởng' }) @IsOptional() @IsUUID() leaderUnitId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Đơn vị khối phó' }) @IsOptional() @IsUUID() deputyUnitId?: string | null;
  @ApiPropertyOptional({ type: [LegalInstrumentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LegalInstrumentDto) legalBasis?: LegalInstrumentDto[];
  @ApiPropertyOptional({ type: RuleSetDto, description: 'Bỏ trống: chép từ năm trước, hoặc giá trị mặc định' }) @IsOptional() @ValidateNested() @Type(() => RuleSetDto) rules?: RuleSetDto;
}

export class UpdateBlockYearDto {
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(100) @IsUUID('all', { each: true }) memberUnitIds?: string[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() leaderUnitId?: string | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() deputyUnitId?: string | null;
  @ApiPropertyOptional({ enum: BLOCK_YEAR_STATUSES }) @IsOptional() @IsIn(BLOCK_YEAR_STATUSES) status?: BlockYearStatus;
  @ApiPropertyOptional({ type: [LegalInstrumentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => LegalInstrumentDto) legalBasis?: LegalInstrumentDto[];
  @ApiPropertyOptional({ type: RuleSetDto }) @IsOptional() @ValidateNested() @Type(() => RuleSetDto) rules?: RuleSetDto;
  @ApiPropertyOptional({ description: 'Lý do thay đổi (ghi vào nhật ký)' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class BlockYearQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() blockId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

export class MemberDto {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
}

export class BlockYearPermissionsDto {
  @ApiProperty({ description: 'Ban TĐKT/quản trị: thiết lập năm (thành viên, ghế, trạng thái)' }) canManage: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['leader', 'deputy'], description: 'Ghế của đơn vị người dùng trong năm này' }) seat: 'leader' | 'deputy' | null;
  @ApiProperty({ description: 'Được sửa căn cứ pháp lý và bộ quy tắc' }) canEditRules: boolean;
}

export class BlockYearDto {
  @ApiProperty() id: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() blockCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: BLOCK_YEAR_STATUSES }) status: BlockYearStatus;
  @ApiProperty({ type: String, nullable: true }) leaderUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) leaderUnitName: string | null;
  @ApiProperty({ type: String, nullable: true }) deputyUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) deputyUnitName: string | null;
  @ApiProperty({ type: [MemberDto] }) members: MemberDto[];
  @ApiProperty({ type: [LegalInstrumentDto] }) legalBasis: LegalInstrumentDto[];
  @ApiProperty({ type: RuleSetDto }) rules: RuleSetDto;
  @ApiProperty() version: number;
  @ApiProperty({ type: BlockYearPermissionsDto }) permissions: BlockYearPermissionsDto;
}

export class BlockYearSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: BLOCK_YEAR_STATUSES }) status: BlockYearStatus;
  @ApiProperty({ type: String, nullable: true }) leaderUnitName: string | null;
  @ApiProperty({ type: String, nullable: true }) deputyUnitName: string | null;
  @ApiProperty() memberCount: number;
}

export class BlockYearPageQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Năm thi đua; mặc định: năm gần nhất (Ban TĐKT, quản trị), mọi năm (đơn vị)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

export class BlockYearPageDto {
  @ApiProperty({ type: [BlockYearSummaryDto] }) items: BlockYearSummaryDto[];
  @ApiProperty({ description: 'Số năm của khối khớp bộ lọc' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Năm đang xem (null: mọi năm của đơn vị, hoặc chưa có khối nào)' }) year: number | null;
  @ApiProperty({ type: [Number], description: 'Các năm có trong phạm vi người dùng, mới nhất trước' }) years: number[];
  @ApiProperty({ description: 'Toàn phạm vi của năm, không theo trang: số khối, cụm' }) blockCount: number;
  @ApiProperty({ description: 'Toàn phạm vi của năm, không theo trang: số đơn vị tham gia' }) memberCount: number;
}

export class BlockYearDefaultsDto {
  @ApiProperty({ type: RuleSetDto }) rules: RuleSetDto;
  @ApiProperty({ type: [LegalInstrumentDto] }) legalBasis: LegalInstrumentDto[];
}
