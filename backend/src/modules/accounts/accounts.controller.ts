import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { ReasonDto } from '../../common/dto';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { AccountsService } from './accounts.service';
import { AccountDto, AccountPageDto, AccountQueryDto, CreateAccountDto, ResetPasswordDto, UpdateAccountDto } from './dto/account.dto';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách tài khoản (Ban TĐKT: tất cả; đơn vị: của đơn vị mình)', operationId: 'listAccounts' })
  @ApiOkResponse({ type: AccountPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: AccountQueryDto): Promise<AccountPageDto> {
    return this.accounts.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết tài khoản', operationId: 'getAccount' })
  @ApiOkResponse({ type: AccountDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<AccountDto> {
    return this.accounts.get(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Tạo tài khoản', operationId: 'createAccount' })
  @ApiCreatedResponse({ type: AccountDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAccountDto): Promise<AccountDto> {
    return this.accounts.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa tài khoản', operationId: 'updateAccount' })
  @ApiOkResponse({ type: AccountDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateAccountDto): Promise<AccountDto> {
    return this.accounts.update(actor, id, dto);
  }

  @Post(':id/archive')
  @ApiOperation({ summary: 'Khóa (lưu trữ) tài khoản', operationId: 'archiveAccount' })
  @ApiCreatedResponse({ type: AccountDto })
  archive(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonDto): Promise<AccountDto> {
    return this.accounts.setArchived(actor, id, true, dto.reason);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Mở lại tài khoản', operationId: 'restoreAccount' })
  @ApiCreatedResponse({ type: AccountDto })
  restore(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonDto): Promise<AccountDto> {
    return this.accounts.setArchived(actor, id, false, dto.reason);
  }

  @Post(':id/reset-password')
  @ApiOperation({ summary: 'Đặt lại mật khẩu (xóa các lần chờ do nhập sai)', operationId: 'resetAccountPassword' })
  @ApiCreatedResponse({ type: AccountDto })
  resetPassword(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ResetPasswordDto): Promise<AccountDto> {
    return this.accounts.resetPassword(actor, id, dto.newPassword);
  }
}
