import { DocumentProofDto } from '../audit/dto/audit.dto';
import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { download } from '../drafts/download';
import { CovenantsService, MAX_VERIFY_BYTES } from './covenants.service';
import {
  CovenantCertificateDto, CovenantDto, CovenantExportQueryDto, CovenantListDto, CovenantListQueryDto, CreateCovenantDto, SetCovenantTargetsDto, SignCovenantDto,
  UpdateCovenantDto, VerifyCovenantDto, VerifyResultDto,
} from './dto/covenant.dto';

const FILE_RESPONSE = {
  description: 'Tệp .docx hoặc .pdf theo thể thức Nghị định 30/2020/NĐ-CP (PDF của giao ước có hiệu lực là bản lưu trữ nguyên vẹn)',
  content: {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } },
    'application/pdf': { schema: { type: 'string', format: 'binary' } },
  },
};

@ApiTags('covenants')
@Controller('covenants')
export class CovenantsController {
  constructor(private readonly covenants: CovenantsService) {}

  @Get()
  @ApiOperation({ summary: 'Các giao ước thi đua của một năm (bản gốc và các bản sửa đổi)', operationId: 'listCovenants' })
  @ApiOkResponse({ type: CovenantListDto })
  list(@CurrentActor() actor: Actor, @Query() q: CovenantListQueryDto): Promise<CovenantListDto> {
    return this.covenants.list(actor, q.blockYearId);
  }

  @Post()
  @ApiOperation({ summary: 'Soạn giao ước thi đua từ kế hoạch đã thông qua (đơn vị Khối trưởng, Khối phó)', operationId: 'createCovenant' })
  @ApiCreatedResponse({ type: CovenantDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCovenantDto): Promise<CovenantDto> {
    return this.covenants.create(actor, dto);
  }

  @Post('verify')
  @ApiOperation({ summary: 'Kiểm tra một văn bản giao ước: tải tệp lên hoặc dán mã SHA-256', operationId: 'verifyCovenant' })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } } })
  @ApiCreatedResponse({ type: VerifyResultDto })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_VERIFY_BYTES, files: 1 } }))
  verify(@UploadedFile() file: Express.Multer.File | undefined, @Body() dto: VerifyCovenantDto): Promise<VerifyResultDto> {
    return this.covenants.verify(file?.buffer, dto.sha256);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết giao ước: nội dung, chỉ tiêu, chữ ký và bảng tiến độ ký', operationId: 'getCovenant' })
  @ApiOkResponse({ type: CovenantDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CovenantDto> {
    return this.covenants.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa tiêu đề, mục tiêu, nội dung cam kết (bản dự thảo)', operationId: 'updateCovenant' })
  @ApiOkResponse({ type: CovenantDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateCovenantDto): Promise<CovenantDto> {
    return this.covenants.update(actor, id, dto);
  }

  @Put(':id/targets')
  @ApiOperation({ summary: 'Thay toàn bộ chỉ tiêu của các đơn vị (bản dự thảo)', operationId: 'setCovenantTargets' })
  @ApiOkResponse({ type: CovenantDto })
  setTargets(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: SetCovenantTargetsDto): Promise<CovenantDto> {
    return this.covenants.setTargets(actor, id, dto);
  }

  @Post(':id/sign')
  @ApiOperation({ summary: 'Thủ trưởng ký giao ước cho đơn vị mình (nhập lại mật khẩu); đơn vị Khối trưởng ký sau cùng', operationId: 'signCovenant' })
  @ApiCreatedResponse({ type: CovenantDto })
  sign(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: SignCovenantDto, @Req() req: Request): Promise<CovenantDto> {
    return this.covenants.sign(actor, id, dto, { ip: req.ip ?? '', userAgent: req.header('user-agent') ?? '' });
  }

  @Post(':id/amend')
  @ApiOperation({ summary: 'Tạo bản sửa đổi (mọi đơn vị ký lại)', operationId: 'amendCovenant' })
  @ApiCreatedResponse({ type: CovenantDto })
  amend(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CovenantDto> {
    return this.covenants.amend(actor, id);
  }

  @Get(':id/ledger-proof')
  @ApiOperation({ summary: 'Bằng chứng niêm phong của giao ước đã ký: mục nhật ký có hiệu lực, điểm niêm phong đã ký và đường chứng minh', operationId: 'getCovenantProof' })
  @ApiOkResponse({ type: DocumentProofDto })
  ledgerProof(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<DocumentProofDto> {
    return this.covenants.ledgerProof(actor, id);
  }

  @Get(':id/certificate')
  @ApiOperation({ summary: 'Giấy chứng nhận hoàn tất: mọi lần ký và hai mã SHA-256 (nội dung, tệp)', operationId: 'getCovenantCertificate' })
  @ApiOkResponse({ type: CovenantCertificateDto })
  certificate(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<CovenantCertificateDto> {
    return this.covenants.certificate(actor, id);
  }

  @Get(':id/export')
  @ApiOperation({ summary: 'Tải giao ước (.docx hoặc .pdf) với bảng chữ ký mỗi đơn vị một cột', operationId: 'exportCovenant' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf')
  @ApiOkResponse(FILE_RESPONSE)
  async export(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() q: CovenantExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return download(res, await this.covenants.export(actor, id, q.format));
  }
}
