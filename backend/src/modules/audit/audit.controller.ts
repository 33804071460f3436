import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditQueryDto, AuditVerifyDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit')
@Roles('admin', 'board')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Nhật ký thay đổi (ai, khi nào, cái gì, trước → sau, lý do)', operationId: 'listAudit' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() q: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(q) as Promise<AuditPageDto>;
  }

  @Get('verify')
  @ApiOperation({ summary: 'Kiểm tra chuỗi băm của nhật ký; báo mắt xích hỏng đầu tiên', operationId: 'verifyAudit' })
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(): Promise<AuditVerifyDto> {
    return this.audit.verify();
  }
}
