import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth.decorators';
import { pingDatabase } from './health-data';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['ok'] }) database: 'ok';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Tình trạng dịch vụ và cơ sở dữ liệu', operationId: 'getHealth' })
  @ApiOkResponse({ type: HealthDto })
  async health(): Promise<HealthDto> {
    try {
      await pingDatabase(this.ds.manager);
    } catch {
      throw new HttpException({ status: 'error', database: 'unreachable' }, 503);
    }
    return { status: 'ok', database: 'ok' };
  }
}
