import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor, Roles } from '../../common/auth.decorators';
import { sendFile } from '../scoring/download';
import { AwardsService } from './awards.service';
import { BoardOverviewService } from './board-overview.service';
import {
  AwardBonusesDto, AwardHistoryQueryDto, AwardRecordDto, AwardTypeDto, BoardOverviewDto, CatalogueQueryDto, CreateAwardTypeDto, CreateDisciplineFlagDto, CreateUnitTitleDto,
  DisciplineFlagDto, EligibilityQueryDto, EligibilityReportDto, OverviewPageQueryDto, OverviewQueryDto, RecordAwardDto, RemoveRecordDto, RevokeAwardDto, UnitTitleDto, UnitYearQueryDto,
  UpdateAwardTypeDto, UpdateDisciplineFlagDto, UpdateUnitTitleDto,
} from './dto/awards.dto';
import { UnitRecordsService } from './unit-records.service';

@ApiTags('awards')
@Controller('awards/catalogue')
export class AwardCatalogueController {
  constructor(private readonly awards: AwardsService) {}

  @Get()
  @ApiOperation({ summary: 'Danh mục hình thức khen thưởng của một năm (tạo từ giá trị mặc định khi đọc lần đầu)', operationId: 'getAwardCatalogue' })
  @ApiOkResponse({ type: [AwardTypeDto] })
  list(@Query() q: CatalogueQueryDto): Promise<AwardTypeDto[]> {
    return this.awards.listCatalogue(q.year);
  }

