import { Module } from '@nestjs/common';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { OwnPasswordController } from './own-password.controller';

@Module({ controllers: [AccountsController, OwnPasswordController], providers: [AccountsService], exports: [AccountsService] })
export class AccountsModule {}
