import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/pagination';

export const MAIL_STATUSES = ['pending', 'sent', 'held', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export class OutboxQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: MAIL_STATUSES }) @IsOptional() @IsIn(MAIL_STATUSES) status?: MailStatus;
}

export class OutboxMailDto {
  @ApiProperty() id: string;
  @ApiProperty() to: string;
  @ApiProperty() toName: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Nội dung thư dạng văn bản, như người nhận đọc' }) text: string;
  @ApiProperty({ enum: MAIL_STATUSES, description: 'pending: chờ gửi; sent: đã gửi; held: giữ trong hộp thư đi vì chưa cấu hình SMTP; failed: gửi không được sau nhiều lần' }) status: MailStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sentAt: string | null;
}

export class OutboxPageDto {
  @ApiProperty({ type: [OutboxMailDto] }) items: OutboxMailDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: 'Đã cấu hình máy chủ thư (SMTP_URL) hay chưa' }) smtpConfigured: boolean;
}
