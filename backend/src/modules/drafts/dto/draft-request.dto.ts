import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/dto';
import { RuleSetDto } from '../../block-years/dto/block-year.dto';
import { ACTIVITY_STATUSES, type ActivityStatus, DRAFT_KINDS, type DraftKind, MOVEMENT_KINDS, type MovementKind } from '../draft-content';

const KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const KEY_MSG = { message: '!chỉ gồm chữ thường không dấu, số và gạch ngang (tối đa 64 ký tự)' };

export class CreateDraftDocumentDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiProperty({ enum: DRAFT_KINDS, description: 'plan: Kế hoạch hoạt động; rules: Quy chế hoạt động và bình xét thi đua' }) @IsIn(DRAFT_KINDS) kind: DraftKind;
  @ApiPropertyOptional({ example: 'Kế hoạch hoạt động năm 2025 của Khối thi đua số 4' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ description: 'Chép các mục từ văn bản đã thông qua của năm trước (nếu có)' }) @IsOptional() @IsBoolean() copyFromPreviousYear?: boolean;
}

export class PlanActivityInputDto {
  @ApiPropertyOptional({ description: 'Khóa ổn định của hoạt động (bỏ trống để tạo mới)', example: 'a1' }) @IsOptional() @IsString() @Matches(KEY, KEY_MSG) key?: string;
  @ApiProperty({ example: 'Hội nghị triển khai kế hoạch và ký kết giao ước thi đua' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiProperty({ format: 'date', example: '2024-04-26' }) @IsDateString({ strict: true }) startDate: string;
  @ApiProperty({ format: 'date', example: '2024-04-26' }) @IsDateString({ strict: true }) endDate: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Đơn vị chủ trì' }) @IsOptional() @IsUUID() ownerUnitId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

export class PlanMovementDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(KEY, KEY_MSG) key?: string;
  @ApiProperty({ enum: MOVEMENT_KINDS, description: 'regular: thường xuyên; thematic: theo đợt, chuyên đề' }) @IsIn(MOVEMENT_KINDS) kind: MovementKind;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiPropertyOptional({ example: 'Từ 01/01/2024 đến 07/5/2024' }) @IsOptional() @IsString() @MaxLength(200) period?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) goal?: string;
}

export class PlanCommemorationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(KEY, KEY_MSG) key?: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) date: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

export class PlanFieldTripDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(KEY, KEY_MSG) key?: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) place?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) period?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() ownerUnitId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

export class PlanDataInputDto {
  @ApiProperty({ description: 'Chủ đề năm' }) @IsString() @MaxLength(1000) theme: string;
  @ApiProperty({ description: 'Khẩu hiệu thi đua' }) @IsString() @MaxLength(1000) slogan: string;
  @ApiProperty({ type: [PlanActivityInputDto] }) @IsArray() @ArrayMaxSize(300) @ValidateNested({ each: true }) @Type(() => PlanActivityInputDto) activities: PlanActivityInputDto[];
  @ApiProperty({ type: [PlanMovementDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PlanMovementDto) movements: PlanMovementDto[];
  @ApiProperty({ type: [PlanCommemorationDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PlanCommemorationDto) commemorations: PlanCommemorationDto[];
  @ApiProperty({ type: [PlanFieldTripDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => PlanFieldTripDto) fieldTrips: PlanFieldTripDto[];
}

export class UpdateDraftVersionDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ type: PlanDataInputDto, description: 'Chỉ với kế hoạch: thay toàn bộ dữ liệu có cấu trúc' }) @IsOptional() @ValidateNested() @Type(() => PlanDataInputDto) plan?: PlanDataInputDto;
  @ApiPropertyOptional({ type: RuleSetDto, description: 'Chỉ với quy chế: bộ quy tắc bình xét' }) @IsOptional() @ValidateNested() @Type(() => RuleSetDto) ruleSet?: RuleSetDto;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class AddSectionDto {
  @ApiProperty({ example: 'VII. KINH PHÍ THỰC HIỆN' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) heading: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100000) body?: string;
  @ApiPropertyOptional({ description: 'Chèn sau mục có khóa này (bỏ trống: cuối văn bản)' }) @IsOptional() @IsString() @MaxLength(64) afterKey?: string;
}

export class UpdateSectionDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) heading?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100000) body?: string;
  @ApiProperty({ description: 'Số lần sửa của mục mà bạn đang sửa (chống ghi đè)' }) @IsInt() @Min(1) rev: number;
}

export class SectionRevQueryDto {
  @ApiProperty({ description: 'Số lần sửa của mục (chống ghi đè)' }) @Type(() => Number) @IsInt() @Min(1) rev: number;
}

export class CreateCommentDto {
  @ApiProperty({ description: 'Khóa của mục được góp ý' }) @IsString() @IsNotEmpty() @MaxLength(64) sectionKey: string;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) body: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Trả lời ý kiến này' }) @IsOptional() @IsUUID() parentId?: string;
}

export class CommentQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) sectionKey?: string;
}

export class DiffQueryDto {
  @ApiProperty({ format: 'uuid', description: 'Phiên bản để so sánh (bên trái)' }) @IsUUID() against: string;
}

export class ExportQueryDto {
  @ApiProperty({ enum: ['docx', 'pdf'] }) @IsIn(['docx', 'pdf']) format: 'docx' | 'pdf';
}

export class DraftListQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiPropertyOptional({ enum: DRAFT_KINDS }) @IsOptional() @IsIn(DRAFT_KINDS) kind?: DraftKind;
}

export class PlanActivitiesQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
}

export class UpdatePlanActivityDto {
  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES }) @IsOptional() @IsIn(ACTIVITY_STATUSES) status?: ActivityStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}
