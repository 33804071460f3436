import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { trim } from '../../../common/dto';
import { COVENANT_STATUSES, type CovenantStatus } from '../covenant-rules';

// ─── Requests ────────────────────────────────────────────────────────────────────────────────────

export class CovenantListQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
}

export class CreateCovenantDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiPropertyOptional({ example: 'Giao ước thi đua năm 2025' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
}

export class UpdateCovenantDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ type: [String], description: 'Mục tiêu chung' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(2000, { each: true }) goals?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Nội dung cam kết' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(2000, { each: true }) commitments?: string[];
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class CovenantTargetInputDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() unitId: string;
  @ApiProperty({ example: 'Số đảng viên mới kết nạp' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) indicator: string;
  @ApiProperty({ example: 'đảng viên' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) unitOfMeasure: string;
  @ApiProperty({ example: 120 }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(999999999999) targetValue: number;
}

export class SetCovenantTargetsDto {
  @ApiProperty({ type: [CovenantTargetInputDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => CovenantTargetInputDto) targets: CovenantTargetInputDto[];
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class SignCovenantDto {
  @ApiProperty({ description: 'Mật khẩu của thủ trưởng (nhập lại để xác nhận ký)' }) @IsString() @IsNotEmpty() @MaxLength(128) password: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Đơn vị ký (mặc định: đơn vị của người ký)' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ description: 'SHA-256 nội dung mà người ký đã đọc; từ chối nếu khác bản đang mở ký' }) @IsOptional() @Matches(/^[0-9a-f]{64}$/, { message: '!phải là chuỗi SHA-256 (64 ký tự hex thường)' }) contentHash?: string;
}

export class VerifyCovenantDto {
  @ApiPropertyOptional({ description: 'SHA-256 của tệp hoặc của nội dung (in ở chân trang)' }) @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)) @Matches(/^[0-9a-f]{64}$/, { message: '!phải là chuỗi SHA-256 (64 ký tự hex)' }) sha256?: string;
}

export class CovenantExportQueryDto {
  @ApiProperty({ enum: ['docx', 'pdf'] }) @IsIn(['docx', 'pdf']) format: 'docx' | 'pdf';
}

// ─── Responses ───────────────────────────────────────────────────────────────────────────────────

export class CovenantTargetDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() indicator: string;
  @ApiProperty() unitOfMeasure: string;
  @ApiProperty() targetValue: number;
  @ApiProperty() sort: number;
}

export class CovenantSignatureDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() signerId: string;
  @ApiProperty() signerName: string;
  @ApiProperty() signerTitle: string;
  @ApiProperty({ format: 'date-time' }) signedAt: string;
  @ApiProperty() ip: string;
  @ApiProperty() userAgent: string;
  @ApiProperty() contentHash: string;
}

export const UNIT_SIGNING_STATES = ['signed', 'waiting', 'waits_for_members', 'not_open', 'closed'] as const;
export type UnitSigningState = (typeof UNIT_SIGNING_STATES)[number];

export class CovenantUnitProgressDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: 'Đơn vị Khối trưởng (ký sau cùng)' }) isLeader: boolean;
  @ApiProperty({ enum: UNIT_SIGNING_STATES, description: 'signed: đã ký; waiting: đang chờ ký; waits_for_members: Khối trưởng chờ các đơn vị ký trước; not_open: chưa mở ký; closed: không còn ký' }) state: UnitSigningState;
  @ApiProperty({ type: String, nullable: true }) signerName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) signedAt: string | null;
}

export class CovenantPermissionsDto {
  @ApiProperty({ description: 'Sửa nội dung, chỉ tiêu (bản dự thảo)' }) canEdit: boolean;
  @ApiProperty({ description: 'Người dùng là thủ trưởng một đơn vị thành viên, ký thay mặt đơn vị' }) isSigner: boolean;
  @ApiProperty({ description: 'Người dùng có thể ký ngay bây giờ' }) canSign: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Lý do chưa ký được (nếu là thủ trưởng đơn vị thành viên)' }) signBlockedReason: string | null;
  @ApiProperty({ description: 'Tạo bản sửa đổi' }) canAmend: boolean;
}

