import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../common/auth.decorators';
import { UuidPipe } from '../../common/uuid.pipe';
import { YearRightsDto } from './year-rights.dto';
import { YearRightsService } from './year-rights.service';

@ApiTags('block-years')
@Controller('block-years')
export class YearRightsController {
  constructor(private readonly rights: YearRightsService) {}

  @Get(':id/rights')
  @ApiOperation({ summary: 'Việc người dùng được bắt đầu trong năm thi đua: triệu tập hội nghị, mở đợt chấm, soạn biểu điểm, lập hồ sơ', operationId: 'getYearRights' })
  @ApiOkResponse({ type: YearRightsDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<YearRightsDto> {
    return this.rights.rights(actor, id);
  }
}
