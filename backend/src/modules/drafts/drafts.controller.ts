import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { download } from './download';
import { DraftReadService } from './draft-read.service';
import { DraftWorkflowService } from './draft-workflow.service';
import {
  AddSectionDto, CommentQueryDto, CreateCommentDto, CreateDraftDocumentDto, DiffQueryDto, DraftListQueryDto, ExportQueryDto, PlanActivitiesQueryDto,
  SectionRevQueryDto, UpdateDraftVersionDto, UpdatePlanActivityDto, UpdateSectionDto,
} from './dto/draft-request.dto';
import { DraftCommentDto, DraftDiffDto, DraftDocumentDto, DraftDocumentListDto, DraftVersionDto, PlanProgressDto } from './dto/draft-response.dto';

const FILE_RESPONSE = {
  description: 'Tệp .docx hoặc .pdf theo thể thức Nghị định 30/2020/NĐ-CP',
  content: {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
    'application/pdf': { schema: { type: 'string', format: 'binary' } },
  },
};

@ApiTags('drafts')
@Controller('drafts')
export class DraftsController {
  constructor(
    private readonly drafts: DraftReadService,
    private readonly workflow: DraftWorkflowService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Kế hoạch và quy chế của một năm thi đua (thành viên của năm, Ban TĐKT)', operationId: 'listDrafts' })
  @ApiOkResponse({ type: DraftDocumentListDto })
  list(@CurrentActor() actor: Actor, @Query() q: DraftListQueryDto): Promise<DraftDocumentListDto> {
    return this.drafts.listDocuments(actor, q);
  }

  @Post()
  @ApiOperation({ summary: 'Tạo dự thảo Kế hoạch hoặc Quy chế của năm (đơn vị Khối trưởng, Khối phó)', operationId: 'createDraft' })
  @ApiCreatedResponse({ type: DraftDocumentDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDraftDocumentDto): Promise<DraftDocumentDto> {
    return this.workflow.createDocument(actor, dto);
  }

  @Get('plan-activities')
  @ApiOperation({ summary: 'Các hoạt động của kế hoạch đã thông qua và tiến độ thực hiện', operationId: 'getPlanProgress' })
  @ApiOkResponse({ type: PlanProgressDto })
  progress(@CurrentActor() actor: Actor, @Query() q: PlanActivitiesQueryDto): Promise<PlanProgressDto> {
    return this.drafts.planProgress(actor, q.blockYearId);
  }

  @Patch('plan-activities/:id')
  @ApiOperation({ summary: 'Cập nhật trạng thái, ghi chú một hoạt động của kế hoạch (đơn vị Khối trưởng, Khối phó)', operationId: 'updatePlanActivity' })
  @ApiOkResponse({ type: PlanProgressDto })
  updateActivity(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdatePlanActivityDto): Promise<PlanProgressDto> {
    return this.workflow.updateActivity(actor, id, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Văn bản dự thảo và các phiên bản', operationId: 'getDraft' })
  @ApiOkResponse({ type: DraftDocumentDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DraftDocumentDto> {
    return this.drafts.getDocument(actor, id);
  }

  @Get('versions/:id')
  @ApiOperation({ summary: 'Một phiên bản: các mục, dữ liệu kế hoạch hoặc bộ quy tắc, số ý kiến mỗi mục', operationId: 'getDraftVersion' })
  @ApiOkResponse({ type: DraftVersionDto })
  getVersion(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DraftVersionDto> {
    return this.drafts.getVersion(actor, id);
  }

  @Patch('versions/:id')
  @ApiOperation({ summary: 'Sửa tiêu đề, dữ liệu kế hoạch hoặc bộ quy tắc của phiên bản đang soạn', operationId: 'updateDraftVersion' })
  @ApiOkResponse({ type: DraftVersionDto })
  updateVersion(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateDraftVersionDto): Promise<DraftVersionDto> {
    return this.workflow.updateVersion(actor, id, dto);
  }

  @Post('versions/:id/sections')
  @ApiOperation({ summary: 'Thêm một mục vào phiên bản đang soạn', operationId: 'addDraftSection' })
  @ApiCreatedResponse({ type: DraftVersionDto })
  addSection(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AddSectionDto): Promise<DraftVersionDto> {
    return this.workflow.addSection(actor, id, dto);
  }

  @Patch('versions/:id/sections/:key')
  @ApiOperation({ summary: 'Sửa một mục (gửi kèm số lần sửa `rev`; 409 nếu người khác vừa sửa)', operationId: 'updateDraftSection' })
  @ApiOkResponse({ type: DraftVersionDto })
  updateSection(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('key') key: string, @Body() dto: UpdateSectionDto): Promise<DraftVersionDto> {
    return this.workflow.updateSection(actor, id, key, dto);
  }

  @Delete('versions/:id/sections/:key')
  @ApiOperation({ summary: 'Xóa một mục của phiên bản đang soạn', operationId: 'deleteDraftSection' })
  @ApiOkResponse({ type: DraftVersionDto })
  deleteSection(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('key') key: string, @Query() q: SectionRevQueryDto): Promise<DraftVersionDto> {
    return this.workflow.deleteSection(actor, id, key, q.rev);
  }

  @Post('versions/:id/circulate')
  @ApiOperation({ summary: 'Gửi phiên bản xin ý kiến các đơn vị (khóa nội dung)', operationId: 'circulateDraftVersion' })
  @ApiCreatedResponse({ type: DraftVersionDto })
  circulate(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DraftVersionDto> {
    return this.workflow.circulateDraft(actor, id);
  }

  @Post('versions/:id/revise')
  @ApiOperation({ summary: 'Tạo phiên bản chỉnh sửa tiếp theo (bản sao của phiên bản mới nhất)', operationId: 'reviseDraftVersion' })
  @ApiCreatedResponse({ type: DraftVersionDto })
  revise(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DraftVersionDto> {
    return this.workflow.reviseDraft(actor, id);
  }

  @Get('versions/:id/diff')
  @ApiOperation({ summary: 'So sánh hai phiên bản theo từng mục (bên trái: `against`, bên phải: phiên bản này)', operationId: 'diffDraftVersions' })
  @ApiOkResponse({ type: DraftDiffDto })
  diff(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: DiffQueryDto): Promise<DraftDiffDto> {
    return this.drafts.compareVersions(actor, id, q.against);
  }

  @Get('versions/:id/comments')
  @ApiOperation({ summary: 'Ý kiến góp ý theo luồng (mỗi mục)', operationId: 'listDraftComments' })
  @ApiOkResponse({ type: [DraftCommentDto] })
  comments(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: CommentQueryDto): Promise<DraftCommentDto[]> {
    return this.drafts.listComments(actor, id, q.sectionKey);
  }

  @Post('versions/:id/comments')
  @ApiOperation({ summary: 'Góp ý một mục hoặc trả lời ý kiến (đơn vị thành viên, phiên bản đang xin ý kiến)', operationId: 'createDraftComment' })
  @ApiCreatedResponse({ type: DraftCommentDto })
  addComment(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateCommentDto): Promise<DraftCommentDto> {
    return this.workflow.addComment(actor, id, dto);
  }

  @Post('comments/:id/resolve')
  @ApiOperation({ summary: 'Đánh dấu luồng ý kiến đã xử lý (đơn vị Khối trưởng, Khối phó)', operationId: 'resolveDraftComment' })
  @ApiCreatedResponse({ type: DraftCommentDto })
  resolve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DraftCommentDto> {
    return this.workflow.setCommentResolved(actor, id, true);
  }

  @Post('comments/:id/reopen')
  @ApiOperation({ summary: 'Mở lại luồng ý kiến đã đánh dấu xử lý', operationId: 'reopenDraftComment' })
  @ApiCreatedResponse({ type: DraftCommentDto })
  reopen(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DraftCommentDto> {
    return this.workflow.setCommentResolved(actor, id, false);
  }

  @Get('versions/:id/export')
  @ApiOperation({ summary: 'Tải Kế hoạch (KH) hoặc Quy chế (QC) dạng .docx hoặc .pdf', operationId: 'exportDraftVersion' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf')
  @ApiOkResponse(FILE_RESPONSE)
  async export(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return download(res, await this.drafts.exportVersion(actor, id, q.format));
  }
}
