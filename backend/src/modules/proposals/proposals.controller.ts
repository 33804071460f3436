import { DocumentProofDto } from '../audit/dto/audit.dto';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor, Roles } from '../../common/auth.decorators';
import { sendFile } from '../scoring/download';
import {
  AnnexQueryDto, AppraisalDto, ChecklistDto, CiteModelsDto, CityQuotaDto, CreateProposalDto, DecisionListQueryDto, DocumentQueryDto, OptionalNoteDto, ProposalDto, ProposalQueryDto,
  ProposalSummaryDto, ReasonRequiredDto, RecordDecisionDto, ReportDto, SettingDto, UpdateLetterDto, UpdateSettingDto, UpdateWorkCalendarDto, WorkCalendarYearDto, YearQueryDto,
} from './dto/proposal.dto';
import { AppraisalCalendarService } from './appraisal-calendar.service';
import { CityQuotaService } from './city-quota.service';
import { DossierFilesService } from './dossier-files.service';
import { DossierReadService } from './dossier-read.service';
import { DossierWorkflowService } from './dossier-workflow.service';

/** Upload limit of the HTTP layer; the service refuses anything above 10 MB with a clear message. */
const UPLOAD_LIMIT = 25 * 1024 * 1024;

const binary = (types: string[], description: string) => ({
  description,
  content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
});
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DOC_RESPONSE = binary([DOCX, 'application/pdf'], 'Tệp .docx hoặc .pdf theo thể thức Nghị định 30/2020/NĐ-CP');

