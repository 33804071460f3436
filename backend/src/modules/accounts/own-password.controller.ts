import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../common/auth.decorators';
import { ChangePasswordDto } from '../auth/dto/auth.dto';
import { AccountsService } from './accounts.service';

/** A person changing their own password: the accounts module writes the account, under auth's path. */
@ApiTags('auth')
@Controller('auth')
export class OwnPasswordController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('change-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đổi mật khẩu (mật khẩu hiện tại nhập sai được tính như đăng nhập sai)', operationId: 'changePassword' })
  @ApiNoContentResponse()
  @ApiTooManyRequestsResponse({ description: 'Nhập sai nhiều lần: chờ số giây trong tiêu đề Retry-After' })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.accounts.changeOwnPassword(actor, dto.currentPassword, dto.newPassword);
  }
}
