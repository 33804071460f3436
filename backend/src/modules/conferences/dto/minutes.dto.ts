import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow, ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/dto';
import { MINUTES_STATUSES, type MinutesStatus } from '../entities/conference-minutes.entity';
import { PRESENCES } from '../entities/conference-attendance.entity';
import type { MinutesPresence, MinutesSeat } from '../minutes';
import { ConferenceQuorumDto } from './conference.dto';

const SEATS = ['leader', 'deputy'];
const DATE_TIME = { message: '!phải là thời điểm hợp lệ, ví dụ 2024-04-26T08:00:00+07:00' };

export class MinutesPersonDto {
  @ApiProperty({ description: 'Người (họ tên, chức vụ)' }) @Transform(trim) @IsString() @MaxLength(255) person: string;
  @ApiProperty({ description: 'Đơn vị' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) unit: string;
  @ApiProperty({ type: String, nullable: true, enum: SEATS }) @IsOptional() @IsIn(SEATS) seat: MinutesSeat | null;
}

export class MinutesAttendeeDto {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) unitName: string;
  @ApiProperty({ type: String, nullable: true, enum: SEATS }) @IsOptional() @IsIn(SEATS) seat: MinutesSeat | null;
  @ApiProperty({ type: String, nullable: true, enum: PRESENCES }) @IsOptional() @IsIn(PRESENCES) presence: MinutesPresence | null;
  @ApiProperty({ description: 'Đại biểu dự họp' }) @Transform(trim) @IsString() @MaxLength(255) delegate: string;
}

export class MinutesAgendaEntryDto {
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(255) presenter: string;
  @ApiProperty({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(500) material: string | null;
  @ApiProperty({ description: 'Tóm tắt thảo luận' }) @IsString() @MaxLength(20000) discussion: string;
  @ApiProperty({ type: [String], description: 'Các quyết định, kết luận của mục' }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(5000, { each: true }) decisions: string[];
}

/** What the leader may edit in a draft: everything but the quorum, which follows the attendees. */
export class MinutesContentInputDto {
  /** Minutes read and sent back unchanged carry their quorum: accepted and ignored (it is recomputed). */
  @ApiPropertyOptional({ type: ConferenceQuorumDto, description: 'Chỉ đọc: nếu gửi kèm (như đã đọc) thì được bỏ qua; số có mặt tính lại theo danh sách đại biểu' })
  @IsOptional() @Allow() quorum?: unknown;

  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }, DATE_TIME) startedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }, DATE_TIME) endedAt: string | null;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) place: string;
  @ApiProperty({ type: MinutesPersonDto }) @ValidateNested() @Type(() => MinutesPersonDto) chair: MinutesPersonDto;
  @ApiProperty({ type: MinutesPersonDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => MinutesPersonDto) coChair: MinutesPersonDto | null;
  @ApiProperty() @Transform(trim) @IsString() @MaxLength(255) secretary: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(1000, { each: true }) guests: string[];
  @ApiProperty({ type: [MinutesAttendeeDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => MinutesAttendeeDto) attendees: MinutesAttendeeDto[];
  @ApiProperty({ type: [MinutesAgendaEntryDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MinutesAgendaEntryDto) agenda: MinutesAgendaEntryDto[];
  @ApiProperty() @IsString() @MaxLength(20000) conclusion: string;
}

export class MinutesContentDto extends MinutesContentInputDto {
  @ApiProperty({ type: ConferenceQuorumDto, required: true }) override quorum: ConferenceQuorumDto;
}

export class UpdateMinutesDto {
  @ApiProperty({ type: MinutesContentInputDto }) @ValidateNested() @Type(() => MinutesContentInputDto) content: MinutesContentInputDto;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class RedraftMinutesDto {
  @ApiProperty({ description: 'Phiên bản đang xem (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class ApproveMinutesDto {
  @ApiProperty({ enum: ['chair', 'secretary'], description: 'Thông qua với tư cách chủ trì hay thư ký' }) @IsIn(['chair', 'secretary']) as: 'chair' | 'secretary';
  @ApiProperty({ description: 'Phiên bản biên bản đã đọc (chống thông qua nhầm nội dung cũ)' }) @IsInt() @Min(1) version: number;
}

export class MinutesExportQueryDto {
  @ApiProperty({ enum: ['docx', 'pdf'] }) @IsIn(['docx', 'pdf']) format: 'docx' | 'pdf';
}

export class MinutesApprovalDto {
  @ApiProperty() accountId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ConferenceMinutesDto {
  @ApiProperty() conferenceId: string;
  @ApiProperty({ example: '01/BB-KTĐ4' }) number: string;
  @ApiProperty({ enum: MINUTES_STATUSES }) status: MinutesStatus;
  @ApiProperty({ type: MinutesContentDto }) content: MinutesContentDto;
  @ApiProperty({ type: MinutesApprovalDto, nullable: true, description: 'Chủ trì đã thông qua' }) chairApproval: MinutesApprovalDto | null;
  @ApiProperty({ type: MinutesApprovalDto, nullable: true, description: 'Thư ký đã thông qua' }) secretaryApproval: MinutesApprovalDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 nội dung khi đã thông qua' }) contentHash: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Người dùng được sửa biên bản' }) canEdit: boolean;
  @ApiProperty({ enum: ['chair', 'secretary'], isArray: true, description: 'Vai trò người dùng được thông qua: chỉ người biên bản ghi là chủ trì, thư ký' }) canApproveAs: ('chair' | 'secretary')[];
}

