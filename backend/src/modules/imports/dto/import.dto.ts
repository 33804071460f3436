import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportRowDto {
  @ApiProperty({ enum: ['units', 'accounts'] }) sheet: 'units' | 'accounts';
  @ApiProperty({ description: 'Số dòng trong bảng tính' }) row: number;
  @ApiProperty({ description: 'Tên đơn vị hoặc email' }) label: string;
  @ApiProperty({ enum: ['created', 'rejected', 'skipped'], description: 'skipped: dòng mẫu của tệp mẫu, không nhập' }) status: 'created' | 'rejected' | 'skipped';
  @ApiProperty({ type: [String] }) errors: string[];
  @ApiPropertyOptional({ description: 'Mật khẩu ban đầu sinh tự động (chỉ hiện một lần)' }) initialPassword?: string;
}

export class ImportCountDto {
  @ApiProperty() created: number;
  @ApiProperty() rejected: number;
  @ApiProperty({ description: 'Dòng mẫu bỏ qua' }) skipped: number;
}

export class ImportReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'SHA-256 của tệp: gửi lại làm mã xác nhận (confirm) để nhập đúng tệp đã kiểm tra' }) fileSha256: string;
  @ApiProperty({ type: ImportCountDto }) units: ImportCountDto;
  @ApiProperty({ type: ImportCountDto }) accounts: ImportCountDto;
  @ApiProperty({ type: [ImportRowDto] }) rows: ImportRowDto[];
}
