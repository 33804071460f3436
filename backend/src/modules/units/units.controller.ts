import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { ReasonDto } from '../../common/dto';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import { UnitsService } from './units.service';
import { CreateUnitDto, UnitDto, UnitPageDto, UnitQueryDto, UpdateUnitDto } from './dto/unit.dto';

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách đơn vị trong phạm vi của người dùng', operationId: 'listUnits' })
  @ApiOkResponse({ type: UnitPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: UnitQueryDto): Promise<UnitPageDto> {
    return this.units.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết đơn vị', operationId: 'getUnit' })
  @ApiOkResponse({ type: UnitDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<UnitDto> {
    return this.units.get(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Tạo đơn vị', operationId: 'createUnit' })
  @ApiCreatedResponse({ type: UnitDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa đơn vị (đơn vị tự sửa thông tin liên hệ)', operationId: 'updateUnit' })
  @ApiOkResponse({ type: UnitDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateUnitDto): Promise<UnitDto> {
    return this.units.update(actor, id, dto);
  }

  @Post(':id/archive')
  @ApiOperation({ summary: 'Lưu trữ đơn vị', operationId: 'archiveUnit' })
  @ApiCreatedResponse({ type: UnitDto })
  archive(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonDto): Promise<UnitDto> {
    return this.units.setArchived(actor, id, true, dto.reason);
  }

  @Post(':id/restore')
  @ApiOperation({ summary: 'Khôi phục đơn vị đã lưu trữ', operationId: 'restoreUnit' })
  @ApiCreatedResponse({ type: UnitDto })
  restore(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReasonDto): Promise<UnitDto> {
    return this.units.setArchived(actor, id, false, dto.reason);
  }
}
