import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trim } from '../../../common/dto';
import { UnitRefDto } from './ballot.dto';

const csv = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value);

export class SeatSuggestionQueryDto {
  @ApiPropertyOptional({ type: String, description: 'Thứ tự luân phiên để xem thử: các mã đơn vị thành viên, cách nhau bởi dấu phẩy' })
  @IsOptional() @Transform(csv) @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsUUID('all', { each: true }) rotationOrder?: string[];
}

export class ElectSeatsDto {
  @ApiProperty({ description: 'Hội nghị tổng kết đang diễn ra' }) @IsUUID() conferenceId: string;
  @ApiProperty({ description: 'Đơn vị Khối trưởng năm sau' }) @IsUUID() leaderUnitId: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Đơn vị Khối phó năm sau' }) @IsOptional() @IsUUID() deputyUnitId?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'Thứ tự luân phiên (tất cả đơn vị thành viên, mỗi đơn vị một lần); giữ lại cho các năm sau' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsUUID('all', { each: true }) rotationOrder?: string[];
  @ApiPropertyOptional({ description: 'Ghi chú (ví dụ kết quả biểu quyết)' }) @IsOptional() @IsString() @Transform(trim) @MaxLength(2000) note?: string;
}

export class SeatsDto {
  @ApiProperty({ type: String, nullable: true }) leaderUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) leaderUnitName: string | null;
  @ApiProperty({ type: String, nullable: true }) deputyUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) deputyUnitName: string | null;
}

export class SuggestedSeatsDto extends SeatsDto {
  @ApiProperty({ type: [String], description: 'Giải thích khi đề xuất khác luân phiên thông thường' }) notes: string[];
}

export class SeatElectionDto extends SeatsDto {
  @ApiProperty() blockYearId: string;
  @ApiProperty() conferenceId: string;
  @ApiProperty({ type: [UnitRefDto] }) rotationOrder: UnitRefDto[];
  @ApiProperty() presentCount: number;
  @ApiProperty() memberCount: number;
  @ApiProperty() note: string;
  @ApiProperty() decidedAt: string;
  @ApiProperty({ type: String, nullable: true }) decidedByName: string | null;
  @ApiProperty() version: number;
}

export class SeatSuggestionDto {
  @ApiProperty() blockYearId: string;
  @ApiProperty() year: number;
  @ApiProperty() nextYear: number;
  @ApiProperty({ type: SeatsDto, description: 'Khối trưởng, Khối phó năm nay' }) current: SeatsDto;
  @ApiProperty({ type: [UnitRefDto], description: 'Thứ tự luân phiên dùng để đề xuất' }) rotationOrder: UnitRefDto[];
  @ApiProperty({ type: SuggestedSeatsDto, description: 'Đề xuất mặc định: Khối phó lên Khối trưởng, đơn vị kế tiếp làm Khối phó' }) suggestion: SuggestedSeatsDto;
  @ApiProperty({ type: SeatElectionDto, nullable: true, description: 'Kết quả bầu của hội nghị tổng kết, nếu đã có' }) election: SeatElectionDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Năm thi đua sau, nếu đã được khởi tạo' }) nextYearId: string | null;
  @ApiProperty({ description: 'Người dùng thuộc đơn vị Khối trưởng năm nay: mở phiếu, kiểm phiếu, bầu Khối trưởng, Khối phó năm sau' }) canRunBallots: boolean;
  @ApiProperty({ description: 'Người dùng được ghi nhận kết quả bầu' }) canElect: boolean;
  @ApiProperty({ description: 'Người dùng được khởi tạo năm sau ngay bây giờ (Ban TĐKT; Khối trưởng khi hội nghị tổng kết đã bầu)' }) canStartNextYear: boolean;
}
