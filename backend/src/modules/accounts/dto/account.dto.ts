import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../../common/actor';
import { toBoolean, trim } from '../../../common/dto';
import { PageQuery } from '../../../common/pagination';

export class CreateAccountDto {
  @ApiProperty({ example: 'Nguyễn Thị Minh' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) fullName: string;
  @ApiProperty({ example: 'minh@donvi.gov.vn' }) @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)) @IsEmail() @MaxLength(255) email: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Bắt buộc với cán bộ và thủ trưởng đơn vị' })
  @ValidateIf((o) => o.role === 'officer' || o.role === 'unit_head' || o.unitId != null) @IsUUID() unitId?: string | null;
  @ApiPropertyOptional({ example: 'Chuyên viên' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(255) title?: string;
  @ApiProperty({ description: 'Mật khẩu ban đầu: ít nhất 10 ký tự, không phải mật khẩu phổ biến' }) @IsString() @IsNotEmpty() @MaxLength(128) password: string;
}

export class UpdateAccountDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) fullName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @ValidateIf((o) => o.unitId !== null) @IsUUID() unitId?: string | null;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(255) title?: string;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class ResetPasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) newPassword: string;
}

export class AccountQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() includeArchived?: boolean;
}

export class AccountDto {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) archivedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'Người dùng được sửa, khóa, đặt lại mật khẩu tài khoản này' }) canManage: boolean;
}

export class AccountPageDto {
  @ApiProperty({ type: [AccountDto] }) items: AccountDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
