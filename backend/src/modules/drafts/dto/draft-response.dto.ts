import { ApiProperty } from '@nestjs/swagger';
import { RuleSetDto } from '../../block-years/dto/block-year.dto';
import { ACTIVITY_STATUSES, type ActivityStatus, DRAFT_KINDS, DRAFT_STATUSES, type DraftKind, type DraftStatus, MOVEMENT_KINDS, type MovementKind } from '../draft-content';

export class DraftSectionDto {
  @ApiProperty() key: string;
  @ApiProperty() heading: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'Số lần sửa của mục; gửi lại khi sửa' }) rev: number;
  @ApiProperty({ type: String, nullable: true, description: 'Người sửa mục gần nhất' }) updatedByName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt: string | null;
  @ApiProperty() commentCount: number;
  @ApiProperty({ description: 'Ý kiến gốc chưa xử lý' }) openCommentCount: number;
}

export class PlanActivityDataDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ type: String, nullable: true }) ownerUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerUnitName: string | null;
  @ApiProperty() notes: string;
}

export class PlanMovementDataDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: MOVEMENT_KINDS }) kind: MovementKind;
  @ApiProperty() title: string;
  @ApiProperty() period: string;
  @ApiProperty() goal: string;
}

export class PlanCommemorationDataDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() notes: string;
}

export class PlanFieldTripDataDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() place: string;
  @ApiProperty() period: string;
  @ApiProperty({ type: String, nullable: true }) ownerUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerUnitName: string | null;
  @ApiProperty() notes: string;
}

export class PlanDataDto {
  @ApiProperty() theme: string;
  @ApiProperty() slogan: string;
  @ApiProperty({ type: [PlanActivityDataDto] }) activities: PlanActivityDataDto[];
  @ApiProperty({ type: [PlanMovementDataDto] }) movements: PlanMovementDataDto[];
  @ApiProperty({ type: [PlanCommemorationDataDto] }) commemorations: PlanCommemorationDataDto[];
  @ApiProperty({ type: [PlanFieldTripDataDto] }) fieldTrips: PlanFieldTripDataDto[];
}

export class DraftVersionPermissionsDto {
  @ApiProperty({ description: 'Sửa nội dung (phiên bản đang soạn, đơn vị Khối trưởng/Khối phó)' }) canEdit: boolean;
  @ApiProperty({ description: 'Gửi xin ý kiến' }) canCirculate: boolean;
  @ApiProperty({ description: 'Tạo phiên bản chỉnh sửa tiếp theo' }) canRevise: boolean;
  @ApiProperty({ description: 'Góp ý (phiên bản đang xin ý kiến)' }) canComment: boolean;
  @ApiProperty({ description: 'Đánh dấu ý kiến đã xử lý' }) canResolve: boolean;
}

export class DraftVersionDto {
  @ApiProperty() id: string;
  @ApiProperty() documentId: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() year: number;
  @ApiProperty() blockName: string;
  @ApiProperty({ enum: DRAFT_KINDS }) kind: DraftKind;
  @ApiProperty({ example: '01/KH-KTĐ4' }) docNumber: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: DRAFT_STATUSES }) status: DraftStatus;
  @ApiProperty() title: string;
  @ApiProperty({ type: [DraftSectionDto] }) sections: DraftSectionDto[];
  @ApiProperty({ type: PlanDataDto, nullable: true }) plan: PlanDataDto | null;
  @ApiProperty({ type: RuleSetDto, nullable: true }) ruleSet: RuleSetDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 nội dung (khi gửi xin ý kiến, khi thông qua)' }) contentHash: string | null;
  @ApiProperty({ type: String, nullable: true }) basedOnId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) createdByName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) circulatedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) circulatedByName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) adoptedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) adoptedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) adoptedConferenceId: string | null;
  @ApiProperty({ description: 'Phiên bản bản ghi (tiêu đề, dữ liệu kế hoạch, bộ quy tắc)' }) version: number;
  @ApiProperty({ type: DraftVersionPermissionsDto }) permissions: DraftVersionPermissionsDto;
}

