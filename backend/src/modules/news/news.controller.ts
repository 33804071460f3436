import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/actor';
import { UuidPipe } from '../../common/uuid.pipe';
import { CurrentActor } from '../../common/auth.decorators';
import {
  BlockNewsOverviewDto, BlockYearQueryDto, CreateModelDto, CreateNewsDto, ExemplaryModelDto, FeatureNewsDto, ModelListQueryDto, ModelRegisterDto, RegisterQueryDto, UpdateModelDto, NewsCountsDto, NewsDto, NewsListDto,
  NewsListQueryDto, OverviewQueryDto, PhotoUploadDto, PlanLinksDto, ReturnNewsDto, SetNewsTargetsDto, UpdateNewsDto,
} from './dto/news.dto';
import { MAX_PHOTO_BYTES } from './news-image';
import { NewsService } from './news.service';

@ApiTags('news')
@Controller('news')
export class NewsController {
  constructor(private readonly news: NewsService) {}

  @Get()
  @ApiOperation({ summary: 'Tin hoạt động và bài gương điển hình của một năm (tìm không dấu được)', operationId: 'listNews' })
  @ApiOkResponse({ type: NewsListDto })
  list(@CurrentActor() actor: Actor, @Query() q: NewsListQueryDto): Promise<NewsListDto> {
    return this.news.list(actor, q);
  }

  @Post()
  @ApiOperation({ summary: 'Viết tin, bài cho đơn vị mình (bản nháp)', operationId: 'createNews' })
  @ApiCreatedResponse({ type: NewsDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateNewsDto): Promise<NewsDto> {
    return this.news.create(actor, dto);
  }

  @Get('plan-links')
  @ApiOperation({ summary: 'Phong trào và hoạt động trong kế hoạch của khối để gắn tin, bài', operationId: 'getNewsPlanLinks' })
  @ApiOkResponse({ type: PlanLinksDto })
  planLinks(@CurrentActor() actor: Actor, @Query() q: BlockYearQueryDto): Promise<PlanLinksDto> {
    return this.news.planLinks(actor, q.blockYearId);
  }

  @Get('counts')
  @ApiOperation({ summary: 'Số tin, bài đã đăng theo đơn vị và phong trào, so với chỉ tiêu', operationId: 'getNewsCounts' })
  @ApiOkResponse({ type: NewsCountsDto })
  counts(@CurrentActor() actor: Actor, @Query() q: BlockYearQueryDto): Promise<NewsCountsDto> {
    return this.news.counts(actor, q.blockYearId);
  }

  @Put('targets')
  @ApiOperation({ summary: 'Đặt chỉ tiêu tin, bài mỗi đơn vị (cả năm hoặc theo phong trào) – Khối trưởng, Khối phó', operationId: 'setNewsTargets' })
  @ApiOkResponse({ type: NewsCountsDto })
  setTargets(@CurrentActor() actor: Actor, @Body() dto: SetNewsTargetsDto): Promise<NewsCountsDto> {
    return this.news.setTargets(actor, dto);
  }

  @Get('overview')
  @ApiOperation({ summary: 'Ban TĐKT: tin, bài đã đăng của từng khối trong năm', operationId: 'getNewsOverview' })
  @ApiOkResponse({ type: [BlockNewsOverviewDto] })
  overview(@CurrentActor() actor: Actor, @Query() q: OverviewQueryDto): Promise<BlockNewsOverviewDto[]> {
    return this.news.overview(actor, q.year);
  }

  @Get('models')
  @ApiOperation({ summary: 'Sổ gương điển hình tiên tiến (lọc theo đơn vị, năm) để hồ sơ khen thưởng trích dẫn', operationId: 'listExemplaryModels' })
  @ApiOkResponse({ type: [ExemplaryModelDto] })
  models(@CurrentActor() actor: Actor, @Query() q: ModelListQueryDto): Promise<ExemplaryModelDto[]> {
    return this.news.listModels(actor, q);
  }

  @Get('models/register')
  @ApiOperation({ summary: 'Sổ gương điển hình của một khối năm: tìm (có dấu hoặc không dấu), lọc theo đơn vị, phân trang; đơn vị người xem được ghi sổ', operationId: 'getModelRegister' })
  @ApiOkResponse({ type: ModelRegisterDto })
  register(@CurrentActor() actor: Actor, @Query() q: RegisterQueryDto): Promise<ModelRegisterDto> {
    return this.news.register(actor, q);
  }

  @Post('models')
  @ApiOperation({ summary: 'Ghi một gương điển hình vào sổ (thủ trưởng đơn vị, hoặc Khối trưởng, Khối phó)', operationId: 'createExemplaryModel' })
  @ApiCreatedResponse({ type: ExemplaryModelDto })
  createModel(@CurrentActor() actor: Actor, @Body() dto: CreateModelDto): Promise<ExemplaryModelDto> {
    return this.news.createModel(actor, dto);
  }

  @Patch('models/:id')
  @ApiOperation({ summary: 'Sửa một mục trong sổ gương điển hình, liên kết bài đã đăng (thủ trưởng đơn vị, hoặc Khối trưởng, Khối phó)', operationId: 'updateExemplaryModel' })
  @ApiOkResponse({ type: ExemplaryModelDto })
  updateModel(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateModelDto): Promise<ExemplaryModelDto> {
    return this.news.updateModel(actor, id, dto);
  }

  @Get('photos/:photoId')
  @ApiOperation({ summary: 'Ảnh của một tin, bài (JPEG)', operationId: 'getNewsPhoto' })
  @ApiOkResponse({ description: 'Ảnh JPEG', content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } })
  async photo(@CurrentActor() actor: Actor, @Param('photoId', UuidPipe) photoId: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const p = await this.news.photoContent(actor, photoId);
    res.setHeader('Content-Type', p.contentType);
    res.setHeader('Cache-Control', 'private, max-age=300');
    return new StreamableFile(p.buffer);
  }

