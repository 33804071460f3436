import { Module } from '@nestjs/common';
import { MailController } from './mail.controller';
import { MailService } from './mail.service';

/** The mail outbox and the SMTP sender that works it. */
@Module({ controllers: [MailController], providers: [MailService], exports: [MailService] })
export class MailModule {}