export class DraftVersionSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: DRAFT_STATUSES }) status: DraftStatus;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) circulatedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) adoptedAt: string | null;
  @ApiProperty() commentCount: number;
  @ApiProperty() openCommentCount: number;
}

export class DraftDocumentDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty({ enum: DRAFT_KINDS }) kind: DraftKind;
  @ApiProperty() docNumber: string;
  @ApiProperty({ type: [DraftVersionSummaryDto], description: 'Các phiên bản người dùng được xem, mới nhất trước' }) versions: DraftVersionSummaryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Phiên bản mới nhất người dùng được xem' }) latestVersionId: string | null;
  @ApiProperty({ type: String, nullable: true }) adoptedVersionId: string | null;
}

export class DraftListPermissionsDto {
  @ApiProperty({ description: 'Được tạo kế hoạch/quy chế của năm' }) canCreate: boolean;
}

export class DraftDocumentListDto {
  @ApiProperty({ type: [DraftDocumentDto] }) items: DraftDocumentDto[];
  @ApiProperty({ type: DraftListPermissionsDto }) permissions: DraftListPermissionsDto;
}

export class DraftCommentDto {
  @ApiProperty() id: string;
  @ApiProperty() versionId: string;
  @ApiProperty() sectionKey: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty() authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) resolvedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedByName: string | null;
  @ApiProperty({ type: () => [DraftCommentDto], description: 'Các trả lời, cũ trước' }) replies: DraftCommentDto[];
}

export class DiffRowDto {
  @ApiProperty({ enum: ['same', 'changed', 'added', 'removed'] }) kind: 'same' | 'changed' | 'added' | 'removed';
  @ApiProperty({ type: String, nullable: true }) left: string | null;
  @ApiProperty({ type: String, nullable: true }) right: string | null;
  @ApiProperty({ type: Number, nullable: true }) leftNo: number | null;
  @ApiProperty({ type: Number, nullable: true }) rightNo: number | null;
}

export class SectionDiffDto {
  @ApiProperty({ description: 'Khóa mục; "@plan.*", "@rules.ruleSet" là phần dữ liệu có cấu trúc' }) key: string;
  @ApiProperty({ type: String, nullable: true }) leftHeading: string | null;
  @ApiProperty({ type: String, nullable: true }) rightHeading: string | null;
  @ApiProperty({ enum: ['unchanged', 'changed', 'added', 'removed'] }) status: 'unchanged' | 'changed' | 'added' | 'removed';
  @ApiProperty({ type: [DiffRowDto] }) rows: DiffRowDto[];
}

export class DiffSummaryDto {
  @ApiProperty() added: number;
  @ApiProperty() removed: number;
  @ApiProperty() changed: number;
  @ApiProperty() unchanged: number;
}

export class DraftDiffDto {
  @ApiProperty() leftVersionId: string;
  @ApiProperty() leftNumber: number;
  @ApiProperty() rightVersionId: string;
  @ApiProperty() rightNumber: number;
  @ApiProperty({ type: [SectionDiffDto] }) sections: SectionDiffDto[];
  @ApiProperty({ type: DiffSummaryDto }) summary: DiffSummaryDto;
}

export class PlanActivityDto {
  @ApiProperty() id: string;
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ type: String, nullable: true }) ownerUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerUnitName: string | null;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status: ActivityStatus;
  @ApiProperty() notes: string;
  @ApiProperty() sort: number;
  @ApiProperty({ description: 'Đã quá ngày kết thúc mà chưa xong' }) overdue: boolean;
  @ApiProperty() version: number;
}

export class PlanProgressDto {
  @ApiProperty() blockYearId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Phiên bản kế hoạch đã thông qua' }) versionId: string | null;
  @ApiProperty() total: number;
  @ApiProperty() planned: number;
  @ApiProperty() inProgress: number;
  @ApiProperty() done: number;
  @ApiProperty() cancelled: number;
  @ApiProperty({ description: 'Tỷ lệ hoàn thành (%) trên các hoạt động không bị hủy' }) percentDone: number;
  @ApiProperty({ type: [PlanActivityDto] }) items: PlanActivityDto[];
  @ApiProperty({ description: 'Được cập nhật trạng thái hoạt động' }) canUpdate: boolean;
}
