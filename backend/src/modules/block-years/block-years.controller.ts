import { Body, Controller, DefaultValuePipe, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { BlockYearsService } from './block-years.service';
import { BlockYearDefaultsDto, BlockYearDto, BlockYearPageDto, BlockYearPageQueryDto, BlockYearQueryDto, BlockYearSummaryDto, CreateBlockYearDto, UpdateBlockYearDto } from './dto/block-year.dto';

@ApiTags('block-years')
@Controller('block-years')
export class BlockYearsController {
  constructor(private readonly years: BlockYearsService) {}

  @Get()
  @ApiOperation({ summary: 'Các năm thi đua của khối trong phạm vi người dùng', operationId: 'listBlockYears' })
  @ApiOkResponse({ type: [BlockYearSummaryDto] })
  list(@CurrentActor() actor: Actor, @Query() q: BlockYearQueryDto): Promise<BlockYearSummaryDto[]> {
    return this.years.list(actor, q);
  }

  @Get('page')
  @ApiOperation({ summary: 'Một trang các khối của một năm trong phạm vi người dùng, tìm kiếm có hoặc không dấu', operationId: 'pageBlockYears' })
  @ApiOkResponse({ type: BlockYearPageDto })
  page(@CurrentActor() actor: Actor, @Query() q: BlockYearPageQueryDto): Promise<BlockYearPageDto> {
    return this.years.page(actor, q);
  }

  @Get('defaults')
  @ApiOperation({ summary: 'Bộ quy tắc và căn cứ pháp lý mặc định cho một năm', operationId: 'getBlockYearDefaults' })
  @ApiQuery({ name: 'year', required: false, type: Number })
  @ApiOkResponse({ type: BlockYearDefaultsDto })
  defaults(@Query('year', new DefaultValuePipe(new Date().getFullYear()), ParseIntPipe) year: number): BlockYearDefaultsDto {
    return this.years.defaults(year);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết năm thi đua: thành viên, ghế, căn cứ, bộ quy tắc', operationId: 'getBlockYear' })
  @ApiOkResponse({ type: BlockYearDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<BlockYearDto> {
    return this.years.get(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Thiết lập năm thi đua cho khối', operationId: 'createBlockYear' })
  @ApiCreatedResponse({ type: BlockYearDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBlockYearDto): Promise<BlockYearDto> {
    return this.years.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa năm thi đua (Ban TĐKT: mọi trường; khối trưởng/khối phó: căn cứ và bộ quy tắc khi đang dự thảo)', operationId: 'updateBlockYear' })
  @ApiOkResponse({ type: BlockYearDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateBlockYearDto): Promise<BlockYearDto> {
    return this.years.update(actor, id, dto);
  }
}
