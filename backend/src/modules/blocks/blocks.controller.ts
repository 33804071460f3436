import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { ReasonDto } from '../../common/dto';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { BlocksService } from './blocks.service';
import { BlockDto, BlockPageDto, BlockQueryDto, CreateBlockDto, UpdateBlockDto } from './dto/block.dto';

@ApiTags('blocks')
@Controller('blocks')
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách khối, cụm thi đua trong phạm vi của người dùng', operationId: 'listBlocks' })
  @ApiOkResponse({ type: BlockPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: BlockQueryDto): Promise<BlockPageDto> {
    return this.blocks.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết khối thi đua', operationId: 'getBlock' })
  @ApiOkResponse({ type: BlockDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<BlockDto> {
    return this.blocks.get(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Tạo khối thi đua', operationId: 'createBlock' })
  @ApiCreatedResponse({ type: BlockDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBlockDto): Promise<BlockDto> {
    return this.blocks.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa khối thi đua', operationId: 'updateBlock' })
  @ApiOkResponse({ type: BlockDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateBlockDto): Promise<BlockDto> {
    return this.blocks.update(actor, id, dto);
  }

  @Post(':id/archive')
  @ApiOperation({ summary: 'Lưu trữ khối thi đua', operationId: 'archiveBlock' })
  @ApiCreatedResponse({ type: BlockDto })
  archive(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonDto): Promise<BlockDto> {
    return this.blocks.setArchived(actor, id, true, dto.reason);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Khôi phục khối thi đua đã lưu trữ', operationId: 'restoreBlock' })
  @ApiCreatedResponse({ type: BlockDto })
  restore(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonDto): Promise<BlockDto> {
    return this.blocks.setArchived(actor, id, false, dto.reason);
  }
}