export class CovenantDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() year: number;
  @ApiProperty() blockName: string;
  @ApiProperty() number: number;
  @ApiProperty({ example: '01/GU-KTĐ4' }) docNumber: string;
  @ApiProperty({ enum: COVENANT_STATUSES }) status: CovenantStatus;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) goals: string[];
  @ApiProperty({ type: [String] }) commitments: string[];
  @ApiProperty({ type: [CovenantTargetDto] }) targets: CovenantTargetDto[];
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 nội dung (khi mở ký)' }) contentHash: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 tệp PDF lưu khi có hiệu lực' }) documentSha256: string | null;
  @ApiProperty({ type: String, nullable: true }) basedOnPlanVersionId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) openedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) openedConferenceId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) inForceAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Giao ước được sửa đổi bởi bản này' }) amendsId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Bản sửa đổi của giao ước này' }) amendedById: string | null;
  @ApiProperty({ type: [CovenantSignatureDto] }) signatures: CovenantSignatureDto[];
  @ApiProperty({ type: [CovenantUnitProgressDto], description: 'Bảng tiến độ ký: thành viên trước, Khối trưởng cuối' }) progress: CovenantUnitProgressDto[];
  @ApiProperty() signedCount: number;
  @ApiProperty() memberCount: number;
  @ApiProperty() version: number;
  @ApiProperty({ type: CovenantPermissionsDto }) permissions: CovenantPermissionsDto;
}

export class CovenantSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty() docNumber: string;
  @ApiProperty({ enum: COVENANT_STATUSES }) status: CovenantStatus;
  @ApiProperty() title: string;
  @ApiProperty() signedCount: number;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) openedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) inForceAt: string | null;
  @ApiProperty({ type: String, nullable: true }) amendsId: string | null;
}

export class CovenantListPermissionsDto {
  @ApiProperty({ description: 'Được soạn giao ước mới (khi chưa có bản nào đang soạn, đang ký hoặc có hiệu lực)' }) canCreate: boolean;
}

export class CovenantListDto {
  @ApiProperty({ type: [CovenantSummaryDto] }) items: CovenantSummaryDto[];
  @ApiProperty({ type: CovenantListPermissionsDto }) permissions: CovenantListPermissionsDto;
}

export class SigningEventDto extends CovenantSignatureDto {
  @ApiProperty({ description: 'Thứ tự ký' }) order: number;
}

export class CovenantCertificateDto {
  @ApiProperty() covenantId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() year: number;
  @ApiProperty() number: number;
  @ApiProperty() docNumber: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: COVENANT_STATUSES }) status: CovenantStatus;
  @ApiProperty({ description: 'SHA-256 nội dung đã ký' }) contentHash: string;
  @ApiProperty({ description: 'SHA-256 tệp PDF lưu khi có hiệu lực' }) documentSha256: string;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ format: 'date-time' }) inForceAt: string;
  @ApiProperty({ type: [SigningEventDto] }) events: SigningEventDto[];
}

export class VerifiedCovenantDto {
  @ApiProperty() id: string;
  @ApiProperty() blockName: string;
  @ApiProperty() blockCode: string;
  @ApiProperty() year: number;
  @ApiProperty() number: number;
  @ApiProperty() docNumber: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: COVENANT_STATUSES }) status: CovenantStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) inForceAt: string | null;
}

export class VerifyResultDto {
  @ApiProperty({ description: 'SHA-256 đã kiểm tra' }) sha256: string;
  @ApiProperty({ description: 'Trùng với một giao ước đã mở ký' }) matched: boolean;
  @ApiProperty({ type: String, nullable: true, enum: ['document', 'content'], description: 'document: trùng tệp PDF lưu trữ; content: trùng mã nội dung' }) matchedBy: 'document' | 'content' | null;
  @ApiProperty({ description: 'Giao ước khớp đang có hiệu lực' }) inForce: boolean;
  @ApiProperty({ type: VerifiedCovenantDto, nullable: true }) covenant: VerifiedCovenantDto | null;
  @ApiProperty() message: string;
}

/** A unit's target from the covenant in force (scoring uses these for `target` criteria). */
export interface TargetInForce {
  covenantId: string;
  unitId: string;
  unitName: string;
  indicator: string;
  unitOfMeasure: string;
  targetValue: number;
}
