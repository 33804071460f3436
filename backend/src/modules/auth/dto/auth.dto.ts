import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../../common/actor';

export class SignInDto {
  @ApiProperty({ example: 'admin@thidua.vn' }) @IsEmail() @MaxLength(255) email: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) password: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) currentPassword: string;
  @ApiProperty({ description: 'Ít nhất 10 ký tự, không phải mật khẩu phổ biến, khác mật khẩu hiện tại' }) @IsString() @IsNotEmpty() @MaxLength(128) newPassword: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid', description: 'Mã để kết thúc phiên này' }) id: string;
  @ApiProperty({ description: 'Trình duyệt, thiết bị (User-Agent)' }) userAgent: string;
  @ApiProperty({ description: 'Địa chỉ IP lúc đăng nhập' }) ip: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'Lần dùng gần nhất (chính xác đến phút)' }) lastSeenAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'Là phiên đang dùng để xem danh sách này' }) current: boolean;
}

export class EndedSessionsDto {
  @ApiProperty() ended: number;
}

export class SeatDto {
  @ApiProperty() blockYearId: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['leader', 'deputy'] }) seat: 'leader' | 'deputy';
}

/** What the signed-in person may do across the city, from the same policies that refuse on the server. */
export class PermissionsDto {
  @ApiProperty({ description: 'Xem toàn thành phố (Ban TĐKT, quản trị viên)' }) cityWide: boolean;
  @ApiProperty({ description: 'Thêm, sửa đơn vị' }) manageUnits: boolean;
  @ApiProperty({ description: 'Thêm, sửa khối thi đua' }) manageBlocks: boolean;
  @ApiProperty({ description: 'Thiết lập năm thi đua của khối' }) manageBlockYears: boolean;
  @ApiProperty({ description: 'Quản lý tài khoản' }) manageAccounts: boolean;
  @ApiProperty({ description: 'Tạo, sửa tài khoản quản trị viên' }) grantAdmin: boolean;
  @ApiProperty({ description: 'Quản lý danh mục, lịch sử khen thưởng' }) editAwards: boolean;
  @ApiProperty({ description: 'Thẩm định hồ sơ đề nghị khen thưởng, ghi nhận quyết định' }) appraiseDossiers: boolean;
  @ApiProperty({ description: 'Xem hộp thư đi' }) readMailOutbox: boolean;
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty({ description: 'Gửi lại trong tiêu đề X-CSRF-Token cho mọi thao tác ghi' }) csrfToken: string;
  @ApiProperty({ type: [SeatDto], description: 'Ghế khối trưởng/khối phó của đơn vị theo từng năm' }) seats: SeatDto[];
  @ApiProperty({ type: PermissionsDto }) permissions: PermissionsDto;
}
