import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { Inject } from '@nestjs/common';
import type { Actor } from '../../common/actor';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { CurrentActor, Public } from './auth.decorators';
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.guard';
import { AuthService } from './auth.service';
import { ChangePasswordDto, MeDto, SignInDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập', operationId: 'signIn' })
  @ApiOkResponse({ type: MeDto })
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

  @Post('change-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đổi mật khẩu', operationId: 'changePassword' })
  @ApiNoContentResponse()
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}
