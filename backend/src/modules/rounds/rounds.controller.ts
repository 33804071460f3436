import { DocumentProofDto } from '../audit/dto/audit.dto';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { sendFile } from '../scoring/download';
import { AssignmentsDto, RankingDto, SnapshotDto } from './dto/assessment.dto';
import {
  AdvancePhaseDto, AdvancePreviewDto, CreateRoundDto, ExportQueryDto, ExtensionDto, GenerateAssignmentsDto, OptionalReasonDto, ProgressDto, ReasonRequiredDto, ReminderDto,
  ReminderResultDto, RoundDto, RoundQueryDto, RoundSummaryDto, SetTargetsDto, TargetDto, UpdateRoundDto,
} from './dto/round.dto';
import { AdvancePreviewService } from './advance-preview.service';
import { ResultsService } from './results.service';
import { ReviewsService } from './reviews.service';
import { RoundsService } from './rounds.service';

const FILE_RESPONSE = {
  description: 'Bảng tổng hợp điểm: .xlsx, hoặc .pdf theo thể thức Nghị định 30/2020/NĐ-CP (A4 ngang)',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    'application/pdf': { schema: { type: 'string', format: 'binary' } },
  },
};

@ApiTags('rounds')
@Controller('rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService, private readonly reviews: ReviewsService, private readonly results: ResultsService, private readonly preview: AdvancePreviewService) {}

  @Get()
  @ApiOperation({ summary: 'Các đợt chấm điểm của một năm thi đua', operationId: 'listRounds' })
  @ApiOkResponse({ type: [RoundSummaryDto] })
  list(@CurrentActor() actor: Actor, @Query() q: RoundQueryDto): Promise<RoundSummaryDto[]> {
    return this.rounds.list(actor, q);
  }

  @Post()
  @ApiOperation({ summary: 'Mở đợt chấm điểm (Khối trưởng, Khối phó); biểu chấm điểm được đóng băng', operationId: 'createRound' })
  @ApiCreatedResponse({ type: RoundDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRoundDto): Promise<RoundDto> {
    return this.rounds.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Đợt chấm điểm: lịch, giai đoạn đang có hiệu lực, vị trí của đơn vị người dùng', operationId: 'getRound' })
  @ApiOkResponse({ type: RoundDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RoundDto> {
    return this.rounds.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa tên, lịch của đợt (hạn đã qua không sửa được)', operationId: 'updateRound' })
  @ApiOkResponse({ type: RoundDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateRoundDto): Promise<RoundDto> {
    return this.rounds.update(actor, id, dto);
  }

  @Get(':id/advance-preview')
  @ApiOperation({ summary: 'Xem trước việc chuyển giai đoạn: các đơn vị bị ảnh hưởng và điều sẽ xảy ra với từng đơn vị (Khối trưởng, Khối phó)', operationId: 'previewRoundAdvance' })
  @ApiOkResponse({ type: AdvancePreviewDto })
  advancePreview(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AdvancePreviewDto> {
    return this.preview.preview(actor, id);
  }

  @Post(':id/advance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chuyển sang giai đoạn kế tiếp trước hạn (Khối trưởng, Khối phó)', operationId: 'advanceRoundPhase' })
  @ApiOkResponse({ type: RoundDto })
  advance(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: AdvancePhaseDto): Promise<RoundDto> {
    return this.rounds.advance(actor, id, dto);
  }

  @Post(':id/extensions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gia hạn nộp bản tự chấm cho một đơn vị, có lý do', operationId: 'extendRoundDeadline' })
  @ApiOkResponse({ type: RoundDto })
  extend(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ExtensionDto): Promise<RoundDto> {
    return this.rounds.extend(actor, id, dto);
  }

  @Get(':id/progress')
  @ApiOperation({ summary: 'Tiến độ tự chấm của từng đơn vị (Khối trưởng, Khối phó, Ban TĐKT)', operationId: 'getRoundProgress' })
  @ApiOkResponse({ type: ProgressDto })
  progress(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<ProgressDto> {
    return this.rounds.progress(actor, id);
  }

  @Post(':id/reminders')
  @ApiOperation({ summary: 'Gửi nhắc nhở (thông báo trong hệ thống) tới các đơn vị, mặc định các đơn vị chưa nộp', operationId: 'sendRoundReminders' })
  @ApiCreatedResponse({ type: ReminderResultDto })
  remind(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReminderDto): Promise<ReminderResultDto> {
    return this.rounds.remind(actor, id, dto);
  }

  @Get(':id/targets')
  @ApiOperation({ summary: 'Chỉ tiêu của từng đơn vị cho các tiêu chí theo chỉ tiêu (từ giao ước hoặc nhập trong đợt)', operationId: 'listRoundTargets' })
  @ApiOkResponse({ type: [TargetDto] })
  targets(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<TargetDto[]> {
    return this.rounds.targets(actor, id);
  }

  @Put(':id/targets')
  @ApiOperation({ summary: 'Nhập chỉ tiêu trong đợt (khi giao ước chưa có); null để xóa', operationId: 'setRoundTargets' })
  @ApiOkResponse({ type: [TargetDto] })
  setTargets(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: SetTargetsDto): Promise<TargetDto[]> {
    return this.rounds.setTargets(actor, id, dto);
  }

  @Get(':id/assignments')
  @ApiOperation({ summary: 'Phân công chấm chéo của đợt', operationId: 'listReviewAssignments' })
  @ApiOkResponse({ type: AssignmentsDto })
  assignments(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AssignmentsDto> {
    return this.reviews.list(actor, id);
  }

  @Post(':id/assignments/generate')
  @ApiOperation({ summary: 'Tạo phân công chấm chéo: mỗi đơn vị chấm k đơn vị khác (k theo bộ quy tắc)', operationId: 'generateReviewAssignments' })
  @ApiCreatedResponse({ type: AssignmentsDto })
  generate(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: GenerateAssignmentsDto): Promise<AssignmentsDto> {
    return this.reviews.generate(actor, id, dto);
  }

  @Get(':id/ranking')
  @ApiOperation({ summary: 'Bảng xếp hạng: tổng điểm gồm thưởng, trừ; thứ hạng theo thứ tự ưu tiên; điểm từng nhóm; tự chấm so với cuối cùng', operationId: 'getRanking' })
  @ApiOkResponse({ type: RankingDto })
  ranking(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<RankingDto> {
    return this.results.ranking(actor, id);
  }

  @Get(':id/ranking/export')
  @ApiOperation({ summary: 'Xuất bảng tổng hợp điểm (.xlsx hoặc .pdf phụ lục A4 ngang)', operationId: 'exportRanking' })
  @ApiOkResponse(FILE_RESPONSE)
  async export(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.results.export(actor, id, q.format));
  }

  @Post(':id/finalise')
  @ApiOperation({ summary: 'Hoàn tất đợt chấm: đóng băng điểm và lưu bản chốt có mã băm (Khối trưởng, Khối phó)', operationId: 'finaliseRound' })
  @ApiCreatedResponse({ type: SnapshotDto })
  finalise(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: OptionalReasonDto): Promise<SnapshotDto> {
    return this.results.finalise(actor, id, dto.reason);
  }

  @Post(':id/reopen')
  @ApiOperation({ summary: 'Mở lại đợt chấm đã hoàn tất (bắt buộc lý do, ghi nhật ký)', operationId: 'reopenRound' })
  @ApiCreatedResponse({ type: SnapshotDto })
  reopen(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonRequiredDto): Promise<SnapshotDto> {
    return this.results.reopen(actor, id, dto.reason);
  }

  @Get(':id/snapshot')
  @ApiOperation({ summary: 'Bản chốt kết quả: xếp hạng, mã băm từng dòng điểm, kiểm tra toàn vẹn, lịch sử mở lại', operationId: 'getRoundSnapshot' })
  @ApiOkResponse({ type: SnapshotDto })
  snapshot(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<SnapshotDto> {
    return this.results.snapshot(actor, id);
  }

  @Get(':id/snapshot/ledger-proof')
  @ApiOperation({ summary: 'Bằng chứng niêm phong của bản chốt: mục nhật ký hoàn tất, điểm niêm phong đã ký và đường chứng minh', operationId: 'getRoundSnapshotProof' })
  @ApiOkResponse({ type: DocumentProofDto })
  snapshotProof(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DocumentProofDto> {
    return this.results.snapshotProof(actor, id);
  }
}
