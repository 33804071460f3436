import { DocumentProofDto } from '../audit/dto/audit.dto';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { sendFile } from '../scoring/download';
import { BallotReadService } from './ballot-read.service';
import { BallotWorkflowService } from './ballot-workflow.service';
import { TallyRecordService } from './tally-record.service';
import {
  BallotDto, BallotOutcomeDto, BallotQueryDto, BallotResultDto, BallotSummaryDto, CastVoteDto, OpenBallotDto, OutcomeQueryDto, PaperTallyDto, RevoteDto, SignTallyRecordDto,
  TallyRecordDto, TallyRecordExportQueryDto,
} from './dto/ballot.dto';

@ApiTags('ballots')
@Controller('ballots')
export class BallotsController {
  constructor(
    private readonly ballots: BallotReadService,
    private readonly workflow: BallotWorkflowService,
    private readonly tallyRecords: TallyRecordService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Các cuộc bỏ phiếu của một hội nghị hoặc năm thi đua (số phiếu đã bỏ, không có nội dung phiếu)', operationId: 'listBallots' })
  @ApiOkResponse({ type: [BallotSummaryDto] })
  list(@CurrentActor() actor: Actor, @Query() q: BallotQueryDto): Promise<BallotSummaryDto[]> {
    return this.ballots.listBallots(actor, q);
  }

  @Get('outcomes')
  @ApiOperation({ summary: 'Kết quả cuối cùng của các loạt bỏ phiếu trong năm thi đua, mỗi hình thức khen thưởng một kết quả', operationId: 'listBallotOutcomes' })
  @ApiOkResponse({ type: [BallotOutcomeDto] })
  outcomes(@CurrentActor() actor: Actor, @Query() q: OutcomeQueryDto): Promise<BallotOutcomeDto[]> {
    return this.ballots.outcomesFor(actor, q.blockYearId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Cuộc bỏ phiếu: ứng viên, số phiếu đã bỏ, các đơn vị đã bỏ phiếu; kết quả chỉ có sau khi kết thúc', operationId: 'getBallot' })
  @ApiOkResponse({ type: BallotDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<BallotDto> {
    return this.ballots.getBallot(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Mở bỏ phiếu kín cho một hình thức khen thưởng tại hội nghị tổng kết đang diễn ra, đủ số đơn vị dự họp (Khối trưởng)', operationId: 'openBallot' })
  @ApiCreatedResponse({ type: BallotDto })
  open(@CurrentActor() actor: Actor, @Body() dto: OpenBallotDto): Promise<BallotDto> {
    return this.workflow.openBallot(actor, dto);
  }

  @Post(':id/votes')
  @ApiOperation({ summary: 'Bỏ phiếu cho đơn vị mình (thủ trưởng hoặc người dự họp đã điểm danh): phiếu mã hóa trên trình duyệt kèm chứng minh hợp lệ; mỗi đơn vị có mặt một phiếu, không sửa được; trả về biên nhận', operationId: 'castBallot' })
  @ApiCreatedResponse({ type: BallotDto })
  cast(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CastVoteDto): Promise<BallotDto> {
    return this.workflow.castBallot(actor, id, dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kết thúc bỏ phiếu điện tử và kiểm phiếu (Khối trưởng)', operationId: 'closeBallot' })
  @ApiOkResponse({ type: BallotDto })
  close(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<BallotDto> {
    return this.workflow.closeBallot(actor, id);
  }

  @Post(':id/paper-tally')
  @HttpCode(200)
  @ApiOperation({ summary: 'Nhập kết quả kiểm phiếu giấy (Khối trưởng); các số phải khớp nhau', operationId: 'enterPaperTally' })
  @ApiOkResponse({ type: BallotDto })
  paperTally(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: PaperTallyDto): Promise<BallotDto> {
    return this.workflow.enterPaperTally(actor, id, dto);
  }

  @Post(':id/revote')
  @ApiOperation({ summary: 'Mở vòng bầu lại giữa các đơn vị bằng phiếu tại ngưỡng số lượng (Khối trưởng)', operationId: 'openBallotRevote' })
  @ApiCreatedResponse({ type: BallotDto })
  revote(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: RevoteDto): Promise<BallotDto> {
    return this.workflow.openRevote(actor, id, dto);
  }

  @Get(':id/result')
  @ApiOperation({ summary: 'Kết quả kiểm phiếu; bị từ chối khi chưa kết thúc bỏ phiếu', operationId: 'getBallotResult' })
  @ApiOkResponse({ type: BallotResultDto })
  result(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<BallotResultDto> {
    return this.ballots.ballotResult(actor, id);
  }

  @Get(':id/tally-record')
  @ApiOperation({ summary: 'Biên bản kiểm phiếu của loạt bỏ phiếu: số, ban kiểm phiếu, trạng thái ký', operationId: 'getTallyRecord' })
  @ApiOkResponse({ type: TallyRecordDto })
  tallyRecord(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<TallyRecordDto> {
    return this.tallyRecords.tallyRecord(actor, id);
  }

  @Get(':id/tally-record/ledger-proof')
  @ApiOperation({ summary: 'Bằng chứng niêm phong của biên bản kiểm phiếu: mục nhật ký ký biên bản, điểm niêm phong đã ký và đường chứng minh', operationId: 'getTallyRecordProof' })
  @ApiOkResponse({ type: DocumentProofDto })
  tallyRecordProof(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DocumentProofDto> {
    return this.tallyRecords.tallyRecordProof(actor, id);
  }

  @Post(':id/tally-record/sign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ban kiểm phiếu ký biên bản (Khối trưởng ghi tên trưởng ban, thành viên); biên bản được cấp số và không sửa được', operationId: 'signTallyRecord' })
  @ApiOkResponse({ type: TallyRecordDto })
  sign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: SignTallyRecordDto): Promise<TallyRecordDto> {
    return this.tallyRecords.signTallyRecord(actor, id, dto);
  }

  @Get(':id/tally-record/export')
  @ApiOperation({ summary: 'Tải biên bản kiểm phiếu .docx hoặc .pdf theo thể thức Nghị định 30/2020', operationId: 'exportTallyRecord' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf')
  @ApiOkResponse({
    description: 'Tệp .docx hoặc .pdf',
    content: {
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async export(
    @CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: TallyRecordExportQueryDto, @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendFile(res, await this.tallyRecords.exportTallyRecord(actor, id, q.format ?? 'docx'));
  }
}
