import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.decorators';
import { OutboxPageDto, OutboxQueryDto } from './dto/mail.dto';
import { MailService } from './mail.service';
import { OUTBOX_READERS } from './mail.policy';

@ApiTags('mail')
@Controller('mail')
@Roles(...OUTBOX_READERS)
export class MailController {
  constructor(private readonly mail: MailService) {}

  @Get('outbox')
  @ApiOperation({ summary: 'Hộp thư đi: thư thông báo đã và sẽ gửi, trạng thái từng thư (quản trị viên)', operationId: 'listMailOutbox' })
  @ApiOkResponse({ type: OutboxPageDto })
  outbox(@Query() q: OutboxQueryDto): Promise<OutboxPageDto> {
    return this.mail.outbox(q);
  }
}
