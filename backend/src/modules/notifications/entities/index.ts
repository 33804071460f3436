import { NotificationSetting } from './notification-setting.entity';
import { Notification } from './notification.entity';

/** Entities of the notifications module (registered in database/entities.ts). */
export const NOTIFICATIONS_ENTITIES: Function[] = [Notification, NotificationSetting];
