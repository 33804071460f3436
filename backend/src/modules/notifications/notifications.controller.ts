import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { NotificationDto, NotificationSettingsDto, ReadAllResultDto, UpdateNotificationSettingsDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Thông báo gửi tới người dùng (việc mới, nhắc hạn, kết quả), chưa đọc trước', operationId: 'listNotifications' })
  @ApiOkResponse({ type: [NotificationDto] })
  list(@CurrentActor() actor: Actor): Promise<NotificationDto[]> {
    return this.notifications.list(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu tất cả là đã đọc', operationId: 'readAllNotifications' })
  @ApiOkResponse({ type: ReadAllResultDto })
  readAll(@CurrentActor() actor: Actor): Promise<ReadAllResultDto> {
    return this.notifications.readAll(actor);
  }

  @Get('settings')
  @ApiOperation({ summary: 'Cách nhận thông báo qua email của người dùng', operationId: 'getNotificationSettings' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  settings(@CurrentActor() actor: Actor): Promise<NotificationSettingsDto> {
    return this.notifications.settings(actor);
  }

  @Patch('settings')
  @ApiOperation({ summary: 'Chọn nhận email ngay, tổng hợp hằng ngày hoặc không nhận', operationId: 'updateNotificationSettings' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    return this.notifications.updateSettings(actor, dto);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đánh dấu đã đọc', operationId: 'readNotification' })
  @ApiOkResponse({ type: NotificationDto })
  read(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<NotificationDto> {
    return this.notifications.read(actor, id);
  }
}
