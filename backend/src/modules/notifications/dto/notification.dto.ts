import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EMAIL_MODES, EmailMode } from '../entities/notification-setting.entity';

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) roundId: string | null;
  @ApiProperty({ type: String, nullable: true }) blockYearId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitId: string | null;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'Đường dẫn trong ứng dụng tới trang xử lý việc; rỗng khi không có' }) link: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) readAt: string | null;
}


export class ReadAllResultDto {
  @ApiProperty() marked: number;
}

export class NotificationSettingsDto {
  @ApiProperty({ enum: EMAIL_MODES, description: 'immediate: gửi ngay; daily: một thư tổng hợp mỗi ngày; none: không gửi email' }) emailMode: EmailMode;
  @ApiProperty({ description: 'Địa chỉ nhận thư (email đăng nhập)' }) email: string;
}

export class UpdateNotificationSettingsDto {
  @ApiProperty({ enum: EMAIL_MODES }) @IsIn(EMAIL_MODES) emailMode: EmailMode;
}