  @Post()
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Thêm hình thức khen thưởng vào danh mục của năm (Ban TĐKT)', operationId: 'createAwardType' })
  @ApiCreatedResponse({ type: AwardTypeDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAwardTypeDto): Promise<AwardTypeDto> {
    return this.awards.createAwardType(actor, dto);
  }

  @Patch(':id')
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Sửa điều kiện, số lượng, chỉ tiêu toàn Thành phố, điểm thưởng của một hình thức (Ban TĐKT)', operationId: 'updateAwardType' })
  @ApiOkResponse({ type: AwardTypeDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateAwardTypeDto): Promise<AwardTypeDto> {
    return this.awards.updateAwardType(actor, id, dto);
  }
}

@ApiTags('awards')
@Controller('unit-titles')
export class UnitTitlesController {
  constructor(private readonly records: UnitRecordsService) {}

  @Get()
  @ApiOperation({ summary: 'Danh hiệu thi đua của đơn vị theo năm (Ban TĐKT; đơn vị mình; khối trưởng, khối phó của năm)', operationId: 'listUnitTitles' })
  @ApiOkResponse({ type: [UnitTitleDto] })
  list(@CurrentActor() actor: Actor, @Query() q: UnitYearQueryDto): Promise<UnitTitleDto[]> {
    return this.records.listTitles(actor, q);
  }

  @Post()
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Ghi danh hiệu của đơn vị cho một năm, ví dụ "Tập thể lao động xuất sắc" (Ban TĐKT)', operationId: 'createUnitTitle' })
  @ApiCreatedResponse({ type: UnitTitleDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitTitleDto): Promise<UnitTitleDto> {
    return this.records.createTitle(actor, dto);
  }

  @Patch(':id')
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Sửa danh hiệu (Ban TĐKT)', operationId: 'updateUnitTitle' })
  @ApiOkResponse({ type: UnitTitleDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateUnitTitleDto): Promise<UnitTitleDto> {
    return this.records.updateTitle(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Xóa danh hiệu ghi nhầm, có lý do (Ban TĐKT)', operationId: 'deleteUnitTitle' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: RemoveRecordDto): Promise<void> {
    return this.records.removeTitle(actor, id, dto.reason);
  }
}

@ApiTags('awards')
@Controller('discipline-flags')
export class DisciplineFlagsController {
  constructor(private readonly records: UnitRecordsService) {}

  @Get()
  @ApiOperation({ summary: 'Kỷ luật của đơn vị theo năm (Ban TĐKT; đơn vị mình; khối trưởng, khối phó của năm)', operationId: 'listDisciplineFlags' })
  @ApiOkResponse({ type: [DisciplineFlagDto] })
  list(@CurrentActor() actor: Actor, @Query() q: UnitYearQueryDto): Promise<DisciplineFlagDto[]> {
    return this.records.listFlags(actor, q);
  }

  @Post()
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Ghi kỷ luật của đơn vị trong năm: đơn vị không đủ điều kiện khen thưởng năm đó (Ban TĐKT)', operationId: 'createDisciplineFlag' })
  @ApiCreatedResponse({ type: DisciplineFlagDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDisciplineFlagDto): Promise<DisciplineFlagDto> {
    return this.records.createFlag(actor, dto);
  }

  @Patch(':id')
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Sửa kỷ luật (Ban TĐKT)', operationId: 'updateDisciplineFlag' })
  @ApiOkResponse({ type: DisciplineFlagDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateDisciplineFlagDto): Promise<DisciplineFlagDto> {
    return this.records.updateFlag(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Xóa kỷ luật ghi nhầm, có lý do (Ban TĐKT)', operationId: 'deleteDisciplineFlag' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: RemoveRecordDto): Promise<void> {
    return this.records.removeFlag(actor, id, dto.reason);
  }
}

@ApiTags('awards')
@Controller()
export class AwardHistoryController {
  constructor(private readonly awards: AwardsService) {}

  @Get('units/:id/awards')
  @ApiOperation({ summary: 'Lịch sử khen thưởng của đơn vị, kể cả khen thưởng đã thu hồi (đơn vị, các đơn vị cùng khối, Ban TĐKT)', operationId: 'listUnitAwards' })
  @ApiOkResponse({ type: [AwardRecordDto] })
  unit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AwardRecordDto[]> {
    return this.awards.unitHistory(actor, id);
  }

  @Get('award-history')
  @ApiOperation({ summary: 'Lịch sử khen thưởng theo năm, hình thức, đơn vị hoặc năm thi đua của khối (trong phạm vi người dùng)', operationId: 'listAwardHistory' })
  @ApiOkResponse({ type: [AwardRecordDto] })
  list(@CurrentActor() actor: Actor, @Query() q: AwardHistoryQueryDto): Promise<AwardRecordDto[]> {
    return this.awards.listHistory(actor, q);
  }

  @Post('award-history')
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Nhập một khen thưởng của những năm trước vào lịch sử (Ban TĐKT)', operationId: 'recordAwardManually' })
  @ApiCreatedResponse({ type: AwardRecordDto })
  record(@CurrentActor() actor: Actor, @Body() dto: RecordAwardDto): Promise<AwardRecordDto> {
    return this.awards.recordManual(actor, dto);
  }

  @Post('award-history/:id/revoke')
  @HttpCode(200)
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Thu hồi khen thưởng (lý do, số quyết định thu hồi): không còn được tính ở đâu nữa (Ban TĐKT)', operationId: 'revokeAward' })
  @ApiOkResponse({ type: AwardRecordDto })
  revoke(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: RevokeAwardDto): Promise<AwardRecordDto> {
    return this.awards.revokeByBoard(actor, id, dto);
  }
}

@ApiTags('awards')
@Controller('block-years')
export class BlockYearAwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Get(':id/eligibility')
  @ApiOperation({ summary: 'Điều kiện được xét một hình thức khen thưởng của từng đơn vị thành viên (thành viên của khối, Ban TĐKT)', operationId: 'getAwardEligibility' })
  @ApiOkResponse({ type: EligibilityReportDto })
  eligibility(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: EligibilityQueryDto): Promise<EligibilityReportDto> {
    return this.awards.eligibilityFor(actor, id, q.award);
  }

  @Get(':id/award-bonuses')
  @ApiOperation({ summary: 'Điểm thưởng năm nay của từng đơn vị từ khen thưởng năm trước còn hiệu lực (thành viên của khối, Ban TĐKT)', operationId: 'getAwardBonuses' })
  @ApiOkResponse({ type: AwardBonusesDto })
  bonuses(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AwardBonusesDto> {
    return this.awards.bonuses(actor, id);
  }
}

@ApiTags('awards')
@Controller('board/overview')
@Roles('admin', 'board')
export class BoardOverviewController {
  constructor(private readonly overview: BoardOverviewService) {}

  @Get()
  @ApiOperation({ summary: 'Tổng quan của Ban TĐKT: từng khối trong chu trình năm, xếp hạng, hồ sơ, quyết định, biểu đồ theo năm', operationId: 'getBoardOverview' })
  @ApiOkResponse({ type: BoardOverviewDto })
  get(@Query() q: OverviewPageQueryDto): Promise<BoardOverviewDto> {
    return this.overview.overview(q.year, q);
  }

  @Get('export')
  @ApiOperation({ summary: 'Xuất tổng quan ra .xlsx', operationId: 'exportBoardOverview' })
  @ApiOkResponse({ description: 'Tổng quan (.xlsx)', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } })
  async export(@Query() q: OverviewQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.overview.export(q.year));
  }
}
