import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** class-transformer helpers shared by DTOs. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const toBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : value);

export class ReasonDto {
  @ApiPropertyOptional({ description: 'Lý do (ghi vào nhật ký)' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}
