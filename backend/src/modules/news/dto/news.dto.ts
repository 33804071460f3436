import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/dto';
import { PageQuery } from '../../../common/pagination';
import { NEWS_KINDS, SUBJECT_KINDS, type NewsKind, type NewsStatus, type SubjectKind } from '../news-rules';

/** No NUL character (PostgreSQL text cannot hold it). */
const NO_NUL = /^[^\u0000]*$/;
const noNul = { message: '!không được chứa ký tự NUL' };
const KEY = /^[A-Za-z0-9_.:-]{1,64}$/;
const STATUSES: NewsStatus[] = ['draft', 'submitted', 'returned', 'published'];

// ─── Requests ────────────────────────────────────────────────────────────────────────────────────

export class NewsListQueryDto extends PageQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Chỉ tin, bài của đơn vị này' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: NEWS_KINDS }) @IsOptional() @IsIn(NEWS_KINDS) kind?: NewsKind;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: NewsStatus;
}

export class NewsFieldsDto {
  /** Set by the subclasses: required on create, optional on update. */
  title?: string;
  @ApiPropertyOptional({ description: 'Tóm tắt (mô tả khi chia sẻ); để trống thì lấy từ nội dung' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(600) @Matches(NO_NUL, noNul) summary?: string;
  @ApiPropertyOptional({ description: 'Nội dung HTML (máy chủ lọc theo danh sách thẻ cho phép)' }) @IsOptional() @IsString() @MaxLength(200_000) @Matches(NO_NUL, noNul) bodyHtml?: string;
  @ApiPropertyOptional({ example: 'Tin và ảnh: Nguyễn Thị Thanh Hương' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(300) @Matches(NO_NUL, noNul) authorLine?: string;
  @ApiPropertyOptional({ enum: SUBJECT_KINDS, type: String, nullable: true, description: 'Gương điển hình: cá nhân hay tập thể' }) @IsOptional() @IsIn(SUBJECT_KINDS) subjectKind?: SubjectKind | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Tên cá nhân / tập thể điển hình' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(300) @Matches(NO_NUL, noNul) subjectName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Ngày diễn ra (yyyy-mm-dd)' }) @IsOptional() @IsDateString({ strict: true }) eventDate?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Mã phong trào trong kế hoạch của khối' }) @IsOptional() @Matches(KEY, { message: '!không phải mã phong trào hợp lệ' }) movementKey?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Mã hoạt động trong kế hoạch của khối' }) @IsOptional() @Matches(KEY, { message: '!không phải mã hoạt động hợp lệ' }) activityKey?: string | null;
}

