import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/dto';
import { NODE_TYPES, type NodeType } from '@thidua/rules';
import { COUNT_SOURCES, type CountSource } from '../scheme-tree';

// ------------------------------------------------------------------------------------------ requests

export class SchemeQueryDto {
  @ApiProperty({ format: 'uuid', description: 'Năm thi đua của khối' }) @IsUUID() blockYearId: string;
}

export class CreateSchemeDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiPropertyOptional({ example: 'Biểu chấm điểm thi đua năm 2025', description: 'Bỏ trống: lấy theo biểu được sao chép hoặc tên mặc định' })
  @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ example: 100, description: 'Tổng điểm của biểu; bỏ trống: theo biểu được sao chép hoặc thang điểm của bộ quy tắc' })
  @IsOptional() @IsNumber() totalMax?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Sao chép cây tiêu chí từ một biểu của cùng khối (phiên bản mới cho đợt/năm sau)' })
  @IsOptional() @IsUUID() copyFromSchemeId?: string;
}

export class UpdateSchemeDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ example: 100 }) @IsOptional() @IsNumber() totalMax?: number;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class AdjustmentItemDto {
  @ApiPropertyOptional({ description: 'Mã khoản; bỏ trống khi thêm mới' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) id?: string;
  @ApiProperty({ example: 'Được tặng Cờ thi đua của UBND Thành phố năm trước' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiProperty({ example: 10, description: 'Điểm mỗi lần (số dương, kể cả với điểm trừ)' }) @IsNumber() points: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Mức trần của khoản; bỏ trống: chỉ mức trần của mục' }) @IsOptional() @IsNumber() cap?: number | null;
}

export class CreateCriterionDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Nhóm cha; bỏ trống: cấp cao nhất' }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiProperty({ enum: NODE_TYPES }) @IsIn(NODE_TYPES) type: NodeType;
  @ApiProperty({ example: 'I.2.a' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(32) code: string;
  @ApiProperty({ example: 'Tổ chức phát động phong trào thi đua' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(1000) title: string;
  @ApiPropertyOptional({ description: 'Hướng dẫn chấm' }) @IsOptional() @IsString() @MaxLength(5000) guidance?: string;
  @ApiProperty({ example: 10, description: 'Điểm tối đa (mục thưởng/trừ: mức trần)' }) @IsNumber() max: number;
  @ApiPropertyOptional({ description: 'Bắt buộc có minh chứng' }) @IsOptional() @IsBoolean() evidenceRequired?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Điểm mỗi lần (loại tính theo số lần)' }) @IsOptional() @IsNumber() pointsPerOccurrence?: number | null;
  @ApiPropertyOptional({ enum: COUNT_SOURCES, nullable: true, description: 'Loại tính theo số lần: lấy số lần từ các bài đã đăng của đơn vị trong năm (news: tin hoạt động, story: gương điển hình, both: cả hai); bỏ trống: đơn vị tự nhập' })
  @IsOptional() @IsIn(COUNT_SOURCES) countSource?: CountSource | null;
  @ApiPropertyOptional({ description: 'Đơn vị tính (loại theo chỉ tiêu)', example: 'hồ sơ' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(64) measure?: string;
  @ApiPropertyOptional({ type: [AdjustmentItemDto], description: 'Các khoản của mục thưởng/trừ' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AdjustmentItemDto) items?: AdjustmentItemDto[];
  @ApiPropertyOptional({ type: [String], description: 'Đơn vị không áp dụng tiêu chí này' })
  @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(100) @IsUUID('all', { each: true }) notApplicableUnitIds?: string[];
  @ApiPropertyOptional({ description: 'Vị trí trong nhóm (0 = đầu); bỏ trống: cuối nhóm' }) @IsOptional() @IsInt() @Min(0) position?: number;
}

export class UpdateCriterionDto {
  @ApiPropertyOptional({ enum: NODE_TYPES }) @IsOptional() @IsIn(NODE_TYPES) type?: NodeType;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(32) code?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(1000) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) guidance?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber() max?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() evidenceRequired?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsNumber() pointsPerOccurrence?: number | null;
  @ApiPropertyOptional({ enum: COUNT_SOURCES, nullable: true, description: 'Loại tính theo số lần: lấy số lần từ các bài đã đăng của đơn vị trong năm (news: tin hoạt động, story: gương điển hình, both: cả hai); bỏ trống: đơn vị tự nhập' })
  @IsOptional() @IsIn(COUNT_SOURCES) countSource?: CountSource | null;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(64) measure?: string;
  @ApiPropertyOptional({ type: [AdjustmentItemDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AdjustmentItemDto) items?: AdjustmentItemDto[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayUnique() @ArrayMaxSize(100) @IsUUID('all', { each: true }) notApplicableUnitIds?: string[];
  @ApiProperty({ description: 'Phiên bản của tiêu chí đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class MoveCriterionDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Nhóm cha mới; null: cấp cao nhất' }) @IsOptional() @IsUUID() parentId: string | null;
  @ApiProperty({ description: 'Vị trí mới trong nhóm (0 = đầu)' }) @IsInt() @Min(0) position: number;
  @ApiProperty({ description: 'Phiên bản của tiêu chí' }) @IsInt() @Min(1) version: number;
}

export class VersionQueryDto {
  @ApiProperty({ description: 'Phiên bản của tiêu chí' }) @Type(() => Number) @IsInt() @Min(1) version: number;
}

// ----------------------------------------------------------------------------------------- responses

export class AdjustmentItemResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() points: number;
  @ApiProperty({ type: Number, nullable: true }) cap: number | null;
}

export class CriterionDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() guidance: string;
  @ApiProperty({ enum: NODE_TYPES }) type: NodeType;
  @ApiProperty({ description: 'Điểm tối đa (mục thưởng/trừ: mức trần)' }) max: number;
  @ApiProperty({ description: 'Thứ tự trong nhóm (1 = đầu)' }) order: number;
  @ApiProperty({ description: 'Cấp trong cây (0 = cấp cao nhất)' }) depth: number;
  @ApiProperty() evidenceRequired: boolean;
  @ApiProperty({ type: Number, nullable: true }) pointsPerOccurrence: number | null;
  @ApiProperty({ enum: COUNT_SOURCES, nullable: true, description: 'Số lần lấy tự động từ các bài đã đăng (news, story, both); null: đơn vị tự nhập' }) countSource: CountSource | null;
  @ApiProperty() measure: string;
  @ApiProperty({ type: [AdjustmentItemResponseDto] }) items: AdjustmentItemResponseDto[];
  @ApiProperty({ type: [String] }) notApplicableUnitIds: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Nhóm: tổng điểm tối đa của các tiêu chí con (tính trực tiếp)' }) childrenMax: number | null;
  @ApiProperty() version: number;
}

export class SchemeProblemDto {
  @ApiProperty({ type: String, nullable: true, description: 'Mã dòng có vấn đề; null: cả biểu' }) code: string | null;
  @ApiProperty() rule: string;
  @ApiProperty() message: string;
}

export class SchemeTotalsDto {
  @ApiProperty({ description: 'Tổng điểm tối đa các mục cấp cao nhất (không gồm thưởng/trừ)' }) topLevelSum: number;
  @ApiProperty({ description: 'Tổng mức trần điểm thưởng' }) bonusMax: number;
  @ApiProperty({ description: 'Tổng mức trần điểm trừ' }) deductionMax: number;
  @ApiProperty({ description: 'Số tiêu chí (không kể nhóm)' }) leafCount: number;
}

export class SchemeRoundRefDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
}

export class SchemePermissionsDto {
  @ApiProperty({ description: 'Được sửa biểu (ghế Khối trưởng/Khối phó, biểu chưa đóng băng)' }) canEdit: boolean;
  @ApiProperty({ description: 'Được tạo phiên bản mới' }) canCreateVersion: boolean;
}

export class SchemeDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Số phiên bản trong năm' }) versionNo: number;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Tổng điểm của biểu' }) totalMax: number;
  @ApiProperty({ type: String, nullable: true }) basedOnId: string | null;
  @ApiProperty({ enum: ['draft', 'frozen'] }) status: 'draft' | 'frozen';
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) frozenAt: string | null;
  @ApiProperty({ type: [SchemeRoundRefDto], description: 'Các đợt chấm điểm dùng biểu này' }) rounds: SchemeRoundRefDto[];
  @ApiProperty({ type: SchemeTotalsDto }) totals: SchemeTotalsDto;
  @ApiProperty({ type: [CriterionDto], description: 'Cây tiêu chí theo thứ tự đọc' }) criteria: CriterionDto[];
  @ApiProperty({ type: [SchemeProblemDto], description: 'Các vấn đề còn lại (phải hết trước khi mở đợt chấm)' }) problems: SchemeProblemDto[];
  @ApiProperty({ description: 'Biểu hợp lệ, dùng được cho đợt chấm' }) valid: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ type: SchemePermissionsDto }) permissions: SchemePermissionsDto;
}

export class SchemeBaseRefDto {
  @ApiProperty() id: string;
  @ApiProperty() versionNo: number;
  @ApiProperty() year: number;
}

export class SchemeSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() versionNo: number;
  @ApiProperty() title: string;
  @ApiProperty() totalMax: number;
  @ApiProperty({ enum: ['draft', 'frozen'] }) status: 'draft' | 'frozen';
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) frozenAt: string | null;
  @ApiProperty({ description: 'Số tiêu chí (không kể nhóm)' }) criteriaCount: number;
  @ApiProperty({ type: String, nullable: true }) basedOnId: string | null;
  @ApiProperty({ type: SchemeBaseRefDto, nullable: true, description: 'Biểu được sao chép (có thể thuộc năm trước)' }) basedOn: SchemeBaseRefDto | null;
  @ApiProperty({ type: [SchemeRoundRefDto], description: 'Các đợt chấm điểm dùng biểu này' }) rounds: SchemeRoundRefDto[];
  @ApiProperty({ description: 'Biểu hợp lệ, dùng được cho đợt chấm' }) valid: boolean;
  @ApiProperty({ description: 'Số vấn đề còn lại (xem chi tiết ở biểu)' }) problemCount: number;
  @ApiProperty() version: number;
  @ApiProperty({ type: SchemePermissionsDto }) permissions: SchemePermissionsDto;
}
