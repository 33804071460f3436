import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * Notifications to persons. Other modules call the exported `notify(em, actor, recipients, …)` inside their
 * own transactions; this module serves each person's list, read state and email preference.
 */
@Module({ controllers: [NotificationsController], providers: [NotificationsService] })
export class NotificationsModule {}
