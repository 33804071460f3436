import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/pagination';

export class AuditQueryDto extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() blockId?: string;
  @ApiPropertyOptional({ description: 'Tiền tố hành động, ví dụ "unit."' }) @IsOptional() @IsString() @MaxLength(64) action?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString() to?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty() actorName: string;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true }) blockId: string | null;
  @ApiProperty({ type: Object, nullable: true }) before: unknown;
  @ApiProperty({ type: Object, nullable: true }) after: unknown;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, nullable: true, description: 'Mã yêu cầu HTTP đã ghi mục này (X-Request-Id, có trong nhật ký máy chủ)' }) requestId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Vị trí trong sổ đã niêm phong (null khi chưa niêm phong)' }) seq: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Băm lá (SHA-256, hex) đã niêm phong' }) hash: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class LedgerVerifyDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Số mục đã niêm phong được kiểm tra' }) checked: number;
  @ApiProperty({ description: 'Số điểm niêm phong đã ký được đối chiếu' }) checkpoints: number;
  @ApiProperty({ description: 'Số mục chưa được niêm phong' }) pending: number;
  @ApiProperty({ type: String, nullable: true, enum: ['signature', 'gap', 'missing_entry', 'content', 'root', 'missing_tail'] }) problem: string | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ type: Number, nullable: true }) seq: number | null;
  @ApiProperty({ type: String, nullable: true }) brokenAtId: string | null;
  @ApiProperty({ type: Number, nullable: true }) treeSize: number | null;
}

export class CheckpointDto {
  @ApiProperty({ description: 'Số mục trong cây' }) treeSize: number;
  @ApiProperty({ description: 'Gốc cây Merkle (SHA-256, hex)' }) rootHash: string;
  @ApiProperty({ format: 'date-time' }) sealedAt: string;
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'Chữ ký Ed25519 (base64)' }) signature: string;
}

export class CheckpointQueryDto extends PageQuery {}

export class CheckpointPageDto {
  @ApiProperty({ type: [CheckpointDto] }) items: CheckpointDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'Khóa công khai Ed25519 (PEM) để kiểm tra chữ ký' }) publicKey: string;
}

export class ProofQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional({ description: 'Mã mục nhật ký' }) @IsOptional() @Matches(/^[1-9][0-9]{0,17}$/, { message: 'Mã mục nhật ký phải là số nguyên dương' }) entryId?: string;
}

export class EntryProofDto {
  @ApiProperty({ type: AuditEntryDto }) entry: AuditEntryDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Vị trí lá trong cây của điểm niêm phong' }) leafIndex: number | null;
  @ApiProperty({ description: 'Dữ liệu lá đúng như được băm' }) leafData: string;
  @ApiProperty({ description: 'SHA-256(0x00 ‖ dữ liệu lá), tính lại từ mục như đang lưu' }) leafHash: string;
  @ApiProperty({ type: [String], description: 'Đường chứng minh (RFC 6962), hex' }) proof: string[];
  @ApiProperty({ description: 'Mục như đang lưu khớp với lá đã niêm phong' }) entryMatchesSeal: boolean;
  @ApiProperty({ description: 'Đường chứng minh dẫn tới gốc của điểm niêm phong' }) proofValid: boolean;
  @ApiProperty() ok: boolean;
}

export class ProofsDto {
  @ApiProperty({ type: CheckpointDto, nullable: true }) checkpoint: CheckpointDto | null;
  @ApiProperty() signatureValid: boolean;
  @ApiProperty() keyId: string;
  @ApiProperty() publicKey: string;
  @ApiProperty({ type: [EntryProofDto] }) entries: EntryProofDto[];
}

export class SealCheckpointDto extends CheckpointDto {
  @ApiProperty({ description: 'Số thứ tự của điểm niêm phong (1 là điểm đầu tiên)' }) number: number;
}

/**
 * A document's place in the ledger: the audit entry that fixed it, and the checkpoint it was sealed under
 * with the inclusion proof. Anyone can check it offline: leaf = SHA-256(0x00 ‖ leafData), walk `proof` to
 * the checkpoint's root, check the checkpoint's signature with `publicKey`.
 */
export class DocumentProofDto {
  @ApiProperty({ enum: ['sealed', 'pending', 'none'], description: 'sealed: đã niêm phong; pending: đang chờ niêm phong; none: chưa có mục nhật ký' }) status: 'sealed' | 'pending' | 'none';
  @ApiProperty() message: string;
  @ApiProperty({ type: String, nullable: true, description: 'Mã mục nhật ký ghi nhận văn bản' }) entryId: string | null;
  @ApiProperty({ type: String, nullable: true }) action: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) occurredAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Vị trí lá trong cây' }) leafIndex: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Dữ liệu lá đúng như được băm, đọc từ mục như đang lưu' }) leafData: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256(0x00 ‖ dữ liệu lá), hex' }) leafHash: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Băm lá đã niêm phong, hex' }) sealedLeafHash: string | null;
  @ApiProperty({ type: [String], description: 'Đường chứng minh (RFC 6962), hex' }) proof: string[];
  @ApiProperty({ type: SealCheckpointDto, nullable: true, description: 'Điểm niêm phong đầu tiên chứa mục' }) checkpoint: SealCheckpointDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Khóa công khai Ed25519 (PEM) đã ký điểm niêm phong' }) publicKey: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Kết quả máy chủ tự kiểm tra (null khi chưa niêm phong)' }) ok: boolean | null;
  @ApiProperty({ type: String, nullable: true, enum: ['shape', 'content', 'signature'] }) problem: 'shape' | 'content' | 'signature' | null;
}
