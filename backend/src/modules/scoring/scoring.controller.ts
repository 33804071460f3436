import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { sendFile } from './download';
import {
  CreateCriterionDto, CreateSchemeDto, VersionQueryDto, MoveCriterionDto, SchemeDto, SchemeQueryDto, SchemeSummaryDto, UpdateCriterionDto, UpdateSchemeDto,
} from './dto/scheme.dto';
import { MAX_SCHEME_XLSX_BYTES } from './scheme-xlsx';
import { ScoringService } from './scoring.service';

const XLSX_RESPONSE = { description: 'Tệp .xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } };

@ApiTags('scoring')
@Controller('scoring-schemes')
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Get()
  @ApiOperation({ summary: 'Các phiên bản biểu chấm điểm của một năm thi đua (thành viên của năm, Ban TĐKT)', operationId: 'listScoringSchemes' })
  @ApiOkResponse({ type: [SchemeSummaryDto] })
  list(@CurrentActor() actor: Actor, @Query() q: SchemeQueryDto): Promise<SchemeSummaryDto[]> {
    return this.scoring.list(actor, q);
  }

  @Post()
  @ApiOperation({ summary: 'Tạo phiên bản biểu chấm điểm mới, trống hoặc sao chép từ biểu trước (Khối trưởng, Khối phó)', operationId: 'createScoringScheme' })
  @ApiCreatedResponse({ type: SchemeDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSchemeDto): Promise<SchemeDto> {
    return this.scoring.create(actor, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Biểu chấm điểm: cây tiêu chí, tổng điểm trực tiếp, các vấn đề còn lại', operationId: 'getScoringScheme' })
  @ApiOkResponse({ type: SchemeDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<SchemeDto> {
    return this.scoring.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa tên, tổng điểm của biểu chưa đóng băng', operationId: 'updateScoringScheme' })
  @ApiOkResponse({ type: SchemeDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateSchemeDto): Promise<SchemeDto> {
    return this.scoring.update(actor, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Xóa phiên bản biểu chưa được đợt chấm nào dùng', operationId: 'deleteScoringScheme' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: VersionQueryDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.scoring.remove(actor, id, q.version);
    res.status(204);
  }

  @Post(':id/criteria')
  @ApiOperation({ summary: 'Thêm nhóm hoặc tiêu chí vào biểu (Khối trưởng, Khối phó)', operationId: 'addScoringCriterion' })
  @ApiCreatedResponse({ type: SchemeDto })
  addCriterion(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: CreateCriterionDto): Promise<SchemeDto> {
    return this.scoring.addCriterion(actor, id, dto);
  }

  @Patch(':id/criteria/:criterionId')
  @ApiOperation({ summary: 'Sửa một nhóm hoặc tiêu chí', operationId: 'updateScoringCriterion' })
  @ApiOkResponse({ type: SchemeDto })
  updateCriterion(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('criterionId', UuidPipe) criterionId: string, @Body() dto: UpdateCriterionDto): Promise<SchemeDto> {
    return this.scoring.updateCriterion(actor, id, criterionId, dto);
  }

  @Post(':id/criteria/:criterionId/move')
  @ApiOperation({ summary: 'Chuyển tiêu chí sang nhóm khác hoặc đổi thứ tự trong nhóm', operationId: 'moveScoringCriterion' })
  @ApiCreatedResponse({ type: SchemeDto })
  move(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('criterionId', UuidPipe) criterionId: string, @Body() dto: MoveCriterionDto): Promise<SchemeDto> {
    return this.scoring.moveCriterion(actor, id, criterionId, dto);
  }

  @Delete(':id/criteria/:criterionId')
  @ApiOperation({ summary: 'Xóa tiêu chí (xóa nhóm thì xóa cả các tiêu chí trong nhóm)', operationId: 'deleteScoringCriterion' })
  @ApiOkResponse({ type: SchemeDto })
  deleteCriterion(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Param('criterionId', UuidPipe) criterionId: string, @Query() q: VersionQueryDto): Promise<SchemeDto> {
    return this.scoring.deleteCriterion(actor, id, criterionId, q.version);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Xuất biểu chấm điểm ra tệp .xlsx', operationId: 'exportScoringScheme' })
  @ApiOkResponse(XLSX_RESPONSE)
  async export(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendFile(res, await this.scoring.exportXlsx(actor, id));
  }

  @Post(':id/import')
  @ApiOperation({ summary: 'Nhập cây tiêu chí từ tệp .xlsx (thay toàn bộ cây của biểu chưa đóng băng); lỗi ghi rõ dòng và mã tiêu chí', operationId: 'importScoringScheme' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: SchemeDto })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_SCHEME_XLSX_BYTES, files: 1 } }))
  import(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @UploadedFile() file: Express.Multer.File | undefined): Promise<SchemeDto> {
    return this.scoring.importXlsx(actor, id, file?.buffer);
  }
}