@ApiTags('proposals')
@Controller('proposals')
export class ProposalsController {
  constructor(
    private readonly dossiers: DossierReadService,
    private readonly workflow: DossierWorkflowService,
    private readonly files: DossierFilesService,
    private readonly cityQuota: CityQuotaService,
    private readonly calendar: AppraisalCalendarService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Hồ sơ đề nghị khen thưởng: Ban TĐKT thấy hồ sơ của mọi khối (mặc định không gồm hồ sơ đang lập), đơn vị thấy hồ sơ của khối mình; kèm hạn thẩm định', operationId: 'listProposals' })
  @ApiOkResponse({ type: [ProposalSummaryDto] })
  list(@CurrentActor() actor: Actor, @Query() q: ProposalQueryDto): Promise<ProposalSummaryDto[]> {
    return this.dossiers.listDossiers(actor, q);
  }

  @Get('quota-use')
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Chỉ tiêu toàn Thành phố: số đơn vị đang đề nghị và đã có quyết định (không tính khen thưởng đã thu hồi) so với chỉ tiêu từng hình thức', operationId: 'getCityQuotaUse' })
  @ApiOkResponse({ type: CityQuotaDto })
  quotaUse(@Query() q: YearQueryDto): Promise<CityQuotaDto> {
    return this.cityQuota.cityQuotaUse(q.year);
  }

  @Get('settings')
  @ApiOperation({ summary: 'Thời hạn thẩm định hồ sơ của một năm (số ngày làm việc, mặc định 25)', operationId: 'getProposalSetting' })
  @ApiOkResponse({ type: SettingDto })
  setting(@Query() q: YearQueryDto): Promise<SettingDto> {
    return this.calendar.appraisalDeadline(q.year);
  }

  @Get('work-calendar')
  @ApiOperation({ summary: 'Lịch nghỉ lễ, Tết và ngày làm bù của một năm (tính thời hạn thẩm định theo ngày làm việc)', operationId: 'getWorkCalendar' })
  @ApiOkResponse({ type: WorkCalendarYearDto })
  workCalendar(@Query() q: YearQueryDto): Promise<WorkCalendarYearDto> {
    return this.calendar.workCalendar(q.year);
  }

  @Put('work-calendar')
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Ban TĐKT nhập lịch nghỉ của năm theo thông báo chính thức (thay toàn bộ danh sách của năm)', operationId: 'updateWorkCalendar' })
  @ApiOkResponse({ type: WorkCalendarYearDto })
  updateWorkCalendar(@CurrentActor() actor: Actor, @Query() q: YearQueryDto, @Body() dto: UpdateWorkCalendarDto): Promise<WorkCalendarYearDto> {
    return this.calendar.enterWorkCalendar(actor, q.year, dto);
  }

  @Patch('settings')
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Ban TĐKT đặt thời hạn thẩm định của năm (áp dụng cho các lần trình sau)', operationId: 'updateProposalSetting' })
  @ApiOkResponse({ type: SettingDto })
  updateSetting(@CurrentActor() actor: Actor, @Query() q: YearQueryDto, @Body() dto: UpdateSettingDto): Promise<SettingDto> {
    return this.calendar.setAppraisalDeadline(actor, q.year, dto);
  }

  @Post()
  @ApiOperation({ summary: 'Lập hồ sơ đề nghị khen thưởng của năm (Khối trưởng, Khối phó); tờ trình được soạn sẵn từ dữ liệu', operationId: 'createProposal' })
  @ApiCreatedResponse({ type: ProposalDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProposalDto): Promise<ProposalDto> {
    return this.workflow.createDossier(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Hồ sơ: tờ trình, danh sách đề nghị, báo cáo thành tích, danh mục thành phần, lịch sử trình/trả lại, quyết định', operationId: 'getProposal' })
  @ApiOkResponse({ type: ProposalDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ProposalDto> {
    return this.dossiers.getDossier(actor, id);
  }

  @Get(':id/ledger-proof')
  @ApiOperation({ summary: 'Bằng chứng niêm phong của hồ sơ đã trình: mục nhật ký trình hồ sơ, điểm niêm phong đã ký và đường chứng minh', operationId: 'getProposalProof' })
  @ApiOkResponse({ type: DocumentProofDto })
  ledgerProof(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DocumentProofDto> {
    return this.files.ledgerProof(actor, id);
  }

  @Get(':id/checklist')
  @ApiOperation({ summary: 'Danh mục thành phần hồ sơ: có/thiếu từng thành phần', operationId: 'getProposalChecklist' })
  @ApiOkResponse({ type: ChecklistDto })
  checklist(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ChecklistDto> {
    return this.dossiers.dossierChecklist(actor, id);
  }

  @Get(':id/appraisal')
  @ApiOperation({ summary: 'Kết quả kiểm tra khi thẩm định: điều kiện từng đơn vị, số lượng của khối, chỉ tiêu toàn Thành phố, các vi phạm', operationId: 'getProposalAppraisal' })
  @ApiOkResponse({ type: AppraisalDto })
  appraisal(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AppraisalDto> {
    return this.dossiers.appraisalFindings(actor, id);
  }

  @Patch(':id/letter')
  @ApiOperation({ summary: 'Sửa tờ trình: số, ngày, kính gửi, nội dung, người ký (Khối trưởng, Khối phó; khi đang lập hoặc bị trả lại)', operationId: 'updateProposalLetter' })
  @ApiOkResponse({ type: ProposalDto })
  updateLetter(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateLetterDto): Promise<ProposalDto> {
    return this.workflow.editLetter(actor, id, dto);
  }

  @Put(':id/nominees/:unitId/models')
  @ApiOperation({ summary: 'Trích dẫn gương điển hình tiên tiến (sổ gương điển hình) của đơn vị được đề nghị (Khối trưởng, Khối phó hoặc chính đơn vị; khi đang lập hoặc bị trả lại)', operationId: 'citeExemplaryModels' })
  @ApiOkResponse({ type: ProposalDto })
  citeModels(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('unitId', UuidPipe) unitId: string, @Body() dto: CiteModelsDto): Promise<ProposalDto> {
    return this.workflow.citeExemplaryModels(actor, id, unitId, dto);
  }

  @Post(':id/reports/:unitId')
  @ApiOperation({ summary: 'Đơn vị được đề nghị tải lên báo cáo thành tích của mình (PDF, Word, OpenDocument; tối đa 10 MB; loại tệp kiểm tra theo nội dung)', operationId: 'uploadAchievementReport' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: ReportDto })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: UPLOAD_LIMIT, files: 1 }, defParamCharset: 'utf8' } as MulterOptions))
  uploadReport(
    @CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('unitId', UuidPipe) unitId: string, @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<ReportDto> {
    return this.workflow.uploadAchievementReport(actor, id, unitId, file);
  }

  @Get(':id/reports/:reportId/file')
  @ApiOperation({ summary: 'Tải báo cáo thành tích', operationId: 'downloadAchievementReport' })
  @ApiOkResponse(binary(['application/octet-stream'], 'Nội dung tệp'))
  async reportFile(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('reportId', UuidPipe) reportId: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.files.achievementReportFile(actor, id, reportId));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Trình hồ sơ lên Ban TĐKT (thủ trưởng đơn vị Khối trưởng; đủ mọi thành phần)', operationId: 'submitProposal' })
  @ApiOkResponse({ type: ProposalDto })
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ProposalDto> {
    return this.workflow.submitDossier(actor, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hủy hồ sơ đang lập hoặc bị trả lại, có lý do (hồ sơ được giữ lại trong lịch sử)', operationId: 'cancelProposal' })
  @ApiOkResponse({ type: ProposalDto })
  cancel(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonRequiredDto): Promise<ProposalDto> {
    return this.workflow.cancelDossier(actor, id, dto.reason);
  }

  @Post(':id/appraisal/start')
  @HttpCode(200)
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Ban TĐKT tiếp nhận hồ sơ để thẩm định', operationId: 'startProposalAppraisal' })
  @ApiOkResponse({ type: ProposalDto })
  take(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ProposalDto> {
    return this.workflow.startAppraisal(actor, id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Ban TĐKT trả lại hồ sơ kèm lý do; khối sửa và trình lại', operationId: 'returnProposal' })
  @ApiOkResponse({ type: ProposalDto })
  returnToBlock(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonRequiredDto): Promise<ProposalDto> {
    return this.workflow.returnDossier(actor, id, dto.reason);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Ban TĐKT thông qua hồ sơ đang thẩm định', operationId: 'approveProposal' })
  @ApiOkResponse({ type: ProposalDto })
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: OptionalNoteDto): Promise<ProposalDto> {
    return this.workflow.approveDossier(actor, id, dto.reason);
  }

  @Post(':id/decisions')
  @Roles('admin', 'board')
  @ApiOperation({ summary: 'Ghi nhận quyết định khen thưởng (số, ngày, người ký) cho các đơn vị được đề nghị, hoặc không khen thưởng (có lý do); ghi vào lịch sử khen thưởng', operationId: 'recordProposalDecision' })
  @ApiCreatedResponse({ type: ProposalDto })
  decide(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: RecordDecisionDto): Promise<ProposalDto> {
    return this.workflow.recordDecision(actor, id, dto);
  }

  // ---- documents

  @Get(':id/documents/letter')
  @ApiOperation({ summary: 'Tờ trình (TTr) .docx/.pdf', operationId: 'exportProposalLetter' })
  @ApiProduces(DOCX, 'application/pdf')
  @ApiOkResponse(DOC_RESPONSE)
  async letter(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: DocumentQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.files.letterFile(actor, id, q.format));
  }

  @Get(':id/documents/nominees')
  @ApiOperation({ summary: 'Danh sách đề nghị khen thưởng .docx/.pdf', operationId: 'exportProposalNominees' })
  @ApiProduces(DOCX, 'application/pdf')
  @ApiOkResponse(DOC_RESPONSE)
  async nominees(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: DocumentQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.files.nomineeListFile(actor, id, q.format));
  }

  @Get(':id/documents/decision-list')
  @ApiOperation({ summary: 'Danh sách kèm theo quyết định khen thưởng .docx/.pdf', operationId: 'exportDecisionList' })
  @ApiProduces(DOCX, 'application/pdf')
  @ApiOkResponse(DOC_RESPONSE)
  async decisionList(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: DecisionListQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.files.decisionListFile(actor, id, q.format, q.decisionNumber));
  }

  @Get(':id/documents/minutes')
  @ApiOperation({ summary: 'Biên bản Hội nghị tổng kết (thành phần hồ sơ) .docx/.pdf', operationId: 'exportProposalMinutes' })
  @ApiProduces(DOCX, 'application/pdf')
  @ApiOkResponse(DOC_RESPONSE)
  async minutes(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: DocumentQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.files.minutesFile(actor, id, q.format));
  }

  @Get(':id/documents/score-annex')
  @ApiOperation({ summary: 'Bảng tổng hợp kết quả chấm điểm (thành phần hồ sơ) .pdf (A4 ngang) hoặc .xlsx', operationId: 'exportProposalScoreAnnex' })
  @ApiOkResponse(binary(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'], 'Bảng tổng hợp điểm'))
  async annex(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: AnnexQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.files.scoreAnnexFile(actor, id, q.format));
  }

  @Get(':id/documents/tally-records/:ballotId')
  @ApiOperation({ summary: 'Biên bản kiểm phiếu (thành phần hồ sơ) .docx/.pdf', operationId: 'exportProposalTallyRecord' })
  @ApiProduces(DOCX, 'application/pdf')
  @ApiOkResponse(DOC_RESPONSE)
  async tally(
    @CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('ballotId', UuidPipe) ballotId: string, @Query() q: DocumentQueryDto, @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(res, await this.files.tallyRecordFile(actor, id, ballotId, q.format));
  }

  @Get(':id/bundle')
  @ApiOperation({ summary: 'Tải cả bộ hồ sơ (.zip): các thành phần, mục lục và SHA-256 từng tệp', operationId: 'downloadProposalBundle' })
  @ApiOkResponse(binary(['application/zip'], 'Tệp .zip'))
  async bundle(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.files.dossierBundle(actor, id));
  }
}
