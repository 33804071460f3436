import { ApiProperty } from '@nestjs/swagger';

export class TimelineStepDto {
  @ApiProperty({ description: 'Khóa của bước (setup, plan, rules, launch_conference, covenant, scheme, mid_year, year_end, year_end_conference, dossier, appraisal, decision, next_year)' }) key: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['done', 'current', 'next'] }) state: 'done' | 'current' | 'next';
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Ngày hoàn thành, hạn hoặc ngày dự kiến' }) date: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Ý nghĩa của ngày (Hạn, Thông qua, Dự kiến…)' }) dateLabel: string | null;
  @ApiProperty({ description: 'Đang chờ ai (trống khi đã xong)' }) waitingFor: string;
  @ApiProperty() detail: string;
  @ApiProperty({ description: 'Trang thực hiện bước này' }) link: string;
}

export class TimelineDto {
  @ApiProperty({ format: 'uuid' }) blockYearId: string;
  @ApiProperty({ type: [TimelineStepDto] }) steps: TimelineStepDto[];
}
