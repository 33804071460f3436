import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { trim, toBoolean } from '../../../common/dto';
import { PageQuery } from '../../../common/pagination';
import { BLOCK_KINDS, type BlockKind } from '../entities/block.entity';


export class CreateBlockDto {
  @ApiProperty({ example: 'KTĐ4', description: 'Mã khối, dùng trong số hiệu văn bản' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(32) @Matches(/^[\p{L}\d.\-_]+$/u, { message: '!chỉ gồm chữ, số, dấu chấm, gạch ngang' })
  code: string;

  @ApiProperty({ example: 'Khối thi đua số 4' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) name: string;
  @ApiProperty({ enum: BLOCK_KINDS }) @IsIn(BLOCK_KINDS) kind: BlockKind;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

export class UpdateBlockDto extends PartialType(CreateBlockDto) {
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class BlockQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: BLOCK_KINDS }) @IsOptional() @IsIn(BLOCK_KINDS) kind?: BlockKind;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() includeArchived?: boolean;
}

export class BlockDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: BLOCK_KINDS }) kind: BlockKind;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) archivedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Năm gần nhất đã thiết lập' }) latestYear: number | null;
  @ApiProperty({ description: 'Số đơn vị thành viên năm gần nhất' }) memberCount: number;
  @ApiProperty({ type: String, nullable: true }) leaderUnitName: string | null;
}

export class BlockPageDto {
  @ApiProperty({ type: [BlockDto] }) items: BlockDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
