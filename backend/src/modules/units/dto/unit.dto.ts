import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { toBoolean, trim } from '../../../common/dto';
import { PageQuery } from '../../../common/pagination';

export class CreateUnitDto {
  @ApiProperty({ example: 'Trường Đào tạo cán bộ Lê Hồng Phong' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) name: string;
  @ApiProperty({ example: 'Trường ĐTCB Lê Hồng Phong' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) shortName: string;
  @ApiPropertyOptional({ example: 'UBND thành phố Hà Nội' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(255) parentAgency?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional({ example: '024 3825 1234' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(32)
  @Matches(/^[0-9+().\s-]*$/, { message: '!chỉ gồm chữ số, dấu cách và + ( ) . -' }) phone?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @ValidateIf((o) => o.email !== '') @IsEmail() @MaxLength(255) email?: string;
}

export class UpdateUnitDto extends PartialType(CreateUnitDto) {
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class UnitQueryDto extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() blockId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() includeArchived?: boolean;
}

export class UnitMembershipDto {
  @ApiProperty() blockId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() year: number;
}

export class UnitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
  @ApiProperty() parentAgency: string;
  @ApiProperty() address: string;
  @ApiProperty() phone: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) archivedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: UnitMembershipDto, nullable: true, description: 'Khối của năm gần nhất' }) latestMembership: UnitMembershipDto | null;
  @ApiProperty({ description: 'Người dùng được sửa đơn vị này: Ban TĐKT mọi thông tin, cán bộ và thủ trưởng đơn vị thông tin liên hệ của đơn vị mình' }) canUpdate: boolean;
}

export class UnitPageDto {
  @ApiProperty({ type: [UnitDto] }) items: UnitDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
