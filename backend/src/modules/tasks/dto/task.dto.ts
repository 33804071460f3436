import { ApiProperty } from '@nestjs/swagger';
import { TASK_KINDS, type TaskKind } from '../task-kinds';

export class TaskDto {
  @ApiProperty({ description: 'Khóa ổn định của việc (loại + đối tượng), dùng làm key hiển thị' }) key: string;
  @ApiProperty({ enum: TASK_KINDS }) kind: TaskKind;
  @ApiProperty({ description: 'Việc cần làm, tiếng Việt' }) title: string;
  @ApiProperty({ description: 'Chi tiết (tiến độ, số đơn vị, số ngày làm việc còn lại…)' }) detail: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Năm thi đua (null với việc của cả hệ thống, như một lần sao lưu thất bại)' }) blockYearId: string | null;
  @ApiProperty({ type: String, nullable: true }) blockName: string | null;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Đơn vị liên quan' }) unitName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'Hạn (nếu có)' }) deadline: string | null;
  @ApiProperty({ description: 'Đã quá hạn' }) overdue: boolean;
  @ApiProperty({ description: 'Trang nơi làm việc này (đường dẫn trong ứng dụng)' }) link: string;
}

export class TaskListDto {
  @ApiProperty({ type: [TaskDto] }) items: TaskDto[];
  @ApiProperty({ description: 'Số việc cần làm' }) count: number;
  @ApiProperty({ description: 'Số việc đã quá hạn' }) overdueCount: number;
}
