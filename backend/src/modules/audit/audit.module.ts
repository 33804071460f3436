import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService, LedgerService } from './audit.service';
import { LedgerKeys } from './ledger-keys';
import { LedgerSealer } from './ledger-sealer';

@Global()
@Module({ controllers: [AuditController], providers: [AuditService, LedgerService, LedgerKeys, LedgerSealer], exports: [AuditService, LedgerService, LedgerSealer, LedgerKeys] })
export class AuditModule {}