export class CreateNewsDto extends NewsFieldsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiProperty({ enum: NEWS_KINDS }) @IsIn(NEWS_KINDS) kind: NewsKind;
  @ApiProperty({ example: 'Hội nghị triển khai kế hoạch thi đua năm 2024' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(300) @Matches(NO_NUL, noNul) override title: string;
}

export class UpdateNewsDto extends NewsFieldsDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(300) @Matches(NO_NUL, noNul) override title?: string;
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class ReturnNewsDto {
  @ApiProperty({ description: 'Lý do trả lại để đơn vị sửa' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(1000) @Matches(NO_NUL, noNul) reason: string;
}

export class FeatureNewsDto {
  @ApiProperty() @IsBoolean() featured: boolean;
}

export class PhotoUploadDto {
  @ApiProperty({ description: 'Mô tả ảnh cho người không xem được ảnh (bắt buộc)' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(300) @Matches(NO_NUL, noNul) alt: string;
  @ApiPropertyOptional({ description: 'Chú thích dưới ảnh' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) @Matches(NO_NUL, noNul) caption?: string;
  @ApiPropertyOptional({ description: 'Đặt ảnh sau đoạn văn thứ mấy (0 = trước đoạn đầu; bỏ trống = cuối bài)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1000) afterParagraph?: number;
}

export class NewsTargetInputDto {
  @ApiProperty({ description: "Mã phong trào; '' = cả năm" }) @IsString() @Matches(/^([A-Za-z0-9_.:-]{1,64})?$/, { message: '!không phải mã phong trào hợp lệ' }) movementKey: string;
  @ApiProperty({ enum: NEWS_KINDS }) @IsIn(NEWS_KINDS) kind: NewsKind;
  @ApiProperty({ description: 'Số bài mỗi đơn vị cần đăng' }) @IsInt() @Min(0) @Max(1000) perUnit: number;
}

export class SetNewsTargetsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiProperty({ type: [NewsTargetInputDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => NewsTargetInputDto) targets: NewsTargetInputDto[];
}

export class BlockYearQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
}

export class OverviewQueryDto {
  @ApiProperty({ example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class CreateModelDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Đơn vị (mặc định: đơn vị của người nhập)' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) @IsIn(SUBJECT_KINDS) subjectKind: SubjectKind;
  @ApiProperty() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(300) @Matches(NO_NUL, noNul) name: string;
  @ApiProperty({ description: 'Thành tích' }) @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) @Matches(NO_NUL, noNul) achievement: string;
  @ApiPropertyOptional({ type: [String], description: 'Các bài gương điển hình đã đăng của đơn vị' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) storyIds?: string[];
}

export class UpdateModelDto {
  @ApiPropertyOptional({ enum: SUBJECT_KINDS }) @IsOptional() @IsIn(SUBJECT_KINDS) subjectKind?: SubjectKind;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(300) @Matches(NO_NUL, noNul) name?: string;
  @ApiPropertyOptional({ description: 'Thành tích' }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(5000) @Matches(NO_NUL, noNul) achievement?: string;
  @ApiPropertyOptional({ type: [String], description: 'Thay toàn bộ danh sách bài gương điển hình đã đăng được liên kết' }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) storyIds?: string[];
  @ApiProperty({ description: 'Phiên bản đang sửa (chống ghi đè)' }) @IsInt() @Min(1) version: number;
}

export class RegisterQueryDto extends PageQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() blockYearId: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
}

export class ModelListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ example: 2024 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() blockYearId?: string;
}

// ─── Responses ───────────────────────────────────────────────────────────────────────────────────

export class NewsPhotoDto {
  @ApiProperty() id: string;
  @ApiProperty() sort: number;
  @ApiProperty() caption: string;
  @ApiProperty() alt: string;
  @ApiProperty({ type: Number, nullable: true }) afterParagraph: number | null;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
  @ApiProperty({ description: 'Địa chỉ ảnh (API, cần đăng nhập)' }) url: string;
}

export class NewsSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: NEWS_KINDS }) kind: NewsKind;
  @ApiProperty({ enum: STATUSES }) status: NewsStatus;
  @ApiProperty() title: string;
  @ApiProperty() slug: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true }) subjectName: string | null;
  @ApiProperty({ type: String, nullable: true }) movementKey: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty() featuredInBlock: boolean;
  @ApiProperty() featuredCity: boolean;
  @ApiProperty() updatedAt: string;
}

export class NewsListDto {
  @ApiProperty({ type: [NewsSummaryDto] }) items: NewsSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Người xem được viết bài cho đơn vị mình trong năm này' }) canWrite: boolean;
  @ApiProperty({ description: 'Người xem được chọn tin nổi bật (Khối trưởng, Khối phó, Ban TĐKT)' }) canFeature: boolean;
}

export class NewsPermissionsDto {
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canSubmit: boolean;
  @ApiProperty() canApprove: boolean;
  @ApiProperty() canFeature: boolean;
}

export class NewsDto extends NewsSummaryDto {
  @ApiProperty() bodyHtml: string;
  @ApiProperty() authorLine: string;
  @ApiProperty({ enum: SUBJECT_KINDS, nullable: true }) subjectKind: SubjectKind | null;
  @ApiProperty({ type: String, nullable: true }) eventDate: string | null;
  @ApiProperty({ type: String, nullable: true }) activityKey: string | null;
  @ApiProperty({ type: String, nullable: true }) returnReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: [NewsPhotoDto] }) photos: NewsPhotoDto[];
  @ApiProperty({ type: NewsPermissionsDto }) permissions: NewsPermissionsDto;
  @ApiProperty({ description: 'Đường dẫn trang công khai (khi đã đăng)', type: String, nullable: true }) publicUrl: string | null;
}

export class PlanLinkDto {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
}

export class PlanLinksDto {
  @ApiProperty({ type: [PlanLinkDto] }) movements: PlanLinkDto[];
  @ApiProperty({ type: [PlanLinkDto] }) activities: PlanLinkDto[];
}

export class CountCellDto {
  @ApiProperty({ enum: NEWS_KINDS }) kind: NewsKind;
  @ApiProperty() published: number;
  @ApiProperty({ type: Number, nullable: true }) target: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) met: boolean | null;
}

export class MovementCountDto {
  @ApiProperty() movementKey: string;
  @ApiProperty() movementTitle: string;
  @ApiProperty({ type: [CountCellDto] }) cells: CountCellDto[];
}

export class UnitCountDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ type: [CountCellDto] }) total: CountCellDto[];
  @ApiProperty({ type: [MovementCountDto] }) byMovement: MovementCountDto[];
}

export class NewsTargetDto {
  @ApiProperty() movementKey: string;
  @ApiProperty({ enum: NEWS_KINDS }) kind: NewsKind;
  @ApiProperty() perUnit: number;
}

export class NewsCountsDto {
  @ApiProperty() blockYearId: string;
  @ApiProperty({ type: [UnitCountDto] }) units: UnitCountDto[];
  @ApiProperty({ type: [NewsTargetDto] }) targets: NewsTargetDto[];
  @ApiProperty() canSetTargets: boolean;
}

export class BlockNewsOverviewDto {
  @ApiProperty() blockYearId: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockCode: string;
  @ApiProperty() blockName: string;
  @ApiProperty() news: number;
  @ApiProperty() stories: number;
  @ApiProperty({ description: 'Số đơn vị đạt mọi chỉ tiêu tin, bài cả năm' }) unitsMeetingTargets: number;
  @ApiProperty() units: number;
  @ApiProperty() publicUrl: string;
}

export class ModelStoryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() publicUrl: string;
}

export class RegisterUnitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class ExemplaryModelDto {
  @ApiProperty() id: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) subjectKind: SubjectKind;
  @ApiProperty() name: string;
  @ApiProperty() achievement: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: [ModelStoryDto] }) stories: ModelStoryDto[];
  @ApiProperty() version: number;
  @ApiPropertyOptional({ description: 'Người xem được sửa mục này trong sổ (chỉ có ở các thao tác của sổ)' }) canEdit?: boolean;
}

export class ModelRegisterDto {
  @ApiProperty({ type: [ExemplaryModelDto] }) items: ExemplaryModelDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [RegisterUnitDto], description: 'Các đơn vị thành viên của khối năm này' }) units: RegisterUnitDto[];
  @ApiProperty({ type: [String], description: 'Đơn vị mà người xem được ghi vào sổ (rỗng: chỉ xem)' }) writableUnitIds: string[];
}
