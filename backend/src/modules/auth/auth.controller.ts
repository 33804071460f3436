import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { Inject } from '@nestjs/common';
import type { Actor } from '../../common/actor';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { CurrentActor, Public } from '../../common/auth.decorators';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.guard';
import { AuthService } from './auth.service';
import { UuidPipe } from '../../common/uuid.pipe';
import { EndedSessionsDto, MeDto, SessionDto, SignInDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập (nhập sai nhiều lần: phải chờ, tăng dần; xem Retry-After)', operationId: 'signIn' })
  @ApiOkResponse({ type: MeDto })
  @ApiTooManyRequestsResponse({ description: 'Nhập sai nhiều lần: chờ số giây trong tiêu đề Retry-After' })
  async signIn(@Body() dto: SignInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    const { token, session } = await this.auth.signIn(dto.email, dto.password, { ip: req.ip ?? '', userAgent: req.header('user-agent') ?? '' });
    const base: CookieOptions = { sameSite: 'lax', secure: this.config.cookieSecure, path: '/', expires: session.expiresAt };
    res.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
    res.cookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
    const actor: Actor = (await this.auth.resolve(token))!.actor;
    return this.auth.me(actor);
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đăng xuất', operationId: 'signOut' })
  @ApiNoContentResponse()
  async signOut(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.signOut(actor);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOperation({ summary: 'Người đang đăng nhập', operationId: 'getMe' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  @Get('sessions')
  @ApiOperation({ summary: 'Các phiên đăng nhập đang mở của tài khoản (tối đa 10; đăng nhập thêm sẽ đóng phiên cũ nhất)', operationId: 'listMySessions' })
  @ApiOkResponse({ type: [SessionDto] })
  sessions(@CurrentActor() actor: Actor): Promise<SessionDto[]> {
    return this.auth.listSessions(actor);
  }

  @Post('sessions/end-others')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng xuất mọi phiên khác của tài khoản', operationId: 'endOtherSessions' })
  @ApiOkResponse({ type: EndedSessionsDto })
  endOthers(@CurrentActor() actor: Actor): Promise<EndedSessionsDto> {
    return this.auth.endOtherSessions(actor);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Kết thúc một phiên đăng nhập của tài khoản', operationId: 'endSession' })
  @ApiNoContentResponse()
  endSession(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string): Promise<void> {
    return this.auth.endSession(actor, id);
  }
}
