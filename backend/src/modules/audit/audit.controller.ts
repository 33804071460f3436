import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.decorators';
import { AuditService, LedgerService } from './audit.service';
import { AuditPageDto, AuditQueryDto, CheckpointPageDto, CheckpointQueryDto, LedgerVerifyDto, ProofQueryDto, ProofsDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit')
@Roles('admin', 'board')
export class AuditController {
  constructor(private readonly audit: AuditService, private readonly ledger: LedgerService) {}

  @Get()
  @ApiOperation({ summary: 'Nhật ký thay đổi (ai, khi nào, cái gì, trước → sau, lý do)', operationId: 'listAudit' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() q: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(q) as Promise<AuditPageDto>;
  }

  @Get('verify')
  @ApiOperation({ summary: 'Kiểm tra toàn bộ sổ nhật ký với các điểm niêm phong đã ký; nêu vấn đề đầu tiên', operationId: 'verifyAudit' })
  @ApiOkResponse({ type: LedgerVerifyDto })
  verify(): Promise<LedgerVerifyDto> {
    return this.ledger.verify();
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'Các điểm niêm phong đã ký (cỡ cây, gốc, thời điểm, chữ ký) và khóa công khai', operationId: 'listAuditCheckpoints' })
  @ApiOkResponse({ type: CheckpointPageDto })
  checkpoints(@Query() q: CheckpointQueryDto): Promise<CheckpointPageDto> {
    return this.ledger.checkpoints(q);
  }

  @Get('proofs')
  @ApiOperation({ summary: 'Bằng chứng có mặt trong sổ của các mục nhật ký của một đối tượng (hoặc một mục), đã kiểm tra', operationId: 'auditProofs' })
  @ApiOkResponse({ type: ProofsDto })
  proofs(@Query() q: ProofQueryDto): Promise<ProofsDto> {
    return this.ledger.proofs(q);
  }
}
