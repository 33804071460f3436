import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/dto';
import { AGENDA_ITEM_STATUSES, MATERIAL_KINDS, type AgendaItemStatus, type MaterialKind } from '../entities/conference-agenda-item.entity';
import { PRESENCES, RSVPS, type Presence, type Rsvp } from '../entities/conference-attendance.entity';
import { DECISION_KINDS, MANUAL_DECISION_KINDS, type DecisionKind, type ManualDecisionKind } from '../entities/conference-decision.entity';
import { CONFERENCE_KINDS, CONFERENCE_STATUSES, type ConferenceKind, type ConferenceStatus } from '../entities/conference.entity';

const DATE_TIME = { message: '!phải là thời điểm hợp lệ, ví dụ 2024-04-26T08:00:00+07:00' };
const WITH_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;
const ZONE_MESSAGE = { message: '!phải ghi kèm múi giờ, ví dụ 2024-04-26T08:00:00+07:00' };

export class ConferenceGuestDto {
  @ApiProperty({ example: 'Nguyễn Thị Minh Ngọc' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(255) name: string;
  @ApiProperty({ example: 'Phó Trưởng Ban Thi đua – Khen thưởng Thành phố' }) @Transform(trim) @IsString() @MaxLength(255) title: string = '';
  @ApiProperty({ example: 'Ban Thi đua – Khen thưởng Thành phố' }) @Transform(trim) @IsString() @MaxLength(255) organization: string = '';
}

export class ConferenceAgendaItemInputDto {
  @ApiProperty({ example: 'Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2024' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiPropertyOptional({ example: 'Đồng chí Khối trưởng' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(255) presenter?: string;
  @ApiPropertyOptional({ description: 'Tóm tắt ý kiến thảo luận (đưa vào biên bản)' }) @IsOptional() @IsString() @MaxLength(20000) notes?: string;
  @ApiPropertyOptional({ enum: MATERIAL_KINDS, nullable: true, description: 'Loại tài liệu gắn kèm: phiên bản kế hoạch, phiên bản quy chế, giao ước' })
  @IsOptional() @IsIn(MATERIAL_KINDS) materialKind?: MaterialKind | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Tài liệu gắn kèm, phải thuộc cùng năm thi đua của khối' })
  @IsOptional() @IsUUID() materialId?: string | null;
}

export class UpdateConferenceAgendaItemDto extends PartialType(ConferenceAgendaItemInputDto) {}

export class ReorderConferenceAgendaDto {
  @ApiProperty({ type: [String], description: 'Mọi mục của chương trình, theo thứ tự mới' })
  @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) itemIds: string[];
}

export class CreateConferenceDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiProperty({ enum: CONFERENCE_KINDS }) @IsIn(CONFERENCE_KINDS) kind: ConferenceKind;
  @ApiProperty({ example: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @ApiProperty({ example: '2024-04-26T08:00:00+07:00', format: 'date-time' }) @IsISO8601({ strict: true }, DATE_TIME) @Matches(WITH_ZONE, ZONE_MESSAGE) startsAt: string;
  @ApiPropertyOptional({ type: String, example: '2024-04-26T11:00:00+07:00', format: 'date-time', nullable: true, description: 'Dự kiến kết thúc; phải sau thời điểm bắt đầu' })
  @IsOptional() @IsISO8601({ strict: true }, DATE_TIME) @Matches(WITH_ZONE, ZONE_MESSAGE) endsAt?: string | null;
  @ApiProperty({ example: 'Hội trường Đảng ủy Khối các cơ quan Thành phố' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) place: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Đơn vị chủ trì; bỏ trống: đơn vị khối trưởng' }) @IsOptional() @IsUUID() chairUnitId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Đơn vị đồng chủ trì; bỏ trống: đơn vị khối phó; null: không có' })
  @IsOptional() @IsUUID() coChairUnitId?: string | null;
  @ApiPropertyOptional({ example: 'Trịnh Văn Khải – Phó Bí thư Thường trực', description: 'Người chủ trì' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(255) chairName?: string;
  @ApiPropertyOptional({ description: 'Người đồng chủ trì' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(255) coChairName?: string;
  @ApiPropertyOptional({ description: 'Thư ký hội nghị' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(255) secretaryName?: string;
  @ApiPropertyOptional({ type: [ConferenceGuestDto], description: 'Khách mời, ví dụ đại diện Ban Thi đua – Khen thưởng Thành phố' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ConferenceGuestDto) guests?: ConferenceGuestDto[];
  @ApiPropertyOptional({ type: [ConferenceAgendaItemInputDto], description: 'Chương trình hội nghị, theo thứ tự' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ConferenceAgendaItemInputDto) agenda?: ConferenceAgendaItemInputDto[];
}

export class UpdateConferenceDto extends PartialType(OmitType(CreateConferenceDto, ['blockYearId', 'agenda'] as const)) {
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class ConferenceQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() blockYearId?: string;
  @ApiPropertyOptional({ enum: CONFERENCE_STATUSES }) @IsOptional() @IsIn(CONFERENCE_STATUSES) status?: ConferenceStatus;
}

export class ReplyConferenceInvitationDto {
  @ApiProperty({ enum: ['confirmed', 'declined'], description: 'Xác nhận tham dự hoặc báo vắng' }) @IsIn(['confirmed', 'declined']) response: 'confirmed' | 'declined';
  @ApiPropertyOptional({ example: 'Vũ Đức Thành – Hiệu trưởng', description: 'Người dự họp (bắt buộc khi xác nhận tham dự)' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(255) delegate?: string;
}

export class ConferenceCheckInDto {
  @ApiProperty({ enum: PRESENCES }) @IsIn(PRESENCES) presence: Presence;
  @ApiPropertyOptional({ description: 'Đại biểu dự họp; bỏ trống: người đơn vị đã đăng ký' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(255) delegateName?: string;
}

export class CreateConferenceDecisionDto {
  @ApiProperty({ format: 'uuid', description: 'Mục chương trình' }) @IsUUID() agendaItemId: string;
  @ApiProperty({ enum: MANUAL_DECISION_KINDS }) @IsIn(MANUAL_DECISION_KINDS) kind: ManualDecisionKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'Phiên bản kế hoạch/quy chế hoặc giao ước; bỏ trống: tài liệu gắn với mục chương trình' })
  @IsOptional() @IsUUID() refId?: string;
  @ApiPropertyOptional({ description: 'Nội dung quyết định/kết luận (bắt buộc với kết luận)' }) @IsOptional() @IsString() @MaxLength(20000) text?: string;
  @ApiPropertyOptional({ description: 'Lý do thông qua khi dự thảo còn góp ý chưa xử lý (bắt buộc trong trường hợp đó; ghi vào nhật ký)' })
  @IsOptional() @IsString() @MaxLength(2000) @Matches(/^[^\u0000]*$/, { message: '!không được chứa ký tự NUL' }) reason?: string;
}

export class CloseConferenceDto {
  @ApiPropertyOptional({ description: 'Kết luận chung của hội nghị (nếu có)' }) @IsOptional() @IsString() @MaxLength(20000) conclusion?: string;
}

// ---- responses ----

export class ConferenceQuorumDto {
  @ApiProperty({ description: 'Số đơn vị thành viên' }) members: number;
  @ApiProperty({ description: 'Số đơn vị có mặt' }) present: number;
  @ApiProperty({ description: 'Số đơn vị có mặt tối thiểu' }) needed: number;
  @ApiProperty({ description: 'Đủ điều kiện tiến hành' }) met: boolean;
  @ApiProperty({ example: 2 }) numerator: number;
  @ApiProperty({ example: 3 }) denominator: number;
}

export class ConferenceAgendaItemDto {
  @ApiProperty() id: string;
  @ApiProperty() sort: number;
  @ApiProperty() title: string;
  @ApiProperty() presenter: string;
  @ApiProperty() notes: string;
  @ApiProperty({ type: String, enum: MATERIAL_KINDS, nullable: true }) materialKind: MaterialKind | null;
  @ApiProperty({ type: String, nullable: true }) materialId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Tên tài liệu gắn kèm' }) materialTitle: string | null;
  @ApiProperty({ enum: AGENDA_ITEM_STATUSES }) status: AgendaItemStatus;
}

export class ConferenceAttendanceDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() unitShortName: string;
  @ApiProperty({ type: String, nullable: true, enum: ['leader', 'deputy'] }) seat: 'leader' | 'deputy' | null;
  @ApiProperty({ enum: RSVPS }) rsvp: Rsvp;
  @ApiProperty() rsvpDelegate: string;
  @ApiProperty({ type: String, nullable: true }) rsvpByName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) rsvpAt: string | null;
  @ApiProperty({ type: String, nullable: true, enum: PRESENCES }) presence: Presence | null;
  @ApiProperty() delegateName: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) checkedInAt: string | null;
}

export class ConferenceDecisionDto {
  @ApiProperty() id: string;
  @ApiProperty() agendaItemId: string;
  @ApiProperty({ enum: DECISION_KINDS }) kind: DecisionKind;
  @ApiProperty({ type: String, nullable: true }) refId: string | null;
  @ApiProperty() text: string;
  @ApiProperty() presentCount: number;
  @ApiProperty() memberCount: number;
  @ApiProperty() quorumMet: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) createdByName: string | null;
}

export class ConferencePermissionsDto {
  @ApiProperty({ description: 'Khối trưởng/khối phó: sửa, điều hành hội nghị, lập và thông qua biên bản' }) canRun: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Đơn vị mà người dùng được xác nhận tham dự thay' }) canReplyForUnitId: string | null;
}

export class ConferenceSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: CONFERENCE_KINDS }) kind: ConferenceKind;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endsAt: string | null;
  @ApiProperty() place: string;
  @ApiProperty({ enum: CONFERENCE_STATUSES }) status: ConferenceStatus;
  @ApiProperty() chairUnitName: string;
  @ApiProperty({ description: 'Số đơn vị đã xác nhận tham dự' }) confirmedCount: number;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: String, nullable: true, enum: ['draft', 'approved'] }) minutesStatus: 'draft' | 'approved' | null;
}

export class UpcomingConferenceDto extends ConferenceSummaryDto {
  @ApiProperty({ type: String, nullable: true, description: 'Đơn vị của người dùng (được mời)' }) myUnitId: string | null;
  @ApiProperty({ type: String, nullable: true, enum: RSVPS, description: 'Trả lời của đơn vị mình' }) myRsvp: Rsvp | null;
  @ApiProperty({ type: String, nullable: true }) myDelegate: string | null;
}

export class ConferenceDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() blockCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Trạng thái năm thi đua' }) yearStatus: string;
  @ApiProperty({ enum: CONFERENCE_KINDS }) kind: ConferenceKind;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endsAt: string | null;
  @ApiProperty() place: string;
  @ApiProperty() chairUnitId: string;
  @ApiProperty() chairUnitName: string;
  @ApiProperty({ type: String, nullable: true }) coChairUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) coChairUnitName: string | null;
  @ApiProperty() chairName: string;
  @ApiProperty() coChairName: string;
  @ApiProperty() secretaryName: string;
  @ApiProperty({ type: [ConferenceGuestDto] }) guests: ConferenceGuestDto[];
  @ApiProperty({ enum: CONFERENCE_STATUSES }) status: ConferenceStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) openedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
  @ApiProperty() conclusion: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: [ConferenceAgendaItemDto] }) agenda: ConferenceAgendaItemDto[];
  @ApiProperty({ type: [ConferenceAttendanceDto], description: 'Giấy mời và điểm danh của từng đơn vị thành viên' }) attendance: ConferenceAttendanceDto[];
  @ApiProperty({ type: ConferenceQuorumDto }) quorum: ConferenceQuorumDto;
  @ApiProperty({ type: [ConferenceDecisionDto] }) decisions: ConferenceDecisionDto[];
  @ApiProperty({ type: String, nullable: true, enum: ['draft', 'approved'] }) minutesStatus: 'draft' | 'approved' | null;
  @ApiProperty({ type: ConferencePermissionsDto }) permissions: ConferencePermissionsDto;
}
