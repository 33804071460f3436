import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../common/auth.decorators';
import { TaskListDto } from './dto/task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'Việc cần làm của người đang đăng nhập (suy ra từ tình trạng của năm), kèm số việc', operationId: 'listMyTasks' })
  @ApiOkResponse({ type: TaskListDto })
  list(@CurrentActor() actor: Actor): Promise<TaskListDto> {
    return this.tasks.list(actor);
  }
}
