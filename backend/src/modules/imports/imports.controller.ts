import { Controller, Get, Header, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor, Roles } from '../../common/auth.decorators';
import { ImportReportDto } from './dto/import.dto';
import { ImportsService, MAX_IMPORT_BYTES } from './imports.service';

@ApiTags('imports')
@Controller('imports')
@Roles('admin', 'board')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('template')
  @ApiOperation({ summary: 'Tải tệp mẫu nhập đơn vị và tài khoản (.xlsx)', operationId: 'downloadImportTemplate' })
  @ApiOkResponse({ description: 'Tệp .xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } })
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', `attachment; filename="mau-nhap-don-vi-tai-khoan.xlsx"; filename*=UTF-8''m%E1%BA%ABu-nh%E1%BA%ADp-%C4%91%C6%A1n-v%E1%BB%8B-t%C3%A0i-kho%E1%BA%A3n.xlsx`)
  async template(): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.template());
  }

  @Post('units-accounts')
  @ApiOperation({ summary: 'Nhập đơn vị và tài khoản từ tệp .xlsx, báo cáo từng dòng', operationId: 'importUnitsAccounts' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Chỉ kiểm tra, không ghi dữ liệu' })
  @ApiQuery({ name: 'confirm', required: false, type: String, description: 'Mã xác nhận (fileSha256 của lần kiểm tra) – bắt buộc khi ghi dữ liệu' })
  @ApiCreatedResponse({ type: ImportReportDto })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  import(@CurrentActor() actor: Actor, @UploadedFile() file: Express.Multer.File | undefined, @Query('dryRun') dryRun?: string, @Query('confirm') confirm?: string): Promise<ImportReportDto> {
    return this.imports.importWorkbook(actor, file?.buffer, dryRun === 'true', confirm);
  }
}
