import { Module } from '@nestjs/common';
import { DraftsModule } from '../drafts/drafts.module';
import { NewsPagesController } from './news-pages.controller';
import { NewsPagesService } from './news-pages.service';
import { NewsController } from './news.controller';
import { NewsService } from './news.service';

@Module({ imports: [DraftsModule], controllers: [NewsController, NewsPagesController], providers: [NewsService, NewsPagesService], exports: [NewsService] })
export class NewsModule {}
