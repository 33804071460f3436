import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { TimelineDto } from './dto/timeline.dto';
import { TimelineService } from './timeline.service';

@ApiTags('block-years')
@Controller('block-years')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':id/timeline')
  @ApiOperation({ summary: 'Các bước của năm thi đua (đã xong, đang làm, tiếp theo), kèm ngày và đang chờ ai', operationId: 'getBlockYearTimeline' })
  @ApiOkResponse({ type: TimelineDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<TimelineDto> {
    return this.timeline.timeline(actor, id);
  }
}
