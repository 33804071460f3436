import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import type { SessionClaim } from '../../common/actor';
import { CurrentActor, CurrentClaim, SessionInUseCase } from '../../common/auth.decorators';
import { sendFile } from '../scoring/download';
import { AssessmentsService } from './assessments.service';
import { AssessmentDto, AssignmentsDto, EvidenceDto, ExplanationResultDto, SaveResultDto } from './dto/assessment.dto';
import { EvidenceUploadQueryDto, ExplanationInputDto, OptionalReasonDto, ReasonRequiredDto, ReassignDto, ScoreInputDto } from './dto/round.dto';
import { ReviewsService } from './reviews.service';

/** Upload limit of the HTTP layer; the service refuses anything above MAX_EVIDENCE_BYTES with a message naming the criterion. */
const UPLOAD_LIMIT = 25 * 1024 * 1024;

@ApiTags('rounds')
@Controller('rounds/:roundId/units/:unitId')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService, private readonly reviews: ReviewsService) {}

  @Get('assessment')
  @ApiOperation({ summary: 'Bản tự chấm của đơn vị: cây tiêu chí, điểm, minh chứng, các nguồn điểm được phép xem', operationId: 'getAssessment' })
  @ApiOkResponse({ type: AssessmentDto })
  get(@CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string): Promise<AssessmentDto> {
    return this.assessments.get(actor, roundId, unitId);
  }

  @Put('self/:criterionId')
  @ApiOperation({ summary: 'Lưu điểm tự chấm một tiêu chí (tự động lưu; phiên bản cũ → 409 kèm dữ liệu mới)', operationId: 'saveSelfScore' })
  @ApiOkResponse({ type: SaveResultDto })
  @SessionInUseCase()
  saveSelf(@CurrentClaim() claim: SessionClaim, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string, @Param('criterionId', UuidPipe) criterionId: string, @Body() dto: ScoreInputDto): Promise<SaveResultDto> {
    return this.assessments.saveSelf(claim, roundId, unitId, criterionId, dto);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Nộp bản tự chấm (cán bộ: gửi thủ trưởng xác nhận; thủ trưởng: nộp luôn)', operationId: 'submitSelfAssessment' })
  @ApiOkResponse({ type: AssessmentDto })
  submit(@CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string): Promise<AssessmentDto> {
    return this.assessments.submit(actor, roundId, unitId);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thủ trưởng xác nhận nộp bản tự chấm', operationId: 'confirmSelfAssessment' })
  @ApiOkResponse({ type: AssessmentDto })
  confirm(@CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string): Promise<AssessmentDto> {
    return this.assessments.confirm(actor, roundId, unitId);
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rút lại bản tự chấm đang chờ thủ trưởng xác nhận', operationId: 'withdrawSelfAssessment' })
  @ApiOkResponse({ type: AssessmentDto })
  withdraw(@CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string, @Body() dto: OptionalReasonDto): Promise<AssessmentDto> {
    return this.assessments.withdraw(actor, roundId, unitId, dto.reason);
  }

  @Post('return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Khối trưởng trả lại bản tự chấm kèm lý do', operationId: 'returnSelfAssessment' })
  @ApiOkResponse({ type: AssessmentDto })
  returnToUnit(@CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string, @Body() dto: ReasonRequiredDto): Promise<AssessmentDto> {
    return this.assessments.returnToUnit(actor, roundId, unitId, dto.reason);
  }

  @Post('evidence/:criterionId')
  @ApiOperation({ summary: 'Tải lên minh chứng (PDF, ảnh, tài liệu Office; tối đa 10 MB; loại tệp kiểm tra theo nội dung)', operationId: 'uploadEvidence' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: EvidenceDto })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: UPLOAD_LIMIT, files: 1 }, defParamCharset: 'utf8' } as MulterOptions))
  upload(
    @CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string, @Param('criterionId', UuidPipe) criterionId: string,
    @Query() q: EvidenceUploadQueryDto, @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<EvidenceDto> {
    return this.assessments.uploadEvidence(actor, roundId, unitId, criterionId, q.purpose ?? 'self', file);
  }

  @Put('explanations/:criterionId')
  @ApiOperation({ summary: 'Giải trình một tiêu chí bị chấm thấp hơn điểm tự chấm', operationId: 'saveExplanation' })
  @ApiOkResponse({ type: ExplanationResultDto })
  explain(@CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string, @Param('criterionId', UuidPipe) criterionId: string, @Body() dto: ExplanationInputDto): Promise<ExplanationResultDto> {
    return this.assessments.saveExplanation(actor, roundId, unitId, criterionId, dto);
  }

  @Put('reviews/:criterionId')
  @ApiOperation({ summary: 'Chấm chéo một tiêu chí của đơn vị được phân công (khác điểm tự chấm phải ghi lý do)', operationId: 'savePeerScore' })
  @ApiOkResponse({ type: SaveResultDto })
  savePeer(@CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string, @Param('criterionId', UuidPipe) criterionId: string, @Body() dto: ScoreInputDto): Promise<SaveResultDto> {
    return this.reviews.savePeer(actor, roundId, unitId, criterionId, dto);
  }

  @Put('appraisal/:criterionId')
  @ApiOperation({ summary: 'Khối trưởng, Khối phó thẩm định một tiêu chí (khác điểm tự chấm phải ghi lý do)', operationId: 'saveAppraisalScore' })
  @ApiOkResponse({ type: SaveResultDto })
  saveAppraisal(@CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string, @Param('criterionId', UuidPipe) criterionId: string, @Body() dto: ScoreInputDto): Promise<SaveResultDto> {
    return this.reviews.saveAppraisal(actor, roundId, unitId, criterionId, dto);
  }

  @Put('final/:criterionId')
  @ApiOperation({ summary: 'Khối trưởng, Khối phó chốt điểm cuối cùng một tiêu chí', operationId: 'saveFinalScore' })
  @ApiOkResponse({ type: SaveResultDto })
  saveFinal(@CurrentActor() actor: Actor, @Param('roundId', UuidPipe) roundId: string, @Param('unitId', UuidPipe) unitId: string, @Param('criterionId', UuidPipe) criterionId: string, @Body() dto: ScoreInputDto): Promise<SaveResultDto> {
    return this.reviews.saveFinal(actor, roundId, unitId, criterionId, dto);
  }
}

@ApiTags('rounds')
@Controller('evidence')
export class EvidenceController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'Tải tệp minh chứng (đơn vị, đơn vị chấm chéo được phân công, Khối trưởng, Khối phó, Ban TĐKT)', operationId: 'downloadEvidence' })
  @ApiOkResponse({ description: 'Nội dung tệp', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  async download(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.assessments.evidenceContent(actor, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Xóa tệp minh chứng khi bản tự chấm (hoặc giải trình) còn được sửa', operationId: 'deleteEvidence' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.assessments.deleteEvidence(actor, id);
  }
}

@ApiTags('rounds')
@Controller('review-assignments')
export class ReviewAssignmentsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post(':id/recuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đơn vị được phân công từ chối chấm (xung đột lợi ích), có lý do', operationId: 'recuseReview' })
  @ApiOkResponse({ type: AssignmentsDto })
  recuse(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonRequiredDto): Promise<AssignmentsDto> {
    return this.reviews.recuse(actor, id, dto.reason);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Khối trưởng phân công đơn vị chấm thay cho đơn vị đã từ chối', operationId: 'reassignReview' })
  @ApiOkResponse({ type: AssignmentsDto })
  reassign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReassignDto): Promise<AssignmentsDto> {
    return this.reviews.reassign(actor, id, dto);
  }
}