  @Delete('photos/:photoId')
  @ApiOperation({ summary: 'Xóa một ảnh khỏi bài (khi bài còn sửa được)', operationId: 'deleteNewsPhoto' })
  @ApiOkResponse({ type: NewsDto })
  deletePhoto(@CurrentActor() actor: Actor, @Param('photoId', UuidPipe) photoId: string): Promise<NewsDto> {
    return this.news.deletePhoto(actor, photoId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Chi tiết tin, bài', operationId: 'getNews' })
  @ApiOkResponse({ type: NewsDto })
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<NewsDto> {
    return this.news.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa tin, bài (bản nháp hoặc bị trả lại; nội dung HTML được lọc)', operationId: 'updateNews' })
  @ApiOkResponse({ type: NewsDto })
  update(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: UpdateNewsDto): Promise<NewsDto> {
    return this.news.update(actor, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Gửi thủ trưởng đơn vị duyệt', operationId: 'submitNews' })
  @ApiOkResponse({ type: NewsDto })
  submit(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<NewsDto> {
    return this.news.submit(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thủ trưởng đơn vị duyệt đăng', operationId: 'approveNews' })
  @ApiOkResponse({ type: NewsDto })
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<NewsDto> {
    return this.news.approve(actor, id);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOperation({ summary: 'Thủ trưởng đơn vị trả lại bài, có lý do', operationId: 'returnNews' })
  @ApiOkResponse({ type: NewsDto })
  returnItem(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: ReturnNewsDto): Promise<NewsDto> {
    return this.news.returnItem(actor, id, dto.reason);
  }

  @Post(':id/feature')
  @HttpCode(200)
  @ApiOperation({ summary: 'Chọn / bỏ tin nổi bật (Khối trưởng, Khối phó trong khối; Ban TĐKT trên trang Thành phố)', operationId: 'featureNews' })
  @ApiOkResponse({ type: NewsDto })
  feature(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: FeatureNewsDto): Promise<NewsDto> {
    return this.news.feature(actor, id, dto.featured);
  }

  @Post(':id/photos')
  @ApiOperation({ summary: 'Thêm ảnh (JPEG, PNG, WebP, GIF; kiểm tra theo nội dung; thu nhỏ và mã hóa lại) với chú thích và mô tả', operationId: 'addNewsPhoto' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'alt'], properties: { file: { type: 'string', format: 'binary' }, alt: { type: 'string' }, caption: { type: 'string' } } } })
  @ApiCreatedResponse({ type: NewsDto })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PHOTO_BYTES + 1, files: 1 }, defParamCharset: 'utf8' } as MulterOptions))
  addPhoto(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: PhotoUploadDto, @UploadedFile() file: Express.Multer.File | undefined): Promise<NewsDto> {
    return this.news.addPhoto(actor, id, dto, file);
  }
}
