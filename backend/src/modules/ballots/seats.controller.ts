import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { ElectSeatsDto, SeatSuggestionDto, SeatSuggestionQueryDto } from './dto/seats.dto';
import { SeatsService } from './seats.service';

@ApiTags('ballots')
@Controller('block-years')
export class SeatsController {
  constructor(private readonly seats: SeatsService) {}

  @Get(':id/seat-suggestion')
  @ApiOperation({ summary: 'Đề xuất Khối trưởng, Khối phó năm sau theo luân phiên, và kết quả bầu nếu đã có', operationId: 'getSeatSuggestion' })
  @ApiOkResponse({ type: SeatSuggestionDto })
  suggestion(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: SeatSuggestionQueryDto): Promise<SeatSuggestionDto> {
    return this.seats.suggestion(actor, id, q.rotationOrder);
  }

  @Post(':id/seat-election')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ghi nhận Khối trưởng, Khối phó năm sau do hội nghị tổng kết bầu (Khối trưởng, trong phiên họp, đủ số đơn vị dự họp)', operationId: 'electNextSeats' })
  @ApiOkResponse({ type: SeatSuggestionDto })
  elect(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ElectSeatsDto): Promise<SeatSuggestionDto> {
    return this.seats.elect(actor, id, dto);
  }
}
