import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { ConferenceMinutesService } from './conference-minutes.service';
import { ConferenceReadService } from './conference-read.service';
import { ConferenceWorkflowService } from './conference-workflow.service';
import {
  ConferenceAgendaItemInputDto, ConferenceCheckInDto, CloseConferenceDto, ConferenceDto, ConferenceQueryDto, ConferenceSummaryDto, CreateConferenceDto, CreateConferenceDecisionDto,
  ConferenceQuorumDto, ReorderConferenceAgendaDto, ReplyConferenceInvitationDto, UpcomingConferenceDto, UpdateConferenceAgendaItemDto, UpdateConferenceDto,
} from './dto/conference.dto';
import { ApproveMinutesDto, ConferenceMinutesDto, MinutesExportQueryDto, RedraftMinutesDto, UpdateMinutesDto } from './dto/minutes.dto';

@ApiTags('conferences')
@Controller('conferences')
export class ConferencesController {
  constructor(
    private readonly conferences: ConferenceReadService,
    private readonly workflow: ConferenceWorkflowService,
    private readonly conferenceMinutes: ConferenceMinutesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Các hội nghị trong phạm vi người dùng (lọc theo năm thi đua, trạng thái)', operationId: 'listConferences' })
  @ApiOkResponse({ type: [ConferenceSummaryDto] })
  list(@CurrentActor() actor: Actor, @Query() q: ConferenceQueryDto): Promise<ConferenceSummaryDto[]> {
    return this.conferences.listConferences(actor, q);
  }

  @Get('upcoming')
  @ApiOperation({ summary: 'Hội nghị sắp diễn ra mà đơn vị mình được mời, kèm trả lời của đơn vị', operationId: 'listMyUpcomingConferences' })
  @ApiOkResponse({ type: [UpcomingConferenceDto] })
  upcoming(@CurrentActor() actor: Actor): Promise<UpcomingConferenceDto[]> {
    return this.conferences.upcomingConferences(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết hội nghị: chương trình, giấy mời, điểm danh, số đơn vị có mặt, quyết định', operationId: 'getConference' })
  @ApiOkResponse({ type: ConferenceDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ConferenceDto> {
    return this.conferences.getConference(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Tạo hội nghị (khối trưởng/khối phó); mời mọi đơn vị thành viên', operationId: 'createConference' })
  @ApiCreatedResponse({ type: ConferenceDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateConferenceDto): Promise<ConferenceDto> {
    return this.workflow.createConference(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa thông tin hội nghị (khối trưởng/khối phó)', operationId: 'updateConference' })
  @ApiOkResponse({ type: ConferenceDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateConferenceDto): Promise<ConferenceDto> {
    return this.workflow.updateConference(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Hủy hội nghị chưa khai mạc (khối trưởng/khối phó)', operationId: 'deleteConference' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.workflow.withdrawConference(actor, id);
  }

  // ---- agenda

  @Post(':id/agenda')
  @ApiOperation({ summary: 'Thêm mục chương trình (tài liệu gắn kèm phải cùng năm thi đua)', operationId: 'addConferenceAgendaItem' })
  @ApiCreatedResponse({ type: ConferenceDto })
  addAgendaItem(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ConferenceAgendaItemInputDto): Promise<ConferenceDto> {
    return this.workflow.addAgendaItem(actor, id, dto);
  }

  @Post(':id/agenda/reorder')
  @ApiOperation({ summary: 'Sắp xếp lại chương trình', operationId: 'reorderConferenceAgenda' })
  @ApiCreatedResponse({ type: ConferenceDto })
  reorderAgenda(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReorderConferenceAgendaDto): Promise<ConferenceDto> {
    return this.workflow.reorderAgenda(actor, id, dto);
  }

  @Patch(':id/agenda/:itemId')
  @ApiOperation({ summary: 'Sửa mục chương trình (kể cả ghi tóm tắt thảo luận trong phiên họp)', operationId: 'updateConferenceAgendaItem' })
  @ApiOkResponse({ type: ConferenceDto })
  updateAgendaItem(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('itemId', UuidPipe) itemId: string, @Body() dto: UpdateConferenceAgendaItemDto): Promise<ConferenceDto> {
    return this.workflow.updateAgendaItem(actor, id, itemId, dto);
  }

  @Delete(':id/agenda/:itemId')
  @ApiOperation({ summary: 'Xóa mục chương trình chưa có quyết định', operationId: 'removeConferenceAgendaItem' })
  @ApiOkResponse({ type: ConferenceDto })
  removeAgendaItem(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('itemId', UuidPipe) itemId: string): Promise<ConferenceDto> {
    return this.workflow.removeAgendaItem(actor, id, itemId);
  }

  // ---- invitations

  @Post(':id/invitations/:unitId/reply')
  @ApiOperation({ summary: 'Đơn vị xác nhận tham dự (người dự họp) hoặc báo vắng — chỉ cho đơn vị mình', operationId: 'replyToConferenceInvitation' })
  @ApiCreatedResponse({ type: ConferenceDto })
  reply(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('unitId', UuidPipe) unitId: string, @Body() dto: ReplyConferenceInvitationDto): Promise<ConferenceDto> {
    return this.workflow.replyToInvitation(actor, id, unitId, dto);
  }

  // ---- conference mode

  @Post(':id/open')
  @ApiOperation({ summary: 'Khai mạc: bắt đầu phiên họp (chế độ điều hành hội nghị)', operationId: 'openConferenceSession' })
  @ApiCreatedResponse({ type: ConferenceDto })
  open(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ConferenceDto> {
    return this.workflow.openConference(actor, id);
  }

  @Post(':id/agenda/:itemId/current')
  @ApiOperation({ summary: 'Chuyển sang mục chương trình này', operationId: 'setCurrentConferenceAgendaItem' })
  @ApiCreatedResponse({ type: ConferenceDto })
  setCurrent(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('itemId', UuidPipe) itemId: string): Promise<ConferenceDto> {
    return this.workflow.setCurrentItem(actor, id, itemId);
  }

  @Post(':id/agenda/:itemId/done')
  @ApiOperation({ summary: 'Đánh dấu xong mục chương trình (mục đang diễn ra thì chuyển sang mục kế tiếp)', operationId: 'markConferenceAgendaItemDone' })
  @ApiCreatedResponse({ type: ConferenceDto })
  markDone(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('itemId', UuidPipe) itemId: string): Promise<ConferenceDto> {
    return this.workflow.markItemDone(actor, id, itemId);
  }

  @Post(':id/attendance/:unitId/check-in')
  @ApiOperation({ summary: 'Điểm danh đơn vị: có mặt (người dự), vắng, vắng có lý do', operationId: 'checkInConferenceUnit' })
  @ApiCreatedResponse({ type: ConferenceDto })
  checkIn(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('unitId', UuidPipe) unitId: string, @Body() dto: ConferenceCheckInDto): Promise<ConferenceDto> {
    return this.workflow.checkIn(actor, id, unitId, dto);
  }

  @Get(':id/quorum')
  @ApiOperation({ summary: 'Số đơn vị có mặt so với điều kiện tiến hành hội nghị (theo bộ quy tắc của năm)', operationId: 'getConferenceQuorum' })
  @ApiOkResponse({ type: ConferenceQuorumDto })
  quorum(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ConferenceQuorumDto> {
    return this.conferences.conferenceQuorum(actor, id);
  }

  @Post(':id/decisions')
  @ApiOperation({ summary: 'Ghi nhận quyết định của mục chương trình: thông qua kế hoạch, quy chế, mở ký giao ước (cần đủ số đơn vị), kết luận', operationId: 'recordConferenceDecision' })
  @ApiCreatedResponse({ type: ConferenceDto })
  decide(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateConferenceDecisionDto): Promise<ConferenceDto> {
    return this.workflow.recordDecision(actor, id, dto);
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Bế mạc: kết thúc phiên họp và lập dự thảo biên bản', operationId: 'closeConferenceSession' })
  @ApiCreatedResponse({ type: ConferenceDto })
  close(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CloseConferenceDto): Promise<ConferenceDto> {
    return this.workflow.closeConference(actor, id, dto);
  }

  // ---- minutes

  @Get(':id/minutes')
  @ApiOperation({ summary: 'Biên bản hội nghị', operationId: 'getConferenceMinutes' })
  @ApiOkResponse({ type: ConferenceMinutesDto })
  minutes(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ConferenceMinutesDto> {
    return this.conferenceMinutes.getMinutes(actor, id);
  }

  @Patch(':id/minutes')
  @ApiOperation({ summary: 'Sửa dự thảo biên bản (hủy các xác nhận thông qua đã có)', operationId: 'updateConferenceMinutes' })
  @ApiOkResponse({ type: ConferenceMinutesDto })
  editMinutes(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateMinutesDto): Promise<ConferenceMinutesDto> {
    return this.conferenceMinutes.editMinutes(actor, id, dto);
  }

  @Post(':id/minutes/redraft')
  @ApiOperation({ summary: 'Lập lại dự thảo biên bản từ diễn biến hội nghị', operationId: 'redraftConferenceMinutes' })
  @ApiCreatedResponse({ type: ConferenceMinutesDto })
  redraftMinutes(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: RedraftMinutesDto): Promise<ConferenceMinutesDto> {
    return this.conferenceMinutes.redraftMinutes(actor, id, dto);
  }

  @Post(':id/minutes/approve')
  @ApiOperation({ summary: 'Thông qua biên bản với tư cách chủ trì hoặc thư ký (hai người khác nhau); đủ hai xác nhận thì biên bản được khóa', operationId: 'approveConferenceMinutes' })
  @ApiCreatedResponse({ type: ConferenceMinutesDto })
  approveMinutes(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ApproveMinutesDto): Promise<ConferenceMinutesDto> {
    return this.conferenceMinutes.approveMinutes(actor, id, dto);
  }

  @Get(':id/minutes/export')
  @ApiOperation({ summary: 'Tải biên bản (BB) dạng .docx hoặc .pdf theo thể thức Nghị định 30/2020', operationId: 'exportConferenceMinutes' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf')
  @ApiOkResponse({
    description: 'Tệp .docx hoặc .pdf',
    content: {
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async exportMinutes(
    @CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: MinutesExportQueryDto, @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.conferenceMinutes.exportMinutes(actor, id, q.format);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${asciiName(file.filename)}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    return new StreamableFile(file.buffer);
  }
}

/** "bien-ban-hoi-nghi-KTĐ4-…" → plain ASCII for the legacy filename parameter. */
const asciiName = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\w.\-]/g, '_');
