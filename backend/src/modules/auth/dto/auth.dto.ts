import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../../common/actor';

export class SignInDto {
  @ApiProperty({ example: 'admin@thidua.vn' }) @IsEmail() @MaxLength(255) email: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) password: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) currentPassword: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(128) newPassword: string;
}

export class SeatDto {
  @ApiProperty() blockYearId: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['leader', 'deputy'] }) seat: 'leader' | 'deputy';
}

export class MeDto {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty({ description: 'Gửi lại trong tiêu đề X-CSRF-Token cho mọi thao tác ghi' }) csrfToken: string;
  @ApiProperty({ type: [SeatDto], description: 'Ghế khối trưởng/khối phó của đơn vị theo từng năm' }) seats: SeatDto[];
}
