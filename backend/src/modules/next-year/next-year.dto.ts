import { ApiProperty } from '@nestjs/swagger';
import { BlockYearDto } from '../block-years/dto/block-year.dto';

export class NextYearSkippedUnitDto {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Lý do không chuyển sang năm sau' }) reason: string;
}

/** What "start next year" created from the block year. */
export class NextYearResultDto {
  @ApiProperty({ type: BlockYearDto, description: 'Năm thi đua mới (trạng thái thiết lập)' }) blockYear: BlockYearDto;
  @ApiProperty({ description: 'Năm thi đua được sao chép' }) sourceYearId: string;
  @ApiProperty({ enum: ['election', 'suggestion'], description: 'Ghế Khối trưởng, Khối phó: theo kết quả bầu của hội nghị tổng kết, hoặc theo đề xuất luân phiên' })
  seatsFrom: 'election' | 'suggestion';
  @ApiProperty({ type: String, nullable: true, description: 'Biểu chấm điểm dự thảo (phiên bản 1) sao chép từ năm trước' }) schemeId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Dự thảo kế hoạch hoạt động (khung từ năm trước)' }) planDocumentId: string | null;
  @ApiProperty({ type: [NextYearSkippedUnitDto], description: 'Đơn vị không chuyển sang năm sau (đã lưu trữ)' }) skippedUnits: NextYearSkippedUnitDto[];
}
