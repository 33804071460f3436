import { Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { NextYearResultDto } from './next-year.dto';
import { NextYearService } from './next-year.service';

@ApiTags('block-years')
@Controller('block-years')
export class NextYearController {
  constructor(private readonly nextYear: NextYearService) {}

  @Post(':id/next-year')
  @ApiOperation({
    summary: 'Khởi tạo năm sau từ năm thi đua này: thành viên, Khối trưởng/Khối phó đã bầu (hoặc theo luân phiên), bộ quy tắc, biểu chấm điểm dự thảo, khung kế hoạch (Ban TĐKT, quản trị viên; Khối trưởng sau khi hội nghị tổng kết đã bầu ghế năm sau)',
    operationId: 'startNextBlockYear',
  })
  @ApiCreatedResponse({ type: NextYearResultDto })
  start(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<NextYearResultDto> {
    return this.nextYear.start(actor, id);
  }
}
