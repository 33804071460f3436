import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { UnitsModule } from '../units/units.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({ imports: [UnitsModule, AccountsModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
